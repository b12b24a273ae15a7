package dev.kitt.ci.stats;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("Welch's t-test")
class WelchTestTest {
    private static WelchTest.Result test(double[] a, double[] b) {
        return WelchTest.test(SampleStats.of(a), SampleStats.of(b)).orElseThrow();
    }

    @Test
    @DisplayName("matches reference values for t, degrees of freedom and the two-sided p-value")
    void referenceValues() {
        // Reference: scipy.stats.ttest_ind(a, b, equal_var=False) gives t=1.8974 (sign by order), df=5.8824, p=0.10753.
        WelchTest.Result r = test(new double[]{1, 2, 3, 4, 5}, new double[]{2, 4, 6, 8, 10});

        assertEquals(1.897367, r.t(), 1e-6);
        assertEquals(5.882353, r.degreesOfFreedom(), 1e-6);
        assertEquals(0.107531, r.p(), 1e-6);
    }

    @Test
    @DisplayName("a tight shift is beyond noise and a scattered one is not")
    void separatesSignalFromNoise() {
        assertEquals(9.4497e-6, test(new double[]{1500, 1505, 1495}, new double[]{1380, 1385, 1390}).p(), 1e-8);
        assertEquals(0.621308, test(new double[]{100, 130, 85}, new double[]{120, 90, 135}).p(), 1e-6);
    }

    @Test
    @DisplayName("Student's t tail probabilities are right for small and fractional degrees of freedom")
    void studentTails() {
        assertEquals(0.139326, StudentT.twoSidedP(2.0, 3), 1e-6);
        assertEquals(0.023659, StudentT.twoSidedP(10, 1.5), 1e-6);
        assertEquals(1.0, StudentT.twoSidedP(0, 4), 1e-12);
    }

    @Test
    @DisplayName("a single sample on either side gives no noise estimate")
    void needsTwoSamplesPerSide() {
        assertTrue(WelchTest.test(SampleStats.of(new double[]{1}), SampleStats.of(new double[]{1, 2})).isEmpty());
    }

    @Test
    @DisplayName("identical repeatable runs are not a change; a shift between repeatable runs is")
    void zeroVariance() {
        assertEquals(1.0, test(new double[]{5, 5}, new double[]{5, 5}).p());
        assertEquals(0.0, test(new double[]{5, 5}, new double[]{6, 6}).p());
    }

    @Test
    @DisplayName("sample statistics use the n-1 standard deviation and leave cv undefined for one sample")
    void sampleStats() {
        SampleStats s = SampleStats.of(new double[]{2, 4, 4, 4, 5, 5, 7, 9});
        assertEquals(5.0, s.mean());
        assertEquals(2.13809, s.stddev(), 1e-5);
        assertEquals(0.427618, s.cv(), 1e-6);
        assertTrue(Double.isNaN(SampleStats.of(new double[]{3}).cv()));
    }
}
