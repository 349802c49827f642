package org.compactproofs.checker.bruteforce;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.AttentionWeights;

/**
 * Rule {@code brute-force} (docs/rules.md, rule B1): counts the inputs on which the model is provably correct by
 * deciding every one of the v^k inputs.
 *
 * <p>For query q, write w(i,t) = exp(s R(i,t) - c_q) with R(i,t) = eqkeRaw[q][t] + eqkpRaw[q][i] and any shift
 * c_q, V(i,t,o) = EVOU[t][o] + PVOU[i][o], and for an input x: W = sum_i w(i,t_i),
 * U_o = W EU[q][o] + sum_i w(i,t_i) V(i,t_i,o). Then U_o = W logits_o, so x is correct iff D_o = U_m - U_o > 0
 * for every o != m = max(x).
 *
 * <p>Fast path: the same sums in double, from enclosures of every table entry and weight, and an a-priori bound
 * |D̂_o - D_o| <= tau_q Ŵ + 2^-1000 (Theorem B1.1). An input counts as correct when every D̂_o exceeds the
 * bound; it counts as wrong when some D̂_o is below minus the bound. Anything else goes to the exact path:
 * exact dyadic g_i(o), weights enclosed with 70-digit directed rounding ({@link ExactExp}); correct only if the
 * lower end of sum_i w_i g_i(o) is positive for every undecided o. What cannot be proven counts as wrong,
 * so the count is a lower bound on the true count (ties are wrong by definition).
 */
public final class BruteForce {
    private static final double U = 0x1p-53;
    private static final double TINY_ABSOLUTE = 0x1p-1000;
    /** A weight whose enclosure is relatively wider than this is not used on the fast path. */
    private static final double MAX_RELATIVE_WIDTH = 0x1p-20;
    private static final double MAX_MAGNITUDE = 0x1p1000;

    /** What was proven and the work it took. */
    public record Result(long correct, long inputs, long fastDecided, long fastProvenWrong, long exactInputs,
                         long exactProvenWrong, long undecidable, long exactExps, long marginsCompared) {}

    private final Model model;
    private final int v, k;
    private final CircuitTables tables;
    /** The exact path's scales: each table's exponent above its group's smallest (values; raw scores). */
    private final int euShift, evouShift, pvouShift, eqkeShift, eqkpShift;
    /** 2^e enclosed at the working precision, e the raw scores' smallest exponent. */
    private final BigDecimal[] scoreUnit;
    private final double[][] evou, pvou, eu;
    private final BigDecimal[] sExact;
    private final AttentionWeights attention;
    private final boolean fastPathPossible;
    private final double evouPvouBound;

    public BruteForce(Model m, CircuitTables t) {
        this(m, t, false);
    }

    /**
     * Inputs beyond the exact path's budget ({@link org.compactproofs.checker.Limits#exactPathInputs()}): thrown
     * before the exact work of the first input over it, or before the walk when more inputs than that are known
     * in advance to need it (their weights are unusable on the fast path).
     */
    public static final class ExactPathBudgetExceeded extends RuntimeException {
        /** The inputs known up front to need the exact path, or -1 when the budget ran out during the walk. */
        public final long known;

        ExactPathBudgetExceeded(long known) {
            super(null, null, false, false);
            this.known = known;
        }
    }

    /** Every input on the exact path (tests of that path alone). */
    static BruteForce exactPathOnly(Model m, CircuitTables t) {
        return new BruteForce(m, t, true);
    }

