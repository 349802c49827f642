package org.compactproofs.generator.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.generator.train.SplitMix64;

/**
 * An ESTIMATE of a model's accuracy from uniformly random inputs, with a 95% Wilson score interval: never a
 * certified bound (the float forward pass decides each sample, and the interval is a statement about sampling,
 * not a proof). Each sample draws every token independently and uniformly, so the fraction of correct samples is
 * an unbiased estimate of the fraction of all vocab^K inputs that the float forward pass gets right (ties wrong).
 *
 * <p>Deterministic: the samples are cut into blocks of {@value #BLOCK}, block b drawn from its own SplitMix64
 * stream ("sample-" + b of the given seed), so the count depends on (model, samples, seed) and not on the number
 * of threads.
 */
public final class SampledAccuracy {
    /** The sample count used by default and recorded in the model indexes. */
    public static final long DEFAULT_SAMPLES = 1_000_000;
    /** The default sampling seed (fixed, so the shipped estimates are reproducible). */
    public static final long DEFAULT_SEED = 20240616;
    /** The two-sided 95% normal quantile. */
    public static final double Z95 = 1.959963984540054;
    private static final int BLOCK = 1 << 16;

    /** {@code correct} of {@code samples} random inputs; the interval is Wilson's at 95%. */
    public record Estimate(long samples, long correct, long seed) {
        public double estimate() {
            return (double) correct / samples;
        }

        public double low() {
            return wilson(correct, samples, Z95)[0];
        }

        public double high() {
            return wilson(correct, samples, Z95)[1];
        }

        /** One line for people: the word ESTIMATE, the value and its 95% interval. */
        public String describe() {
            return String.format("ESTIMATE %.7f, 95%% Wilson interval [%.7f, %.7f] from %d uniform random inputs "
                    + "(sampling seed %d; float forward pass; not a certified bound)",
                    estimate(), low(), high(), samples, seed);
        }
    }

    private SampledAccuracy() {}

    /**
     * Wilson's score interval for x successes in n trials at normal quantile z: the p with
     * |x/n - p| <= z sqrt(p(1-p)/n), i.e. centre (x/n + z^2/2n) / (1 + z^2/n) plus or minus
     * z / (1 + z^2/n) sqrt(x/n (1 - x/n) / n + z^2 / 4n^2); exactly 0 below when x = 0 and 1 above when x = n
     * (where rounding would otherwise miss them).
     */
    public static double[] wilson(long x, long n, double z) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, n > 0: " + x + " of " + n);
        }
        double p = (double) x / n, z2 = z * z, denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        return new double[] {x == 0 ? 0 : Math.max(0, centre - half), x == n ? 1 : Math.min(1, centre + half)};
    }

    public static Estimate estimate(FloatCircuits c, long samples, long seed, int threads) {
        if (samples <= 0) {
            throw new IllegalArgumentException("samples must be positive: " + samples);
        }
        List<Callable<long[]>> blocks = new ArrayList<>();
        for (long start = 0, b = 0; start < samples; start += BLOCK, b++) {
            long count = Math.min(BLOCK, samples - start);
            SplitMix64 random = SplitMix64.forPurpose(seed, "sample-" + b);
            blocks.add(() -> new long[] {countCorrect(c, random, count)});
        }
        return new Estimate(samples, ParallelSum.of(blocks, 1, threads)[0], seed);
    }

    private static long countCorrect(FloatCircuits c, SplitMix64 random, long count) {
        int[] tokens = new int[c.context()];
        long correct = 0;
        for (long s = 0; s < count; s++) {
            int max = 0;
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = random.nextInt(c.vocab());
                max = Math.max(max, tokens[i]);
            }
            if (AccuracyEvaluator.isCorrect(c.logits(tokens), max)) {
                correct++;
            }
        }
        return correct;
    }
}
