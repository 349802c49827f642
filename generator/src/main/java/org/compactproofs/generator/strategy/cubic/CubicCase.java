package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;

/**
 * One case of the cubic proof: inputs with query token {@code query}, maximum {@code max}, exactly
 * {@code nonmax} non-query positions holding a token other than the maximum, and all those tokens at most
 * {@code upTo} (-1 when nonmax = 0). {@code count} is the number of such inputs: C(k-1, nonmax) (upTo+1)^nonmax.
 */
public record CubicCase(int query, int max, int nonmax, int upTo, BigInteger count, double margin) {
    /** The order certificates list cases in: by maximum, then query, then non-max count. */
    public static final java.util.Comparator<CubicCase> ORDER = java.util.Comparator.comparingInt(CubicCase::max)
            .thenComparingInt(CubicCase::query).thenComparingInt(CubicCase::nonmax);
}
