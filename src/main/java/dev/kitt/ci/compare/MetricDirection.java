package dev.kitt.ci.compare;

/** Which way a metric should move for the engine to be better. */
public enum MetricDirection {
    LOWER_IS_BETTER("↓"),
    HIGHER_IS_BETTER("↑"),
    /** Counts and settings: shown, never judged (more tokens generated is neither good nor bad). */
    NEUTRAL("");

    private final String arrow;

    MetricDirection(String arrow) {
        this.arrow = arrow;
    }

    /** The arrow shown next to a metric name: the direction that is better. */
    public String arrow() {
        return arrow;
    }

    /** True when moving from baseline to current by {@code delta} makes things worse. */
    public boolean isWorse(double delta) {
        return this == LOWER_IS_BETTER ? delta > 0 : this == HIGHER_IS_BETTER && delta < 0;
    }
}
