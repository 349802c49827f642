package org.compactproofs.generator.report;

import java.math.BigInteger;

/**
 * One (seed, strategy) result: the certified count (0 if the checker did not accept), the costs, and the proof's
 * "unexplained dimension" as the reference counts it.
 */
public record SeedResult(long seed, String strategy, BigInteger certified, BigInteger total, double generateSeconds,
                         double checkSeconds, long certificateBytes, long checkerOperations,
                         long unexplainedDimension) {
    public double bound() {
        return certified.doubleValue() / total.doubleValue();
    }
}
