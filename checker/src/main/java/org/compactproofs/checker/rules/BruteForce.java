package org.compactproofs.checker.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

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
    private BigDecimal[][] eqkeRaw, eqkpRaw, evouExact, pvouExact, euExact; // exact path only, made on first use
    private final double[][] evou, pvou, eu;
    private final BigDecimal[] sExact;
    private final AttentionWeights attention;
    private final boolean fastPathPossible;
    private final double evouPvouBound;
    /** Benchmark baseline only: plain double comparison, no error bound, no exact path. Never used to check. */
    private final boolean unchecked;

    public BruteForce(Model m, CircuitTables t) {
        this(m, t, false, false);
    }

    /** The same evaluation with the error bound set to zero and no exact path: the benchmarks' baseline. */
    public static BruteForce uncheckedBaseline(Model m, CircuitTables t) {
        return new BruteForce(m, t, true, false);
    }

    /** Every input on the exact path (tests of that path alone). */
    static BruteForce exactPathOnly(Model m, CircuitTables t) {
        return new BruteForce(m, t, false, true);
    }

    private BruteForce(Model m, CircuitTables t, boolean unchecked, boolean exactOnly) {
        this.unchecked = unchecked;
        this.model = m;
        this.v = m.vocab();
        this.k = m.context();
        this.tables = t;
        evou = lowerEnds(t.evou());
        pvou = lowerEnds(t.pvou());
        eu = lowerEnds(t.eu());
        sExact = ExactExp.inverseSqrt(m.dHead());
        attention = new AttentionWeights(t);
        double a = maxAbs(evou) * (1 + 0x1p-40) + maxAbs(pvou) * (1 + 0x1p-40) + TINY_ABSOLUTE;
        evouPvouBound = a;
        fastPathPossible = !exactOnly && a < MAX_MAGNITUDE && maxAbs(eu) < MAX_MAGNITUDE;
    }

    /** Each entry's tightest enclosure's lower end: a double within one ulp of the exact value. */
    private static double[][] lowerEnds(DyadicMatrix table) {
        double[][] out = new double[table.rows()][table.cols()];
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.cols(); j++) {
                out[i][j] = table.enclosure(i, j).lo();
            }
        }
        return out;
    }

    /** The exact tables as decimals, for the exact path; made once, on first use (by any thread). */
    private synchronized void exactTables() {
        if (euExact == null) {
            eqkeRaw = tables.eqkeRaw().exactDecimals();
            eqkpRaw = tables.eqkpRaw().exactDecimals();
            evouExact = tables.evou().exactDecimals();
            pvouExact = tables.pvou().exactDecimals();
            euExact = tables.eu().exactDecimals();
        }
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

    public Result run(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        try {
            List<Future<QueryWalk>> parts = new ArrayList<>();
            for (int q = 0; q < v; q++) {
                int query = q;
                parts.add(pool.submit(() -> new QueryWalk(query).run()));
            }
            long[] sums = new long[8];
            for (Future<QueryWalk> f : parts) {
                QueryWalk w = f.get();
                long[] c = {w.correct, w.fastDecided, w.fastWrong, w.exactInputs, w.exactWrong, w.undecidable,
                    w.exactExps, w.margins};
                for (int i = 0; i < c.length; i++) {
                    sums[i] += c[i];
                }
            }
            return new Result(sums[0], model.inputCount(), sums[1], sums[2], sums[3], sums[4], sums[5], sums[6], sums[7]);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** All inputs whose last token is q. */
    private final class QueryWalk {
        final int q;
        final double[][] weight = new double[k][v];          // lower ends of the weight enclosures
        final boolean[][] reliable = new boolean[k][v];
        final double[][][] contrib = new double[k][v][];      // fl(ŵ fl(EVOU + PVOU))
        final double[][] partial = new double[k][v];
        final double[] partialWeight = new double[k];
        final int[] tokens = new int[k];
        final boolean[] undecided = new boolean[v];
        final double tau;
        long correct, fastDecided, fastWrong, exactInputs, exactWrong, undecidable, exactExps, margins;

        QueryWalk(int q) {
            this.q = q;
            tokens[k - 1] = q;
            Interval[][] weights = attention.of(q);
            double delta = 0;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    Interval w = weights[i][t]; // w(i,t) = exp(s (R - max R)) <= 1
                    boolean ok = fastPathPossible && w.lo() > 0 && Double.isFinite(w.hi());
                    // (h - l) / l, enlarged by 2^-40 relative to cover the two roundings of its computation
                    double relative = ok ? (w.width() / w.lo()) * (1 + 0x1p-40) : Double.POSITIVE_INFINITY;
                    reliable[i][t] = ok && relative <= MAX_RELATIVE_WIDTH;
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

        QueryWalk run() {
            walk(0, -1, 0);
            return this;
        }

        private void walk(int depth, int maxSoFar, int unreliable) {
            if (depth == k - 1) {
                leaf(Math.max(maxSoFar, q), unreliable + (reliable[k - 1][q] ? 0 : 1));
                return;
            }
            double[] here = partial[depth];
            for (int t = 0; t < v; t++) {
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
            if (unreliable > 0) {
                java.util.Arrays.fill(undecided, true);
                undecided[m] = false;
                exact(m);
                return;
            }
            double w = partialWeight[k - 1] + weight[k - 1][q];
            double threshold = unchecked ? 0 : tau * w + TINY_ABSOLUTE;
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
            if (unchecked) {
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
            exactInputs++;
            exactTables();
            BigDecimal[] groupScore = new BigDecimal[k];
            int[] group = new int[k];
            int groups = 0;
            for (int i = 0; i < k; i++) {
                BigDecimal r = eqkeRaw[q][tokens[i]].add(eqkpRaw[q][i]);
                int j = 0;
                while (j < groups && groupScore[j].compareTo(r) != 0) {
                    j++;
                }
                if (j == groups) {
                    groupScore[groups++] = r;
                }
                group[i] = j;
            }
            BigDecimal[] wLo = null, wHi = null;
            for (int o = 0; o < v; o++) {
                if (!undecided[o]) {
                    continue;
                }
                BigDecimal[] g = new BigDecimal[groups];
                java.util.Arrays.fill(g, BigDecimal.ZERO);
                for (int i = 0; i < k; i++) {
                    int t = tokens[i];
                    g[group[i]] = g[group[i]].add(euExact[q][m].subtract(euExact[q][o])
                            .add(evouExact[t][m].subtract(evouExact[t][o]))
                            .add(pvouExact[i][m].subtract(pvouExact[i][o])));
                }
                boolean anyPositive = false, anyNegative = false;
                for (BigDecimal x : g) {
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
                    enclosures(groupScore, groups, wLo, wHi);
                }
                BigDecimal lower = BigDecimal.ZERO, upper = BigDecimal.ZERO;
                for (int j = 0; j < groups; j++) {
                    boolean positive = g[j].signum() >= 0;
                    lower = lower.add(g[j].multiply(positive ? wLo[j] : wHi[j]), ExactExp.DOWN);
                    upper = upper.add(g[j].multiply(positive ? wHi[j] : wLo[j]), ExactExp.UP);
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

        /** w_j = exp(s (R_j - max R)) enclosed: the exact shift keeps differences of huge scores accurate. */
        private void enclosures(BigDecimal[] score, int groups, BigDecimal[] lo, BigDecimal[] hi) {
            BigDecimal top = score[0];
            for (int j = 1; j < groups; j++) {
                top = top.max(score[j]);
            }
            for (int j = 0; j < groups; j++) {
                BigDecimal r = score[j].subtract(top); // exact, <= 0
                BigDecimal a = sExact[0].multiply(r), b = sExact[1].multiply(r); // exact products
                BigDecimal[] e = ExactExp.enclose(a.min(b).round(ExactExp.DOWN), a.max(b).round(ExactExp.UP));
                lo[j] = e[0];
                hi[j] = e[1];
                exactExps++;
            }
        }
    }
}
