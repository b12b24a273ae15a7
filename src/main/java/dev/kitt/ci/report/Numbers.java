package dev.kitt.ci.report;

import dev.kitt.ci.stats.SampleStats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Number formatting for reports: locale-independent (reports are compared byte for byte), with
 * as many decimals as the magnitude deserves, and no trailing zeros.
 */
public final class Numbers {
    public static final String NONE = "—";

    private Numbers() {
    }

    public static String value(double v) {
        if (Double.isNaN(v)) {
            return NONE;
        }
        double abs = Math.abs(v);
        int scale = abs >= 1000 ? 1 : abs >= 1 ? 2 : 4;
        return BigDecimal.valueOf(v).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** Mean, and with several samples its spread: "84.9 ± 1.2 (n=3)". */
    public static String summary(SampleStats s) {
        return s.n() < 2 ? value(s.mean()) : value(s.mean()) + " ± " + value(s.stddev()) + " (n=" + s.n() + ")";
    }

    public static String percent(double pct) {
        String s = String.format(Locale.ROOT, "%+.1f%%", pct);
        return s.equals("-0.0%") || s.equals("+0.0%") ? "0.0%" : s;
    }

    public static String pValue(double p) {
        return p < 0.001 ? "p<0.001" : String.format(Locale.ROOT, "p=%.3f", p);
    }

    public static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : value(v);
    }
}
