package org.compactproofs.checker.cases;

import java.math.BigInteger;
import java.util.BitSet;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

/**
 * A case step {@code RULE query Q max M nonmax C [upto A] count N} (rules C1 and S1 of docs/rules.md). The case is
 * the set of inputs whose last token is Q, whose maximum is M, with exactly C of the other k-1 positions holding
 * a token other than M, all of them at most A (A < M; absent when C = 0). The rule checks that the key is in
 * range and not seen before, that N is the exact size C(k-1, C) (A+1)^C, and that the rule's bound ({@link Bound}) is
 * positive; then the N inputs count as correct. Keys determine (Q, M, C) of their inputs, so distinct keys are
 * disjoint sets. Rules C1, S1 and S2 differ only in the bound. A row ({@link CaseRowRule}) runs the same {@link #check} on
 * each of its cases, in the same registry.
 */
public final class CaseRule implements Rule {
    /**
     * The keys used so far, shared by the case rules of one certificate (strategy subcubic-union has two), so that
     * no key is proved twice whichever rule proves it.
     */
    public static final class Keys {
        private BitSet seen;
        private int[] firstLine;
    }

    /** The bound of a case rule (C1, S1 or S2), with the operations it has done so far, for the counts. */
    public interface Bound {
        /**
         * A number that is positive only if every input of case (q, m, c, a) is correct; {@code worst} receives the
         * output the bound is about (or -1 when the bound covers every output at once).
         */
        double of(int q, int m, int c, int a, int[] worst);

        long operations();
    }

    /** Builds the bound's tables, once per certificate, at the first case step (where its errors are reported). */
    public interface Preparation {
        Bound prepare(ProofState state, Step first);
    }

    private final String name;
    private final Preparation preparation;
    private final Keys keys;
    private Bound bound;

    public CaseRule(String name, Preparation preparation) {
        this(name, preparation, new Keys());
    }

    public CaseRule(String name, Preparation preparation, Keys keys) {
        this.name = name;
        this.preparation = preparation;
        this.keys = keys;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        Fields.only(step, state, "query", "max", "nonmax", "upto", "count");
        BigInteger qb = Fields.integer(step, state, "query"), mb = Fields.integer(step, state, "max"),
                cb = Fields.integer(step, state, "nonmax"), nb = Fields.integer(step, state, "count");
        Step.Field upTo = Fields.field(step, state, "upto");
        if (upTo != null && cb.signum() == 0) {
            throw state.error(step, upTo.column(), "upto is meaningless when nonmax is 0");
        }
        BigInteger ab = upTo != null ? Fields.integer(step, state, "upto") : BigInteger.valueOf(-1);
        try {
            return check(step, step.column(), state,
                    CaseKey.of(state.model().vocab(), state.model().context(), qb, mb, cb, ab), nb);
        } catch (CaseKey.OutOfRange e) {
            return e.failure(step, step.column(), name());
        }
    }

    /**
     * The check of one case, shared by the case step and the row ({@link CaseRowRule}) once its key is in range
     * ({@link CaseKey#of}): the key registry, the count (compared with {@code given} unless null) and the bound; a
     * failure is reported at {@code column}. On success the case's count is added to the state.
     */
    Failure check(Step step, int column, ProofState state, CaseKey key, BigInteger given) {
        int v = state.model().vocab(), k = state.model().context();
        int q = key.query(), m = key.max(), c = key.nonmax(), a = key.upto();
        String label = "query " + q + " max " + m + " nonmax " + c;
        if (keys.seen == null) {
            keys.seen = new BitSet(v * v * k);
            keys.firstLine = new int[v * v * k];
        }
        if (bound == null) {
            bound = preparation.prepare(state, step);
        }
        int index = key.index(v, k);
        if (keys.seen.get(index)) {
            return new Failure(step.line(), column, name(), "each case key appears once",
                    label, "already at line " + keys.firstLine[index]);
        }
        keys.seen.set(index);
        keys.firstLine[index] = step.line();
        BigInteger count = binomial(k - 1, c).multiply(BigInteger.valueOf(a + 1L).pow(c));
        if (given != null && !given.equals(count)) {
            return new Failure(step.line(), column, name(), "count = C(k-1, nonmax) (upto+1)^nonmax",
                    given.toString(), count.toString());
        }
        int[] worst = {-1};
        long before = bound.operations();
        double lower = bound.of(q, m, c, a, worst);
        state.caseChecked(step, name(), bound.operations() - before);
        if (!(lower > 0)) {
            return new Failure(step.line(), column, name(), "lower bound of the margin"
                    + (worst[0] >= 0 ? " against output " + worst[0] : " against every output")
                    + " > 0 for every input of " + label + (c > 0 ? " upto " + a : ""), Double.toString(lower), "0");
        }
        state.provedCases(step, count);
        return null;
    }

    public static BigInteger binomial(int n, int r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < r; i++) {
            b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return b;
    }
}
