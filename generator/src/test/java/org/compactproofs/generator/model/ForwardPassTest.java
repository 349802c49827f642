package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.arith.TestIntervals;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plain forward pass (the semantics, in double) against the checker's view of a model: logits rebuilt from
 * the exact circuit tables agree with it, and the PyTorch fixture's documented smallest margin is what it computes.
 */
class ForwardPassTest {
    private static final ModelReader.ModelFile FIXTURE = ModelReader.read(RepositoryFiles.pytorchFixture());

    @TempDir
    Path dir;

    private Model randomModel(long seed, int v, int k, int d, int h) throws Exception {
        return TestModels.written(dir, seed, v, k, d, h);
    }

    @Test
    void logitsFromTablesMatchTheForwardPass() throws Exception {
        Random r = new Random(5);
        for (long seed = 1; seed <= 5; seed++) {
            Model m = randomModel(seed, 7, 1 + (int) seed % 4, 5, 3);
            CircuitTables t = CircuitTables.of(m);
            double s = 1 / Math.sqrt(m.dHead());
            double[][] eqke = TestIntervals.approximate(t.eqkeRaw()), eqkp = TestIntervals.approximate(t.eqkpRaw()),
                    evou = TestIntervals.approximate(t.evou()), pvou = TestIntervals.approximate(t.pvou()), eu = TestIntervals.approximate(t.eu());
            for (int trial = 0; trial < 50; trial++) {
                int k = m.context();
                int[] x = new int[k];
                for (int i = 0; i < k; i++) {
                    x[i] = r.nextInt(m.vocab());
                }
                int q = x[k - 1];
                double[] score = new double[k];
                for (int i = 0; i < k; i++) {
                    score[i] = s * (eqke[q][x[i]] + eqkp[q][i]);
                }
                double[] alpha = ForwardPass.softmax(score);
                double[] expected = ForwardPass.logits(m, x);
                for (int o = 0; o < m.vocab(); o++) {
                    double logit = eu[q][o];
                    for (int i = 0; i < k; i++) {
                        logit += alpha[i] * (evou[x[i]][o] + pvou[i][o]);
                    }
                    assertEquals(expected[o], logit, 1e-12 * (1 + Math.abs(expected[o])));
                }
            }
        }
    }

    /** The fixture's documented smallest margin: -1.008e-5 at (32, 25, 30, 17), so the model is wrong there. */
    @Test
    void smallestMarginInputIsWrongByTheDocumentedMargin() {
        int[] x = {32, 25, 30, 17};
        double[] logits = ForwardPass.logits(FIXTURE.model(), x);
        double best = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < 64; o++) {
            if (o != 32) {
                best = Math.max(best, logits[o]);
            }
        }
        double margin = logits[32] - best;
        assertEquals(-1.008e-5, margin, 0.001e-5);
        assertFalse(ForwardPass.isCorrect(FIXTURE.model(), x));
        assertTrue(ForwardPass.isCorrect(FIXTURE.model(), new int[] {1, 2, 3, 63}));
    }
}
