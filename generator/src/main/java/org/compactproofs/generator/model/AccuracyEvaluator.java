package org.compactproofs.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Exhaustive floating-point evaluation of every input: the fast reference, not a proof.
 *
 * <p>Speed comes from the structure of the model: with the query q fixed, position i with token t contributes
 * the unnormalised attention weight w(i,t) = exp(EQKE[q][t] - a) exp(EQKP[q][i] - b) and the unnormalised logit
 * vector C[i][t] = w(i,t) (EVOU[t] + PVOU[i]), both independent of the other positions. So the logits times the
 * total weight W are EU[q] W + sum_i C[i][t_i]: a depth-first walk over t_0 .. t_{k-2} adds one precomputed
 * vector per level, and each input costs one pass over the vocabulary. Inputs whose total weight is so small that
 * underflow could matter fall back to {@link FloatCircuits#logits}. Ties count as wrong. The count does not
 * depend on the number of threads (each input is evaluated by the same operations in the same order).
 */
public final class AccuracyEvaluator {
    /** Below this total weight the fast path could lose precision to underflow; such inputs use the slow path. */
    private static final double UNDERFLOW_GUARD = 1e-200;

    public record Result(long correct, long total, long slowPathInputs) {
        public double accuracy() {
            return (double) correct / total;
        }
    }

    private final FloatCircuits c;

    public AccuracyEvaluator(FloatCircuits circuits) {
        this.c = circuits;
    }

    public static Result evaluate(FloatCircuits circuits, int threads) {
        return new AccuracyEvaluator(circuits).evaluate(threads);
    }

    public Result evaluate(int threads) {
        List<Callable<long[]>> walks = new ArrayList<>();
        for (int q = 0; q < c.vocab(); q++) {
            int query = q;
            walks.add(() -> new QueryWalk(query).run());
        }
        long[] sum = ParallelSum.of(walks, 2, threads);
        long total = 1;
        for (int i = 0; i < c.context(); i++) {
            total = Math.multiplyExact(total, (long) c.vocab());
        }
        return new Result(sum[0], total, sum[1]);
    }

    /**
     * Inputs per second of {@link #evaluate} on this machine for this model's vocabulary, measured now by timing
     * the evaluation of a {@code min(K, 4)}-position slice of the model (the last positions' tables): each input
     * costs one pass over the vocabulary whatever K is, so the rate carries over to the full model.
     */
    public static double measuredRate(FloatCircuits c, int threads) {
        int k = Math.min(c.context(), 4), from = c.context() - k;
        FloatCircuits slice = new FloatCircuits(c.vocab(), k, c.eqke(),
                java.util.Arrays.stream(c.eqkp()).map(row -> java.util.Arrays.copyOfRange(row, from, from + k))
                        .toArray(double[][]::new),
                c.evou(), java.util.Arrays.copyOfRange(c.pvou(), from, from + k), c.eu());
        long start = System.nanoTime();
        Result r = evaluate(slice, threads);
        return r.total() / Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }

    /** All inputs whose last token is {@code q}. */
    private final class QueryWalk {
        private final int q, v = c.vocab(), k = c.context();
        private final double[][] weight;      // [position][token]
        private final double[][][] contrib;   // [position][token][output]
        private final double[][] partial;     // [depth][output]: sum of contributions of positions < depth
        private final double[] partialWeight; // [depth]
        private final int[] tokens;
        private long correct, slow;

        QueryWalk(int q) {
            this.q = q;
            double maxKey = Double.NEGATIVE_INFINITY, maxPos = Double.NEGATIVE_INFINITY;
            for (int t = 0; t < v; t++) {
                maxKey = Math.max(maxKey, c.eqke()[q][t]);
            }
            for (int i = 0; i < k; i++) {
                maxPos = Math.max(maxPos, c.eqkp()[q][i]);
            }
            weight = new double[k][v];
            contrib = new double[k][v][v];
            for (int i = 0; i < k; i++) {
                double wp = StrictMath.exp(c.eqkp()[q][i] - maxPos);
                for (int t = 0; t < v; t++) {
                    double w = StrictMath.exp(c.eqke()[q][t] - maxKey) * wp;
                    weight[i][t] = w;
                    for (int o = 0; o < v; o++) {
                        contrib[i][t][o] = w * (c.evou()[t][o] + c.pvou()[i][o]);
                    }
                }
            }
            partial = new double[k][v];
            partialWeight = new double[k];
            tokens = new int[k];
            tokens[k - 1] = q;
        }

        long[] run() {
            walk(0, -1);
            return new long[] {correct, slow};
        }

        private void walk(int depth, int maxSoFar) {
            if (depth == k - 1) {
                leaf(Math.max(maxSoFar, q));
                return;
            }
            double[] here = partial[depth];
            double[] next = depth + 1 < k ? partial[depth + 1] : null;
            for (int t = 0; t < v; t++) {
                tokens[depth] = t;
                double[] add = contrib[depth][t];
                for (int o = 0; o < v; o++) {
                    next[o] = here[o] + add[o];
                }
                partialWeight[depth + 1] = partialWeight[depth] + weight[depth][t];
                walk(depth + 1, Math.max(maxSoFar, t));
            }
        }

        private void leaf(int max) {
            double total = partialWeight[k - 1] + weight[k - 1][q];
            if (!(total > UNDERFLOW_GUARD)) {
                slow++;
                if (isCorrect(c.logits(tokens), max)) {
                    correct++;
                }
                return;
            }
            double[] sum = partial[k - 1], last = contrib[k - 1][q], eu = c.eu()[q];
            double target = sum[max] + last[max] + total * eu[max];
            for (int o = 0; o < v; o++) {
                if (o != max && !(target > sum[o] + last[o] + total * eu[o])) {
                    return;
                }
            }
            correct++;
        }
    }

    static boolean isCorrect(double[] logits, int max) {
        for (int o = 0; o < logits.length; o++) {
            if (o != max && !(logits[max] > logits[o])) {
                return false;
            }
        }
        return true;
    }
}
