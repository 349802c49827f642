package org.compactproofs.generator.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The hand-derived gradient against central finite differences, entry by entry, on small random models. */
class BackpropTest {

    private static int[][] randomBatch(SplitMix64 rng, int size, int k, int v) {
        int[][] batch = new int[size][k];
        for (int[] x : batch) {
            for (int i = 0; i < k; i++) {
                x[i] = rng.nextInt(v);
            }
        }
        return batch;
    }

    @Test
    void gradientMatchesFiniteDifferencesOnEveryWeight() {
        for (long seed = 1; seed <= 3; seed++) {
            TrainingConfig c = TrainingConfig.paper(seed).withSizes(5, 3, 4, 3);
            // a larger init than TransformerLens' so that attention is far from uniform and every path matters
            c = new TrainingConfig(seed, 5, 3, 4, 3, 1, 7, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.9);
            Parameters p = Parameters.initial(c, new SplitMix64(seed));
            int[][] batch = randomBatch(new SplitMix64(seed + 100), 7, 3, 5);
            Parameters g = Backprop.lossAndGradient(p, batch).gradient();
            List<double[][]> params = p.all(), grads = g.all();
            int checked = 0;
            for (int t = 0; t < params.size(); t++) {
                double[][] w = params.get(t);
                for (int i = 0; i < w.length; i++) {
                    for (int j = 0; j < w[i].length; j++) {
                        double saved = w[i][j], h = 1e-5;
                        w[i][j] = saved + h;
                        double up = Backprop.lossAndGradient(p, batch).loss();
                        w[i][j] = saved - h;
                        double down = Backprop.lossAndGradient(p, batch).loss();
                        w[i][j] = saved;
                        double numeric = (up - down) / (2 * h);
                        double analytic = grads.get(t)[i][j];
                        assertEquals(numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric),
                                "parameter " + t + " [" + i + "][" + j + "] seed " + seed);
                        checked++;
                    }
                }
            }
            assertEquals(5 * 4 + 3 * 4 + 3 * 4 * 3 + 3 * 4 + 4 * 5, checked);
        }
    }

    @Test
    void gradientIsNotTriviallyZero() {
        TrainingConfig c = new TrainingConfig(9, 5, 3, 4, 3, 1, 7, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.9);
        Parameters p = Parameters.initial(c, new SplitMix64(9));
        Parameters g = Backprop.lossAndGradient(p, randomBatch(new SplitMix64(3), 7, 3, 5)).gradient();
        for (double[][] m : g.all()) {
            double norm = 0;
            for (double[] row : m) {
                for (double x : row) {
                    norm += x * x;
                }
            }
            assertTrue(norm > 1e-12, "every weight matrix receives gradient");
        }
    }
}
