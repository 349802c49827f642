package org.compactproofs.generator.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-derived gradients of both trainers (through the circuit tables, {@link Backprop}; sample by sample,
 * {@link SampleBackprop}) against central finite differences, entry by entry, and against each other, on small
 * random models.
 */
class BackpropTest {
    private interface Gradient {
        Backprop.Result of(Parameters p, int[][] batch);
    }

    private static final List<Gradient> BOTH = List.of(Backprop::lossAndGradient, SampleBackprop::lossAndGradient);

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
        for (Gradient backprop : BOTH) {
            finiteDifferences(backprop);
        }
    }

    private static void finiteDifferences(Gradient backprop) {
        for (long seed = 1; seed <= 3; seed++) {
            TrainingConfig c = TrainingConfig.paper(seed).withSizes(5, 3, 4, 3);
            // a larger init than TransformerLens' so that attention is far from uniform and every path matters
            c = new TrainingConfig(seed, 5, 3, 4, 3, 1, 7, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.9, 1);
            Parameters p = Parameters.initial(c, new SplitMix64(seed));
            int[][] batch = randomBatch(new SplitMix64(seed + 100), 7, 3, 5);
            assertEquals(5 * 4 + 3 * 4 + 3 * 4 * 3 + 3 * 4 + 4 * 5, matchesFiniteDifferences(backprop, p, batch, seed).size());
        }
    }

    /**
     * Asserts that every parameter's gradient entry matches central finite differences; returns the entries in
     * parameter order.
     */
    private static List<Double> matchesFiniteDifferences(Gradient backprop, Parameters p, int[][] batch, long seed) {
        List<double[][]> params = p.all(), grads = backprop.of(p, batch).gradient().all();
        List<Double> checked = new java.util.ArrayList<>();
        for (int t = 0; t < params.size(); t++) {
            double[][] w = params.get(t);
            for (int i = 0; i < w.length; i++) {
                for (int j = 0; j < w[i].length; j++) {
                    double saved = w[i][j], h = 1e-5;
                    w[i][j] = saved + h;
                    double up = backprop.of(p, batch).loss();
                    w[i][j] = saved - h;
                    double down = backprop.of(p, batch).loss();
                    w[i][j] = saved;
                    double numeric = (up - down) / (2 * h), analytic = grads.get(t)[i][j];
                    assertEquals(numeric, analytic, 1e-7 + 1e-5 * Math.abs(numeric),
                            "parameter " + t + " [" + i + "][" + j + "] seed " + seed);
                    checked.add(analytic);
                }
            }
        }
        return checked;
    }

    /**
     * With trainable biases (trainer 2, TransformerLens' semantics): the gradient of every weight and every bias
     * matches finite differences, at random non-zero biases so that every bias path matters.
     */
    @Test
    void biasGradientsMatchFiniteDifferences() {
        for (long seed = 1; seed <= 2; seed++) {
            TrainingConfig c = new TrainingConfig(seed, 5, 3, 4, 3, 1, 7, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.9, 2, true);
            Parameters p = Parameters.initial(c, new SplitMix64(seed));
            SplitMix64 r = new SplitMix64(seed + 50);
            for (double[] row : p.biases()) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 0.5 * r.nextGaussian();
                }
            }
            int[][] batch = randomBatch(new SplitMix64(seed + 100), 7, 3, 5);
            assertEquals(8, p.all().size());
            List<Double> entries = matchesFiniteDifferences(SampleBackprop::lossAndGradient, p, batch, seed);
            assertEquals(100 + 3 + 3 + 3 + 4 + 5, entries.size());
            double biasNorm = 0; // the biases' rows are the last 18 entries: b_Q 3, b_K 3 (zero: a softmax shift), b_V 3, b_O 4, b_U 5
            for (int e = 100; e < entries.size(); e++) {
                biasNorm += e >= 103 && e < 106 ? 0 : entries.get(e) * entries.get(e);
            }
            assertTrue(biasNorm > 1e-12, "b_Q, b_V, b_O, b_U receive gradient");
        }
    }

    /** The two trainers compute one function and its gradient, up to rounding, on shapes of every kind. */
    @Test
    void bothTrainersAgree() {
        int[][] shapes = {{5, 3, 4, 3}, {17, 4, 6, 2}, {40, 2, 3, 5}, {9, 6, 8, 8}};
        for (int[] shape : shapes) {
            for (long seed = 1; seed <= 3; seed++) {
                TrainingConfig c = new TrainingConfig(seed, shape[0], shape[1], shape[2], shape[3], 1, 11, 1e-3,
                        0.9, 0.999, 1e-8, 0.01, 0.9, 1);
                Parameters p = Parameters.initial(c, new SplitMix64(seed));
                int[][] batch = randomBatch(new SplitMix64(seed + 7), 11, shape[1], shape[0]);
                Backprop.Result tables = Backprop.lossAndGradient(p, batch), samples = SampleBackprop.lossAndGradient(p, batch);
                assertEquals(tables.loss(), samples.loss(), 1e-12 * Math.abs(tables.loss()));
                for (int t = 0; t < 7; t++) {
                    double[][] a = tables.gradient().all().get(t), b = samples.gradient().all().get(t);
                    for (int i = 0; i < a.length; i++) {
                        for (int j = 0; j < a[i].length; j++) {
                            assertEquals(a[i][j], b[i][j], 1e-12 + 1e-9 * Math.abs(a[i][j]),
                                    "shape " + java.util.Arrays.toString(shape) + " parameter " + t + " [" + i + "][" + j + "]");
                        }
                    }
                }
            }
        }
    }

    @Test
    void gradientIsNotTriviallyZero() {
        TrainingConfig c = new TrainingConfig(9, 5, 3, 4, 3, 1, 7, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.9, 1);
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
