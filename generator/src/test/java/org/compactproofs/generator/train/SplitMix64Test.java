package org.compactproofs.generator.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SplitMix64Test {
    /** The published test vector of SplitMix64 (seed 1234567, e.g. Rosetta Code's "Splitmix64" task). */
    @Test
    void matchesTheReferenceAlgorithm() {
        SplitMix64 r = new SplitMix64(1234567);
        assertEquals(6457827717110365317L, r.nextLong());
        assertEquals(3203168211198807973L, r.nextLong());
        assertEquals(Long.parseUnsignedLong("9817491932198370423"), r.nextLong());
        assertEquals(4593380528125082431L, r.nextLong());
        assertEquals(Long.parseUnsignedLong("16408922859458223821"), r.nextLong());
    }

    @Test
    void boundedIntsAreUniformAndInRange() {
        SplitMix64 r = new SplitMix64(3);
        int[] counts = new int[10];
        for (int i = 0; i < 100_000; i++) {
            counts[r.nextInt(10)]++;
        }
        for (int c : counts) {
            assertTrue(Math.abs(c - 10_000) < 500, "count " + c);
        }
    }

    @Test
    void gaussiansHaveUnitVariance() {
        SplitMix64 r = new SplitMix64(4);
        double sum = 0, sq = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double g = r.nextGaussian();
            sum += g;
            sq += g * g;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, sq / n, 0.01);
    }
}
