package org.compactproofs.generator.cert;

import java.math.BigInteger;

/**
 * One case step of a certificate, the fields of {@code case}, {@code maxdiff-case} and {@code gap-case} (rules C1,
 * S1 and S2 state the same sets; docs/language.md): the inputs with query token {@code query}, maximum
 * {@code max}, exactly {@code nonmax} non-query positions holding a token other than the maximum, and all those
 * tokens at most {@code upTo} (-1 when nonmax = 0). {@code count} is the number of such inputs:
 * C(k-1, nonmax) (upTo+1)^nonmax; {@code margin} is the float bound the search found for them (never written). A
 * staircase case (rule S4) also has {@code rest} < upTo: all but one of its non-max tokens are at most rest, and
 * count is C(k-1, nonmax) ((rest+1)^nonmax + nonmax (upTo-rest) (rest+1)^(nonmax-1)); otherwise rest = upTo.
 */
public record CaseStep(int query, int max, int nonmax, int upTo, int rest, BigInteger count, double margin) {
    /** A plain case: rest = upTo. */
    public CaseStep(int query, int max, int nonmax, int upTo, BigInteger count, double margin) {
        this(query, max, nonmax, upTo, upTo, count, margin);
    }

    /** The order certificates list cases in: by maximum, then query, then non-max count. */
    public static final java.util.Comparator<CaseStep> ORDER = java.util.Comparator.comparingInt(CaseStep::max)
            .thenComparingInt(CaseStep::query).thenComparingInt(CaseStep::nonmax);
}