    private BruteForce(Model m, CircuitTables t, boolean exactOnly) {
        this.model = m;
        this.v = m.vocab();
        this.k = m.context();
        this.tables = t;
        // margins subtract entries of one row, so per-row constants cancel: centring them keeps a constant added
        // to every logit from inflating the a-priori error bound (docs/rules.md, B1.1)
        evou = CentredRows.lowerEnds(t.evou());
        pvou = CentredRows.lowerEnds(t.pvou());
        eu = CentredRows.lowerEnds(t.eu());
        int common = CentredRows.commonExponent(t.eu(), t.evou(), t.pvou());
        euShift = t.eu().exponent() - common;
        evouShift = t.evou().exponent() - common;
        pvouShift = t.pvou().exponent() - common;
        int e = CentredRows.commonExponent(t.eqkeRaw(), t.eqkpRaw());
        eqkeShift = t.eqkeRaw().exponent() - e;
        eqkpShift = t.eqkpRaw().exponent() - e;
        BigDecimal two = BigDecimal.valueOf(2);
        scoreUnit = e >= 0 ? new BigDecimal[] {two.pow(e), two.pow(e)} // exact
                : new BigDecimal[] {BigDecimal.ONE.divide(two.pow(-e), ExactExp.DOWN),
                    BigDecimal.ONE.divide(two.pow(-e), ExactExp.UP)};
        sExact = ExactExp.inverseSqrt(m.dHead());
        attention = new AttentionWeights(t);
        double a = maxAbs(evou) * (1 + 0x1p-40) + maxAbs(pvou) * (1 + 0x1p-40) + TINY_ABSOLUTE;
        evouPvouBound = a;
        fastPathPossible = !exactOnly && a < MAX_MAGNITUDE && maxAbs(eu) < MAX_MAGNITUDE;
    }


    /** R(i, t) = eqkeRaw[q][t] + eqkpRaw[q][i] exactly, as an integer times 2^e (e as in {@link #scoreUnit}). */
    private BigInteger score(int q, int i, int t) {
        return tables.eqkeRaw().num()[q][t].shiftLeft(eqkeShift).add(tables.eqkpRaw().num()[q][i].shiftLeft(eqkpShift));
    }

