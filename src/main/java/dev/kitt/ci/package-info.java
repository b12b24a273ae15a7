/**
 * Benchmark results in CI: read result directories, compare a run with a baseline,
 * render the Markdown report and post it on the pull request. Subpackages hold one concern each.
 */
package dev.kitt.ci;
