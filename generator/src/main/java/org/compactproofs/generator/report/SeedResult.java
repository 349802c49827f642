package org.compactproofs.generator.report;

import java.math.BigInteger;

/** One (seed, strategy) result: the certified count (0 if the checker did not accept) and the costs. */
public record SeedResult(long seed, String strategy, BigInteger certified, BigInteger total, double generateSeconds,
                         double checkSeconds, long certificateBytes, long checkerOperations) {
    public double bound() {
        return certified.doubleValue() / total.doubleValue();
    }
}
