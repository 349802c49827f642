package org.compactproofs.generator.train;

/**
 * SplitMix64 (Steele, Lea and Flood, 2014): a tiny, fully specified generator, so a seed means the same stream
 * on every machine and Java version. Gaussians come from the Box-Muller transform evaluated with
 * {@link StrictMath}, whose results are specified bit for bit.
 */
public final class SplitMix64 {
    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** A generator for one purpose ("model", "data") of one seed: independent streams from one number. */
    public static SplitMix64 forPurpose(long seed, String purpose) {
        long h = seed;
        for (char ch : purpose.toCharArray()) {
            h = mix(h * 31 + ch);
        }
        return new SplitMix64(mix(h ^ 0x5DEECE66DL));
    }

    public long nextLong() {
        state += 0x9E3779B97F4A7C15L;
        return mix(state);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, bound), without modulo bias (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long excess = (Long.remainderUnsigned(-1L, bound) + 1) % bound; // 2^64 mod bound
        while (true) {
            long r = nextLong();
            // accept r < 2^64 - excess: a whole number of copies of [0, bound)
            if (excess == 0 || Long.compareUnsigned(r, -excess) < 0) {
                return (int) Long.remainderUnsigned(r, bound);
            }
        }
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Standard normal (Box-Muller; one value per call, the second is discarded for simplicity). */
    public double nextGaussian() {
        double u1 = 1.0 - nextDouble(); // in (0, 1]
        double u2 = nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * Math.PI * u2);
    }
}
