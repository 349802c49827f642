package org.compactproofs.checker.cases;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;

/**
 * The key of a case (rules C1, S1, S2 of docs/rules.md): the inputs whose last token is {@code query}, whose maximum
 * is {@code max}, with exactly {@code nonmax} of the other k-1 positions holding a token other than max, all of them
 * at most {@code upto} (-1 when nonmax is 0). Its ranges are checked here only, by {@link #of}. The key of a row or
 * of an average attention is the pair (max, nonmax), with query -1: checked against the ranges every query allows.
 */
public record CaseKey(int query, int max, int nonmax, int upto) {
    /** The first range a key breaks: the failure's inequality and bound, and the field's range as the message. */
    public static final class OutOfRange extends Exception {
        final String field, inequality;
        final BigInteger value;
        final int bound;

        private OutOfRange(String field, String inequality, BigInteger value, int bound, int highest) {
            super(field + " outside 0.." + highest, null, false, false);
            this.field = field;
            this.inequality = inequality;
            this.value = value;
            this.bound = bound;
        }

        /** The failure of a case step or a row's case, at {@code column}. */
        public Failure failure(Step step, int column, String rule) {
            return new Failure(step.line(), column, rule, inequality, value.toString(), Integer.toString(bound));
        }
    }

    /**
     * The key with these values (upto -1 when absent), or the first range it breaks, in the order max, query,
     * nonmax, upto: 0 <= max < v, 0 <= query <= max, 0 <= nonmax <= k-1 (k-2 when query < max: another position
     * holds the maximum), 0 <= upto < max when nonmax > 0 (the caller refuses an upto written with nonmax 0). With
     * query null, the pair (max, nonmax) alone, nonmax <= k-1.
     */
    public static CaseKey of(int v, int k, BigInteger query, BigInteger max, BigInteger nonmax, BigInteger upto)
            throws OutOfRange {
        if (max.signum() < 0 || max.compareTo(BigInteger.valueOf(v)) >= 0) {
            throw new OutOfRange("max", "0 <= max < vocab", max, v, v - 1);
        }
        int m = max.intValue();
        if (query != null && (query.signum() < 0 || query.compareTo(max) > 0)) {
            throw new OutOfRange("query", "0 <= query <= max", query, m, m);
        }
        int q = query == null ? -1 : query.intValue();
        boolean below = q >= 0 && q < m;
        int most = below ? k - 2 : k - 1;
        if (nonmax.signum() < 0 || nonmax.compareTo(BigInteger.valueOf(most)) > 0) {
            throw new OutOfRange("nonmax", "0 <= nonmax <= " + (below ? "k-2" : "k-1"), nonmax, most, most);
        }
        int c = nonmax.intValue();
        if (query != null && c > 0 && (upto.signum() < 0 || upto.compareTo(max) >= 0)) {
            throw new OutOfRange("upto", "0 <= upto < max", upto, m, m - 1);
        }
        return new CaseKey(q, m, c, query != null && c > 0 ? upto.intValue() : -1);
    }

    /**
     * The pair (max, nonmax) of a row or an average attention, from its fields; a broken range is unusable input
     * at the field's value.
     */
    public static CaseKey pair(Step step, ProofState state) {
        BigInteger m = Fields.integer(step, state, "max"), c = Fields.integer(step, state, "nonmax");
        try {
            return of(state.model().vocab(), state.model().context(), null, m, c, null);
        } catch (OutOfRange e) {
            throw state.error(step, Fields.field(step, state, e.field).valueColumn(), e.getMessage());
        }
    }

    /** The key's place in the registry, (query v + max) k + nonmax: below v^2 k, at most 2^24. */
    public int index(int v, int k) {
        return (query * v + max) * k + nonmax;
    }
}
