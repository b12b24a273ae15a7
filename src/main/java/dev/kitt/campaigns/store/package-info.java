/**
 * SQL for the campaign tables (campaigns, campaign_runs, campaign_schedules), one repository per
 * table, the same statements on SQLite and PostgreSQL.
 */
package dev.kitt.campaigns.store;
