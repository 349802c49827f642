package org.compactproofs.generator.report;

import java.math.BigInteger;

/**
 * One (seed, strategy) result: the certified count (0 if the checker did not accept), the costs, and the proof's
 * "unexplained dimension" as the reference counts it (v^(K+1) for brute force: exact, as K may be 20), and the
 * model's sampled accuracy estimate when its index has one. {@code checkerOperations} counts all the checker's
 * work, {@code tableOperations} the part spent on the exact circuit tables (0 when the strategy builds none);
 * {@code archived} is false for a certificate judged and recorded but kept out of the archive (its size budget).
 */
public record SeedResult(long seed, String strategy, BigInteger certified, BigInteger total, double generateSeconds,
                         double checkSeconds, long certificateBytes, long checkerOperations, long tableOperations,
                         BigInteger unexplainedDimension, Estimate estimate, boolean archived) {
    /**
     * An unbiased estimate of the true accuracy from uniformly sampled inputs, with its 95% confidence interval:
     * an estimate, never a certified bound (null when the model index has none).
     */
    public record Estimate(double accuracy, double low95, double high95, long samples) {}

    public double bound() {
        return certified.doubleValue() / total.doubleValue();
    }
}
