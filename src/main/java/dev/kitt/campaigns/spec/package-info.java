/**
 * Campaign files: the original KITT's YAML layout (campaign_name, models, engines, ...) plus
 * KITT's optional keys (agents, profiles, schedule, slos, timeout_minutes or timeout_seconds), parsed and validated.
 */
package dev.kitt.campaigns.spec;
