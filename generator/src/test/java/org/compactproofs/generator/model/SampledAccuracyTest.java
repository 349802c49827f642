package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;
import org.junit.jupiter.api.Test;

class SampledAccuracyTest {
    /**
     * Wilson score intervals (no continuity correction) from Newcombe, "Two-sided confidence intervals for the
     * single proportion", Statistics in Medicine 17 (1998), Table II, method 3, to the 4 decimals printed there.
     */
    @Test
    void wilsonIntervalMatchesPublishedValues() {
        assertInterval(81, 263, 0.2553, 0.3662);
        assertInterval(15, 148, 0.0624, 0.1605);
        assertInterval(0, 20, 0.0000, 0.1611);
        assertInterval(1, 29, 0.0061, 0.1718);
        double[] all = SampledAccuracy.wilson(10, 10, SampledAccuracy.Z95);
        assertEquals(1.0, all[1]);
        assertEquals(0.7225, all[0], 5e-5);
        assertThrows(IllegalArgumentException.class, () -> SampledAccuracy.wilson(3, 2, SampledAccuracy.Z95));
    }

    private static void assertInterval(long x, long n, double low, double high) {
        double[] w = SampledAccuracy.wilson(x, n, SampledAccuracy.Z95);
        assertEquals(low, w[0], 5e-5, x + "/" + n);
        assertEquals(high, w[1], 5e-5, x + "/" + n);
    }

    /**
     * On a half-trained vocab-8, context-3 model (accuracy well below 1, so sampling has something to estimate),
     * 200,000 samples with the default seed put the exhaustively counted accuracy inside the 95% interval, and the
     * count does not depend on the number of threads.
     */
    @Test
    void samplingAgreesWithExhaustiveEnumeration() {
        Model m = Trainer.train(TrainingConfig.paper(4).withSizes(8, 3, 32, 32).withSteps(60), (s, n, l) -> { });
        FloatCircuits c = FloatCircuits.of(m);
        AccuracyEvaluator.Result exact = AccuracyEvaluator.evaluate(c, 2);
        assertTrue(exact.accuracy() > 0.2 && exact.accuracy() < 0.95, "a model with room for error: " + exact);
        SampledAccuracy.Estimate e = SampledAccuracy.estimate(c, 200_000, SampledAccuracy.DEFAULT_SEED, 3);
        assertTrue(e.low() <= exact.accuracy() && exact.accuracy() <= e.high(),
                exact.accuracy() + " outside " + e.describe());
        assertEquals(e, SampledAccuracy.estimate(c, 200_000, SampledAccuracy.DEFAULT_SEED, 1));
        assertNotEquals(e.correct(), SampledAccuracy.estimate(c, 200_000, 7, 2).correct());
        assertTrue(e.describe().startsWith("ESTIMATE ") && e.describe().contains("not a certified bound"));
    }
}
