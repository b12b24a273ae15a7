package dev.kitt.ci.stats;

import java.util.Arrays;

/**
 * Summary of one metric's samples. Standard deviation is the sample (n - 1) estimate and is NaN
 * for a single sample: one run says nothing about run-to-run spread, and pretending 0 would.
 */
public record SampleStats(int n, double mean, double stddev, double min, double max) {

    public static SampleStats of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        double stddev = Double.NaN;
        if (values.length > 1) {
            double sq = 0;
            for (double v : values) {
                sq += (v - mean) * (v - mean);
            }
            stddev = Math.sqrt(sq / (values.length - 1));
        }
        return new SampleStats(values.length, mean, stddev,
                Arrays.stream(values).min().orElseThrow(), Arrays.stream(values).max().orElseThrow());
    }

    /** Coefficient of variation (stddev / |mean|); NaN when undefined (one sample, or a zero mean). */
    public double cv() {
        return n < 2 || mean == 0 ? Double.NaN : stddev / Math.abs(mean);
    }

    public double variance() {
        return stddev * stddev;
    }
}
