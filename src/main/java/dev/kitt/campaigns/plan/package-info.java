/**
 * Planning: the matrix of models × engines (× profile), with pairs an engine cannot run (model
 * format, CPU architecture) kept as skipped runs with their reason.
 */
package dev.kitt.campaigns.plan;
