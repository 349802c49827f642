package org.compactproofs.generator.cert;

import java.math.BigInteger;

/**
 * One case step of a certificate, the fields of {@code case}, {@code maxdiff-case} and {@code gap-case} (rules C1,
 * S1 and S2 state the same sets; docs/language.md): the inputs with query token {@code query}, maximum
 * {@code max}, exactly {@code nonmax} non-query positions holding a token other than the maximum, and all those
 * tokens at most {@code upTo} (-1 when nonmax = 0). {@code count} is the number of such inputs:
 * C(k-1, nonmax) (upTo+1)^nonmax; {@code margin} is the float bound the search found for them (never written).
 */
public record CaseStep(int query, int max, int nonmax, int upTo, BigInteger count, double margin) {
    /** The order certificates list cases in: by maximum, then query, then non-max count. */
    public static final java.util.Comparator<CaseStep> ORDER = java.util.Comparator.comparingInt(CaseStep::max)
            .thenComparingInt(CaseStep::query).thenComparingInt(CaseStep::nonmax);
}
