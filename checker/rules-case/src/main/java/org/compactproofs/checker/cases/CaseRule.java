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

        /**
         * The bound of the staircase case (q, m, c, a, b): as {@link #of(int, int, int, int, int[])}, with at most one
         * non-max token above b (b <= a). Only rule S4's bound has staircases; the others are asked only b = a.
         */
        default double of(int q, int m, int c, int a, int b, int[] worst) {
            if (b != a) {
                throw new IllegalStateException("a staircase case asked of a rule without staircases");
            }
            return of(q, m, c, a, worst);
        }

        long operations();
    }

    /** Builds the bound's tables, once per certificate, at the first case step (where its errors are reported). */
    public interface Preparation {
        Bound prepare(ProofState state, Step first);
    }

    private final String name;
    private final Preparation preparation;
    private final Keys keys;
    private final boolean stairs;
    private Bound bound;
    private record Count(int c, int a, int b, BigInteger n) {}
    private Count last;                          // the count of the last (nonmax, upto, rest): a row's ranges share it

    public CaseRule(String name, Preparation preparation) {
        this(name, preparation, new Keys(), false);
    }

    /** Keys shared with the other case rule of a certificate; with {@code stairs}, cases may give a {@code rest} (rule S4). */
    public CaseRule(String name, Preparation preparation, Keys keys, boolean stairs) {
        this.name = name;
        this.preparation = preparation;
        this.keys = keys;
        this.stairs = stairs;
    }

    /** Whether this rule's cases may be staircases (a field {@code rest}). */
    boolean stairs() {
        return stairs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        Fields.only(step, state, stairs ? new String[] {"query", "max", "nonmax", "upto", "rest", "count"}
                : new String[] {"query", "max", "nonmax", "upto", "count"});
        BigInteger qb = Fields.integer(step, state, "query"), mb = Fields.integer(step, state, "max"),
                cb = Fields.integer(step, state, "nonmax"), nb = Fields.integer(step, state, "count");
        Step.Field upTo = Fields.field(step, state, "upto");
        if (upTo != null && cb.signum() == 0) {
            throw state.error(step, upTo.column(), "upto is meaningless when nonmax is 0");
        }
        BigInteger ab = upTo != null ? Fields.integer(step, state, "upto") : BigInteger.valueOf(-1);
        Step.Field rest = stairs ? Fields.field(step, state, "rest") : null;
        if (rest != null && (upTo == null || cb.compareTo(BigInteger.TWO) < 0)) {
            throw state.error(step, rest.column(), "rest is meaningful only with an upto and nonmax >= 2");
        }
        try {
            return check(step, step.column(), state, CaseKey.of(state.model().vocab(), state.model().context(), qb,
                    mb, cb, ab), rest != null ? Fields.integer(step, state, "rest") : null, nb);
        } catch (CaseKey.OutOfRange e) {
            return e.failure(step, step.column(), name());
        }
    }

    /**
     * The check of one case, shared by the case step and the row ({@link CaseRowRule}) once its key is in range
     * ({@link CaseKey#of}): the rest in 0..upto (null: a plain case, rest = upto), the key registry, the count
     * (compared with {@code given} unless null) and the bound; a failure is reported at {@code column}. On
     * success the case's count is added to the state.
     */
    Failure check(Step step, int column, ProofState state, CaseKey key, BigInteger rest, BigInteger given) {
        int v = state.model().vocab(), k = state.model().context();
        int q = key.query(), m = key.max(), c = key.nonmax(), a = key.upto();
        if (rest != null && (rest.signum() < 0 || rest.compareTo(BigInteger.valueOf(a)) > 0)) {
            return new Failure(step.line(), column, name(), "0 <= rest <= upto", rest.toString(), Integer.toString(a));
        }
        int b = rest != null ? rest.intValue() : a;
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
                    "query " + q + " max " + m + " nonmax " + c, "already at line " + keys.firstLine[index]);
        }
        keys.seen.set(index);
        keys.firstLine[index] = step.line();
        if (last == null || last.c() != c || last.a() != a || last.b() != b) {
            last = new Count(c, a, b, binomial(k - 1, c).multiply(size(c, a, b)));
        }
        if (given != null && !given.equals(last.n())) {
            return new Failure(step.line(), column, name(), b < a
                    ? "count = C(k-1, nonmax) ((rest+1)^nonmax + nonmax (upto-rest) (rest+1)^(nonmax-1))"
                    : "count = C(k-1, nonmax) (upto+1)^nonmax", given.toString(), last.n().toString());
        }
        int[] worst = {-1};
        long before = bound.operations();
        double lower = bound.of(q, m, c, a, b, worst);
        state.caseChecked(step, name(), bound.operations() - before);
        if (!(lower > 0)) {
            return new Failure(step.line(), column, name(), "lower bound of the margin"
                    + (worst[0] >= 0 ? " against output " + worst[0] : " against every output")
                    + " > 0 for every input of query " + q + " max " + m + " nonmax " + c + (c > 0 ? " upto " + a : "")
                    + (b < a ? " rest " + b : ""),
                    Double.toString(lower), "0");
        }
        state.provedCases(step, last.n());
        return null;
    }

    /**
     * The number of sequences of c tokens in 0..a with at most one above b (b <= a; c >= 2 when b < a):
     * (b+1)^c with none above b, plus c (a-b) (b+1)^(c-1) with exactly one (its position, its value, the others).
     * With b = a it is (a+1)^c.
     */
    public static BigInteger size(int c, int a, int b) {
        BigInteger below = BigInteger.valueOf(b + 1L).pow(c);
        return b == a ? below : below.add(BigInteger.valueOf(c).multiply(BigInteger.valueOf((long) a - b))
                .multiply(BigInteger.valueOf(b + 1L).pow(c - 1)));
    }

    public static BigInteger binomial(int n, int r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < r; i++) {
            b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return b;
    }
}
