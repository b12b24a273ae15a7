/**
 * The Markdown report posted on pull requests: a header, a table per benchmark and the
 * comparison with the baseline. Output is deterministic so it can be checked against golden files.
 */
package dev.kitt.ci.report;
