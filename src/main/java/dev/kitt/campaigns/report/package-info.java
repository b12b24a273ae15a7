/**
 * The rollup of a campaign: counts and a row for every planned run (skipped ones with their
 * reason), as JSON and as Markdown.
 */
package dev.kitt.campaigns.report;
