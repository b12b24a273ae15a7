/**
 * Cron schedules for campaigns: five-field Unix cron expressions (cron-utils), stored in a table
 * so they survive restarts, fired by the campaign verticle's timer against an injectable clock.
 */
package dev.kitt.campaigns.schedule;
