package dev.kitt.ci.stats;

import java.util.Optional;

/**
 * Welch's unequal-variance t-test on two independent samples: is the difference of means larger
 * than run-to-run noise explains? Chosen over Student's test because a change to an engine can
 * change the spread as well as the mean.
 */
public final class WelchTest {
    private WelchTest() {
    }

    /** @param p two-sided p-value; small means the difference is unlikely to be noise */
    public record Result(double t, double degreesOfFreedom, double p) {
    }

    /** Empty when either side has fewer than two samples: without spread there is no noise estimate. */
    public static Optional<Result> test(SampleStats a, SampleStats b) {
        if (a.n() < 2 || b.n() < 2) {
            return Optional.empty();
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double diff = b.mean() - a.mean();
        if (va + vb == 0) {
            // Both sides perfectly repeatable: any difference is real, and no difference means p = 1.
            return Optional.of(new Result(diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff),
                    a.n() + b.n() - 2, diff == 0 ? 1.0 : 0.0));
        }
        double t = diff / Math.sqrt(va + vb);
        double df = (va + vb) * (va + vb)
                / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        return Optional.of(new Result(t, df, StudentT.twoSidedP(t, df)));
    }
}
