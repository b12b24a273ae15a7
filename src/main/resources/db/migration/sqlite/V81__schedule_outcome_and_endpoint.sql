-- A schedule records how its last firing went: the campaign it created, or why it could not
-- (last_error), so a schedule that cannot fire shows it in `schedule list` and the API.
ALTER TABLE campaign_schedules ADD COLUMN last_error TEXT;
-- A quick test in endpoint mode carries the URL of the engine already running there.
ALTER TABLE quick_tests ADD COLUMN endpoint TEXT;
