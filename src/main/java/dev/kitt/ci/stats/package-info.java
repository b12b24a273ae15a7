/**
 * Small statistics used to judge benchmark changes: sample summaries and Welch's t-test,
 * written here so KITT needs no maths library for a handful of formulas.
 */
package dev.kitt.ci.stats;
