/**
 * Run-to-run spread for `kitt results compare`: per metric min, max, mean, standard deviation and
 * coefficient of variation across several runs, printed as a table, JSON or Markdown.
 */
package dev.kitt.ci.spread;
