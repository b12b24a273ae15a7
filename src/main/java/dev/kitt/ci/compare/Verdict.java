package dev.kitt.ci.compare;

/** What a metric's change from baseline to current means. */
public enum Verdict {
    REGRESSION("🔴 regression"),
    IMPROVEMENT("🟢 improvement"),
    WITHIN_THRESHOLD("within threshold"),
    /** Past the threshold, but the runs on each side scatter as much as that: not evidence of a change. */
    WITHIN_NOISE("within noise"),
    /** A neutral metric (a count): its change is shown, not judged. */
    NOT_JUDGED("not judged"),
    ONLY_IN_CURRENT("only in current"),
    ONLY_IN_BASELINE("only in baseline");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
