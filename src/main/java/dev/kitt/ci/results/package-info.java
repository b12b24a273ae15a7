/**
 * Reading result directories (metrics.json, summary.md, hardware.json, config.json) written by
 * KITT or by the original Python KITT, into one in-memory shape with canonical metric names.
 */
package dev.kitt.ci.results;
