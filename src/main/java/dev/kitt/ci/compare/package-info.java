/**
 * Current run against baseline: which way each metric should move, the change in percent,
 * whether it is past the threshold and beyond run-to-run noise, and what fails the CI gate.
 */
package dev.kitt.ci.compare;
