package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.train.Parameters;
import org.compactproofs.generator.train.SplitMix64;
import org.compactproofs.generator.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The generator's fast evaluation agrees with the checker's plain semantics. */
class ForwardAgreementTest {

    private static int[] decode(long index, int v, int k) {
        int[] x = new int[k];
        for (int i = k - 1; i >= 0; i--) {
            x[i] = (int) (index % v);
            index /= v;
        }
        return x;
    }

    private static long plainCount(Model m) {
        long correct = 0;
        for (long n = 0; n < m.inputCount(); n++) {
            correct += ForwardPass.isCorrect(m, decode(n, m.vocab(), m.context())) ? 1 : 0;
        }
        return correct;
    }

    @Test
    void logitsAgreeOnTheShippedShowcaseModel() {
        Model m = ModelReader.read(RepositoryFiles.shippedModel(123)).model();
        FloatCircuits c = FloatCircuits.of(m);
        SplitMix64 r = new SplitMix64(1);
        for (int trial = 0; trial < 2000; trial++) {
            int[] x = decode(r.nextInt(1 << 24), 64, 4);
            double[] plain = ForwardPass.logits(m, x), fast = c.logits(x);
            for (int o = 0; o < 64; o++) {
                assertEquals(plain[o], fast[o], 1e-9 * (1 + Math.abs(plain[o])));
            }
        }
    }

    @Test
    void exhaustiveCountsAgreeOnSmallModels() {
        for (int seed = 1; seed <= 12; seed++) {
            int v = 4 + seed % 7, k = 2 + seed % 4;
            // large random weights: far from a trained model, many wrong inputs of every kind
            TrainingConfig c = new TrainingConfig(seed, v, k, 6, 5, 1, 1, 0, 0, 0, 0, 0, 1.0, 1);
            Model m = Parameters.initial(c, new SplitMix64(seed)).toModel(Map.of());
            long fast = AccuracyEvaluator.evaluate(FloatCircuits.of(m), 2).correct();
            assertEquals(plainCount(m), fast, "seed " + seed + ", vocab " + v + ", context " + k);
        }
    }

    @Test
    void exactTiesCountAsWrong() {
        // all-zero weights: every logit equal, so no input is correct
        Model zero = Parameters.zeros(5, 3, 4, 4).toModel(Map.of());
        assertEquals(0, AccuracyEvaluator.evaluate(FloatCircuits.of(zero), 1).correct());
        assertEquals(0, plainCount(zero));
    }

    @Test
    void countDoesNotDependOnThreads() {
        Model m = ModelReader.read(RepositoryFiles.shippedModel(1185)).model();
        FloatCircuits c = FloatCircuits.of(m);
        assertEquals(AccuracyEvaluator.evaluate(c, 1).correct(), AccuracyEvaluator.evaluate(c, 3).correct());
    }

    /** The fixture's true count is known (60-digit arithmetic): double precision gets it exactly. */
    @Test
    void pytorchFixtureCountIsTheTrueCount() {
        Model m = ModelReader.read(RepositoryFiles.pytorchFixture()).model();
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(FloatCircuits.of(m), 2);
        assertEquals(16_777_216, r.total());
        assertEquals(16_746_440, r.correct());
        assertTrue(r.slowPathInputs() >= 0);
    }
}
