package org.compactproofs.checker.rules;

import java.math.BigInteger;
import java.util.BitSet;
import org.compactproofs.checker.cert.Step;

/**
 * A case step {@code RULE query Q max M nonmax C [upto A] count N} (rules C1 and S1 of docs/rules.md). The case is
 * the set of inputs whose last token is Q, whose maximum is M, with exactly C of the other k-1 positions holding
 * a token other than M, all of them at most A (A < M; absent when C = 0). The rule checks that the key is in
 * range and not seen before, that N is the exact size C(k-1, C) (A+1)^C, and that the subclass's lower bound is
 * positive; then the N inputs count as correct. Keys determine (Q, M, C) of their inputs, so distinct keys are
 * disjoint sets. Subclasses differ only in the bound.
 */
abstract class CaseRule implements Rule {
    /**
     * The keys used so far, shared by the case rules of one certificate (strategy subcubic-union has two), so that
     * no key is proved twice whichever rule proves it.
     */
    static final class Keys {
        private BitSet seen;
        private int[] firstLine;
    }

    private final Keys keys;
    private boolean prepared;

    CaseRule() {
        this(new Keys());
    }

    CaseRule(Keys keys) {
        this.keys = keys;
    }

    /** Prepares the bound's tables, once per certificate. */
    abstract void prepare(ProofState state, Step first);

    /**
     * A number that is positive only if every input of case (q, m, c, a) is correct; {@code worst} receives the
     * output the bound is about (or -1 when the bound covers every output at once).
     */
    abstract double bound(int q, int m, int c, int a, int[] worst);

    /** Work done so far by the bound, for the operation counts. */
    abstract long operations();

    @Override
    public Failure apply(Step step, ProofState state) {
        Fields.only(step, state, "query", "max", "nonmax", "upto", "count");
        int v = state.model().vocab(), k = state.model().context();
        BigInteger qb = Fields.integer(step, state, "query"), mb = Fields.integer(step, state, "max"),
                cb = Fields.integer(step, state, "nonmax"), nb = Fields.integer(step, state, "count");
        boolean hasUpTo = Fields.field(step, state, "upto") != null;
        BigInteger ab = hasUpTo ? Fields.integer(step, state, "upto") : BigInteger.valueOf(-1);
        String key = "query " + qb + " max " + mb + " nonmax " + cb;
        if (mb.signum() < 0 || mb.compareTo(BigInteger.valueOf(v)) >= 0) {
            return fail(step, "0 <= max < vocab", mb, v);
        }
        int m = mb.intValue();
        if (qb.signum() < 0 || qb.compareTo(mb) > 0) {
            return fail(step, "0 <= query <= max", qb, m);
        }
        int q = qb.intValue();
        int maxNonmax = q == m ? k - 1 : k - 2; // when the query is below the maximum, some other position holds it
        if (cb.signum() < 0 || cb.compareTo(BigInteger.valueOf(maxNonmax)) > 0) {
            return fail(step, "0 <= nonmax <= " + (q == m ? "k-1" : "k-2"), cb, maxNonmax);
        }
        int c = cb.intValue();
        if (c == 0 && hasUpTo) {
            throw state.error(step, Fields.field(step, state, "upto").column(), "upto is meaningless when nonmax is 0");
        }
        if (c > 0 && (ab.signum() < 0 || ab.compareTo(mb) >= 0)) {
            return fail(step, "0 <= upto < max", ab, m);
        }
        int a = ab.intValue();
        if (keys.seen == null) {
            keys.seen = new BitSet(v * v * k);
            keys.firstLine = new int[v * v * k];
        }
        if (!prepared) {
            prepared = true;
            prepare(state, step);
        }
        int index = (q * v + m) * k + c;
        if (keys.seen.get(index)) {
            return new Failure(step.line(), step.column(), name(), "each case key appears once",
                    key, "already at line " + keys.firstLine[index]);
        }
        keys.seen.set(index);
        keys.firstLine[index] = step.line();
        BigInteger count = binomial(k - 1, c).multiply(BigInteger.valueOf(a + 1L).pow(c));
        if (!nb.equals(count)) {
            return new Failure(step.line(), step.column(), name(), "count = C(k-1, nonmax) (upto+1)^nonmax",
                    nb.toString(), count.toString());
        }
        int[] worst = {-1};
        long before = operations();
        double bound = bound(q, m, c, a, worst);
        state.count(name() + ".bound-operations (double, rounded down)", operations() - before);
        state.count(name() + ".cases", 1);
        if (!(bound > 0)) {
            return new Failure(step.line(), step.column(), name(), "lower bound of the margin"
                    + (worst[0] >= 0 ? " against output " + worst[0] : " against every output")
                    + " > 0 for every input of " + key + (c > 0 ? " upto " + a : ""), Double.toString(bound), "0");
        }
        state.provedCases(step, count);
        return null;
    }

    Failure fail(Step step, String inequality, BigInteger value, int limit) {
        return new Failure(step.line(), step.column(), name(), inequality, value.toString(), Integer.toString(limit));
    }

    static BigInteger binomial(int n, int r) {
        BigInteger b = BigInteger.ONE;
        for (int i = 0; i < r; i++) {
            b = b.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return b;
    }
}
