-- Quick tests carry their per-test timeout; campaign runs carry their SLO verdict and its reason.
ALTER TABLE quick_tests ADD COLUMN timeout_s INTEGER;
ALTER TABLE campaign_runs ADD COLUMN slo_status TEXT;
ALTER TABLE campaign_runs ADD COLUMN slo_reason TEXT;
