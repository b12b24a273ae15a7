/**
 * Service-level objectives of a campaign ({@code slos:} in its file): bounds on the metrics a run
 * reports, checked against each succeeded run's stored result; the verdict and its reason go to
 * the run's row and the rollup.
 */
package dev.kitt.campaigns.slo;