    /**
     * g(o) = EU[q][m]-EU[q][o] + EVOU[t][m]-EVOU[t][o] + PVOU[i][m]-PVOU[i][o] exactly, as an integer times 2^c with
     * c the value tables' smallest exponent (a margin's sign does not depend on the scale, so c is dropped): each
     * difference is taken within its table, then shifted to c, so no table is ever held at another scale.
     */
    private BigInteger margin(int q, int m, int o, int t, int i) {
        BigInteger[][] eu = tables.eu().num(), ev = tables.evou().num(), pv = tables.pvou().num();
        return eu[q][m].subtract(eu[q][o]).shiftLeft(euShift)
                .add(ev[t][m].subtract(ev[t][o]).shiftLeft(evouShift))
                .add(pv[i][m].subtract(pv[i][o]).shiftLeft(pvouShift));
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] row : a) {
            for (double x : row) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m; // NaN never occurs; an infinite entry makes this infinite and disables the fast path
    }

    /** {@link #run(int, long)} with no budget for the exact path. */
    public Result run(int threads) {
        return run(threads, Long.MAX_VALUE);
    }

    /**
     * Decides every input; more than {@code exactBudget} inputs on the exact path throw
     * {@link ExactPathBudgetExceeded}, up front when the weights alone send that many there.
     */
    public Result run(int threads, long exactBudget) {
        return run(threads, exactBudget, -1);
    }

    /**
     * {@link #run(int, long)} over the inputs whose maximum is {@code onlyMax} ((M+1)^k - M^k of them; rule B1's
     * keyed form), or over every input when it is -1. The up-front count of forced exact inputs is made for every
     * input only; a keyed walk meets the budget as it goes.
     */
    public Result run(int threads, long exactBudget, int onlyMax) {
        long known = 0;
        for (int q = 0; q < v && known <= exactBudget && onlyMax < 0; q++) {
            known += forcedExact(attention.of(q), q);
        }
        if (known > exactBudget) {
            throw new ExactPathBudgetExceeded(known);
        }
        AtomicLong exactLeft = new AtomicLong(exactBudget);
        List<java.util.concurrent.Callable<long[]>> parts = new ArrayList<>();
        for (int q = 0; q < v && (onlyMax < 0 || q <= onlyMax); q++) {
            int query = q;
            parts.add(() -> new QueryWalk(query, exactLeft, onlyMax).run()); // only the counts outlive a walk
        }
        long[] sums = new long[8];
        for (long[] c : Parallel.map(parts, threads)) {
            for (int i = 0; i < c.length; i++) {
                sums[i] += c[i];
            }
        }
        long inputs = onlyMax < 0 ? model.inputCount() : BigInteger.valueOf(onlyMax + 1L).pow(k)
                .subtract(BigInteger.valueOf(onlyMax).pow(k)).longValueExact(); // at most v^k, a long
        return new Result(sums[0], inputs, sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
    }

    /**
     * The relative width ((h - l) / l)(1 + 2^-40) of a weight enclosure when the fast path may use it (B1.1:
     * positive, finite, at most 2^-20), else infinity; the factor covers the two roundings of the ratio.
     */
    private double reliableWidth(Interval w) {
        if (!fastPathPossible || !(w.lo() > 0) || !Double.isFinite(w.hi())) {
            return Double.POSITIVE_INFINITY;
        }
        double relative = (w.width() / w.lo()) * (1 + 0x1p-40);
        return relative <= MAX_RELATIVE_WIDTH ? relative : Double.POSITIVE_INFINITY;
    }

    /**
     * The inputs of query q with a weight the fast path cannot use: they all take the exact path. No overflow:
     * the rule admits at most {@code Limits.bruteForceInputs()} (a long) inputs in all.
     */
    private long forcedExact(Interval[][] weights, int q) {
        long all = 1, reliableOnly = Double.isFinite(reliableWidth(weights[k - 1][q])) ? 1 : 0;
        for (int i = 0; i < k - 1; i++) {
            long usable = 0;
            for (int t = 0; t < v; t++) {
                usable += Double.isFinite(reliableWidth(weights[i][t])) ? 1 : 0;
            }
            all *= v;
            reliableOnly *= usable;
        }
        return all - reliableOnly;
    }

    /** All inputs whose last token is q (and whose maximum is onlyMax, unless it is -1). */
    private final class QueryWalk {
        final int q, onlyMax, top;
        final double[][] weight = new double[k][v];          // lower ends of the weight enclosures
        final boolean[][] reliable = new boolean[k][v];
        final double[][][] contrib = new double[k][v][];      // fl(ŵ fl(EVOU + PVOU))
        final double[][] partial = new double[k][v];
        final double[] partialWeight = new double[k];
        final int[] tokens = new int[k];
        final boolean[] undecided = new boolean[v];
        final double tau;
        final AtomicLong exactLeft;
        BigDecimal[][] weightLo, weightHi; // exact path: exp(s (R(i,t) - R_q)) enclosed, made on first use
        BigInteger scoreTop;               // R_q, the query's largest raw score (as an integer of the scores' scale)
        long correct, fastDecided, fastWrong, exactInputs, exactWrong, undecidable, exactExps, margins;

        QueryWalk(int q, AtomicLong exactLeft, int onlyMax) {
            this.q = q;
            this.onlyMax = onlyMax;
            this.top = onlyMax < 0 ? v - 1 : onlyMax; // no token above the maximum
            this.exactLeft = exactLeft;
            tokens[k - 1] = q;
            Interval[][] weights = attention.of(q);
            double delta = 0;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    Interval w = weights[i][t]; // w(i,t) = exp(s (R - max R)) <= 1
                    double relative = reliableWidth(w);
                    reliable[i][t] = Double.isFinite(relative);
                    if (reliable[i][t]) {
                        delta = Math.max(delta, relative);
                        weight[i][t] = w.lo();
                        contrib[i][t] = new double[v];
                        for (int o = 0; o < v; o++) {
                            contrib[i][t][o] = w.lo() * (evou[t][o] + pvou[i][o]);
                        }
                    }
                }
            }
            double a = evouPvouBound;
            double mq = 0;
            for (double e : eu[q]) {
                mq = Math.max(mq, Math.abs(e));
            }
            mq = mq * (1 + 0x1p-40) + TINY_ABSOLUTE;
            // Theorem B1.1: |D̂ - D| <= 2.1 K W + 2^-1000 with this K (docs/rules.md)
            double kq = a * (6 * U + 2 * delta) + mq * (3 * delta + (k + 4) * 2 * U) + 2.2 * (k + 1) * U * (a + mq);
            tau = 2.1 * kq;
        }

        /** The walk's counts: correct, fast decided, fast wrong, exact, exact wrong, undecidable, exps, margins. */
        long[] run() {
            walk(0, -1, 0);
            return new long[] {correct, fastDecided, fastWrong, exactInputs, exactWrong, undecidable, exactExps, margins};
        }

        private void walk(int depth, int maxSoFar, int unreliable) {
            if (depth == 0 && Thread.currentThread().isInterrupted()) { // another walk failed: stop, don't finish
                throw new java.util.concurrent.CancellationException("brute force stopped");
            }
            if (depth == k - 1) {
                leaf(Math.max(maxSoFar, q), unreliable + (reliable[k - 1][q] ? 0 : 1));
                return;
            }
            double[] here = partial[depth];
            // keyed: the last position before the query must supply the maximum if nothing before it has
            int from = onlyMax >= 0 && depth == k - 2 && Math.max(maxSoFar, q) < onlyMax ? onlyMax : 0;
            for (int t = from; t <= top; t++) {
                tokens[depth] = t;
                boolean ok = reliable[depth][t];
                if (ok && unreliable == 0) {
                    double[] add = contrib[depth][t], next = partial[depth + 1];
                    for (int o = 0; o < v; o++) {
                        next[o] = here[o] + add[o];
                    }
                    partialWeight[depth + 1] = partialWeight[depth] + weight[depth][t];
                }
                walk(depth + 1, Math.max(maxSoFar, t), unreliable + (ok ? 0 : 1));
            }
        }

        private void leaf(int m, int unreliable) {
            if (onlyMax >= 0 && m != onlyMax) { // only when k = 1: no position before the query
                return;
            }
            if (unreliable > 0) {
                java.util.Arrays.fill(undecided, true);
                undecided[m] = false;
                exact(m);
                return;
            }
            double w = partialWeight[k - 1] + weight[k - 1][q];
            double threshold = tau * w + TINY_ABSOLUTE;
            double[] s = partial[k - 1], last = contrib[k - 1][q], e = eu[q];
            double target = (s[m] + last[m]) + w * e[m];
            margins += v - 1;
            // the common case first: every margin clears the bound (two loops skip o = m without a branch)
            int unclear = 0;
            for (int o = 0; o < m; o++) {
                unclear += target - ((s[o] + last[o]) + w * e[o]) > threshold ? 0 : 1;
            }
            for (int o = m + 1; o < v; o++) {
                unclear += target - ((s[o] + last[o]) + w * e[o]) > threshold ? 0 : 1;
            }
            if (unclear == 0) {
                fastDecided++;
                correct++;
                return;
            }
            for (int o = 0; o < v; o++) {
                double d = target - ((s[o] + last[o]) + w * e[o]);
                if (o != m && d < -threshold) {
                    fastWrong++;
                    return;
                }
                undecided[o] = o != m && !(d > threshold);
            }
            exact(m);
        }

        /**
         * The exact path for the outputs marked undecided (Theorem B1.2). Positions with exactly equal raw scores
         * have equal weights, so their terms are added exactly first; this decides exact ties.
         */
        private void exact(int m) {
            if (exactLeft.getAndDecrement() <= 0) {
                throw new ExactPathBudgetExceeded(-1);
            }
            exactInputs++;
            BigInteger[] groupScore = new BigInteger[k];
            int[] group = new int[k], member = new int[k];
            int groups = 0;
            for (int i = 0; i < k; i++) {
                BigInteger r = score(q, i, tokens[i]);
                int j = 0;
                while (j < groups && !groupScore[j].equals(r)) {
                    j++;
                }
                if (j == groups) {
                    member[groups] = i;
                    groupScore[groups++] = r;
                }
                group[i] = j;
            }
            BigDecimal[] wLo = null, wHi = null;
            for (int o = 0; o < v; o++) {
                if (!undecided[o]) {
                    continue;
                }
                BigInteger[] g = new BigInteger[groups];
                java.util.Arrays.fill(g, BigInteger.ZERO);
                for (int i = 0; i < k; i++) {
                    g[group[i]] = g[group[i]].add(margin(q, m, o, tokens[i], i));
                }
                boolean anyPositive = false, anyNegative = false;
                for (BigInteger x : g) {
                    anyPositive |= x.signum() > 0;
                    anyNegative |= x.signum() < 0;
                }
                if (!anyPositive) { // every weight is positive: the margin is <= 0
                    exactWrong++;
                    return;
                }
                if (!anyNegative) {
                    continue; // some positive term, none negative: the margin is > 0
                }
                if (wLo == null) {
                    wLo = new BigDecimal[groups];
                    wHi = new BigDecimal[groups];
                    cachedEnclosures(member, groups, wLo, wHi);
                }
                BigDecimal lower = BigDecimal.ZERO, upper = BigDecimal.ZERO;
                for (int j = 0; j < groups; j++) {
                    BigDecimal gj = new BigDecimal(g[j]);
                    boolean positive = g[j].signum() >= 0;
                    lower = lower.add(gj.multiply(positive ? wLo[j] : wHi[j]), ExactExp.DOWN);
                    upper = upper.add(gj.multiply(positive ? wHi[j] : wLo[j]), ExactExp.UP);
                }
                if (lower.signum() <= 0) {
                    if (upper.signum() <= 0) {
                        exactWrong++;
                    } else {
                        undecidable++;
                    }
                    return;
                }
            }
            correct++;
        }

        /**
         * Group j's weight relative to the query's largest score R_q, from a per-(position, token) cache: a common
         * positive factor exp(s (R_q - max_j R_j)) does not change the sign of the margin. Where such a weight is
         * below the enclosure's reach (lower end 0), the input's own largest score is the reference instead.
         */
        private void cachedEnclosures(int[] member, int groups, BigDecimal[] lo, BigDecimal[] hi) {
            if (weightLo == null) {
                weightLo = new BigDecimal[k][v];
                weightHi = new BigDecimal[k][v];
                scoreTop = score(q, 0, 0);
                for (int i = 0; i < k; i++) {
                    for (int t = 0; t < v; t++) {
                        scoreTop = scoreTop.max(score(q, i, t));
                    }
                }
            }
            BigInteger[] score = new BigInteger[groups];
            for (int j = 0; j < groups; j++) {
                score[j] = score(q, member[j], tokens[member[j]]);
            }
            for (int j = 0; j < groups; j++) {
                int i = member[j], t = tokens[i];
                if (weightLo[i][t] == null) {
                    BigDecimal[] e = enclose(score[j], scoreTop);
                    weightLo[i][t] = e[0];
                    weightHi[i][t] = e[1];
                }
                if (weightLo[i][t].signum() == 0) {
                    enclosures(score, groups, lo, hi);
                    return;
                }
                lo[j] = weightLo[i][t];
                hi[j] = weightHi[i][t];
            }
        }

        /** w_j = exp(s (R_j - max_j R_j)) enclosed: the input's own top score has weight 1. */
        private void enclosures(BigInteger[] score, int groups, BigDecimal[] lo, BigDecimal[] hi) {
            BigInteger top = score[0];
            for (int j = 1; j < groups; j++) {
                top = top.max(score[j]);
            }
            for (int j = 0; j < groups; j++) {
                BigDecimal[] e = enclose(score[j], top);
                lo[j] = e[0];
                hi[j] = e[1];
            }
        }

        /**
         * exp(s (r - top)) enclosed, r <= top raw scores: with r - top = d 2^e (d <= 0 an integer), s in [s-, s+]
         * and 2^e in [p-, p+], the argument lies in [d s+ p+, d s- p-], each product rounded outward.
         */
        private BigDecimal[] enclose(BigInteger r, BigInteger top) {
            BigDecimal d = new BigDecimal(r.subtract(top)); // exact, <= 0
            BigDecimal a = d.multiply(sExact[1], ExactExp.DOWN).multiply(scoreUnit[1], ExactExp.DOWN);
            BigDecimal b = d.multiply(sExact[0], ExactExp.UP).multiply(scoreUnit[0], ExactExp.UP);
            exactExps++;
            return ExactExp.enclose(a, b);
        }
    }
}
