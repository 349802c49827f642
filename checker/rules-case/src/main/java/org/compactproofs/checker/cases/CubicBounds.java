package org.compactproofs.checker.cases;

import static org.compactproofs.checker.arith.Interval.addDown;
import static org.compactproofs.checker.arith.Interval.addSmallest;
import static org.compactproofs.checker.arith.Interval.timesDown;

import java.util.Arrays;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.AttentionWeights;

/**
 * The lower bounds of rule C1 (docs/rules.md), computed in double arithmetic rounded toward minus infinity
 * (every sum and product is followed by {@link Interval#down}, which covers its half-ulp error and turns a NaN into
 * minus infinity; kernel K2).
 * Tables enter through their verified enclosures; attention weights through interval enclosures of
 * exp(s (R - max R)), at most 1. All quantities here are lower bounds of the real numbers named in the rule; the weights'
 * upper ends are used where a weight multiplies a non-positive number.
 */
public final class CubicBounds implements CaseRule.Bound {
    /** Tokens just below the largest allowed non-max token that are bounded one by one (rule C1's W). */
    static final int WINDOW = 8;

    /** The window in use: {@link #WINDOW}, or another size in tests (the rule is sound for any size). */
    private final int window;

    final int v, k;
    final double[][] evouHi, pvouLo, pvouHi, euLo, euHi;   // also read by rule S3
    /** EVOU's ends by column, [m][t] and [o][t]: the bounds read a column's run of tokens, which then lie side by side. */
    final double[][] evouLoT, evouHiT;
    private final AttentionWeights attention;
    /**
     * The per-query tables, entry (q, i, t) at {@link #at}: by query, a query's tokens side by side (rule C1 reads
     * one query's for every output), or {@code byToken}, by token and position, queries side by side (a row of rule
     * S3 reads the same few tokens of consecutive queries). Filled per query on first use; also read by rule S3.
     */
    final double[] weightLo, weightHi, prefixMaxHi;
    private final boolean byToken;
    private final boolean[] weighted;
    /**
     * For each output o and bound b, over the tokens t <= b: the smallest lower bound of D(t, o), the t attaining it
     * (the first one), and the second smallest.
     */
    private record Exclusive(double[][] min1, int[][] arg1, double[][] min2) {}
    private final Exclusive[] exclusiveMin;                      // [m], lazily
    /**
     * Bytes the exclusive minima may hold (20 v m per max m: two doubles and an int per entry; 10 v^3 in all): beyond
     * it the cache is emptied before the next table, so memory stays bounded; work it causes again is metered like
     * any other.
     */
    static final long EXCLUSIVE_CACHE_BYTES = 1L << 26;
    private long exclusiveBytes;
    private long operations;

    public CubicBounds(Model m, CircuitTables t) {
        this(m, t, WINDOW);
    }

    public CubicBounds(Model m, CircuitTables t, int window) {
        this(m, t, window, false);
    }

    CubicBounds(Model m, CircuitTables t, int window, boolean byToken) {
        this.window = window;
        this.byToken = byToken;
        v = m.vocab();
        k = m.context();
        double[][][] evou = ends(t.evou()), pvou = ends(t.pvou()), eu = ends(t.eu());
        evouLoT = transpose(evou[0]);
        evouHi = evou[1];
        evouHiT = transpose(evou[1]);
        pvouLo = pvou[0];
        pvouHi = pvou[1];
        euLo = eu[0];
        euHi = eu[1];
        attention = new AttentionWeights(t);
        cachedM = new int[v];
        cachedA = new int[v];
        Arrays.fill(cachedM, -1);
        cachedBase = new double[v][];
        cachedDiff = new double[v][][];
        weightLo = new double[v * k * v]; // v^2 k <= 2^24: the key cap
        weightHi = new double[v * k * v];
        prefixMaxHi = new double[v * k * v];
        weighted = new boolean[v];
        exclusiveMin = new Exclusive[v];
    }

    /** {lower ends, upper ends} of the tightest enclosures of a table's entries. */
    private static double[][][] ends(DyadicMatrix table) {
        double[][][] out = new double[2][table.rows()][table.cols()];
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.cols(); j++) {
                Interval e = table.enclosure(i, j);
                out[0][i][j] = e.lo();
                out[1][i][j] = e.hi();
            }
        }
        return out;
    }

    private static double[][] transpose(double[][] x) {
        double[][] out = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                out[j][i] = x[i][j];
            }
        }
        return out;
    }

    /** Weights exp(s (R(i,t) - max R)) enclosed, the maximum over the query's positions and tokens. */
    void weights(int q) {
        if (weighted[q]) {
            return;
        }
        Interval[][] weights = attention.of(q);
        for (int i = 0; i < k; i++) {
            double running = 0;
            for (int t = 0; t < v; t++) {
                Interval w = weights[i][t];
                weightLo[at(q, i, t)] = w.lo();
                weightHi[at(q, i, t)] = w.hi();
                running = Math.max(running, w.hi());
                prefixMaxHi[at(q, i, t)] = running;
                operations++;
            }
        }
        weighted[q] = true;
    }

    /** The index of entry (q, i, t) of a per-query table. */
    int at(int q, int i, int t) {
        return byToken ? (t * k + i) * v + q : (q * k + i) * v + t;
    }

    /** D(t,o) = EVOU[t][m] - EVOU[t][o], lower bound. */
    double ovLo(int m, int t, int o) {
        return Interval.down(evouLoT[m][t] - evouHiT[o][t]);
    }

    /** For each output o and bound b: min over t <= b, t != o, of the lower bound of D(t,o) (two smallest kept). */
    private Exclusive exclusive(int m) {
        if (exclusiveMin[m] == null) {
            if (exclusiveBytes + 20L * v * m > EXCLUSIVE_CACHE_BYTES) { // emptied before allocating the next
                java.util.Arrays.fill(exclusiveMin, null);
                exclusiveBytes = 0;
            }
            exclusiveBytes += 20L * v * m;
            double[][] min1 = new double[v][m], min2 = new double[v][m];
            int[][] arg1 = new int[v][m];
            for (int o = 0; o < v; o++) {
                double a = Double.POSITIVE_INFINITY, b = Double.POSITIVE_INFINITY;
                int at = -1;
                for (int t = 0; t < m; t++) {
                    double d = ovLo(m, t, o);
                    if (d < a) {
                        b = a;
                        a = d;
                        at = t;
                    } else if (d < b) {
                        b = d;
                    }
                    min1[o][t] = a;
                    arg1[o][t] = at;
                    min2[o][t] = b;
                }
            }
            exclusiveMin[m] = new Exclusive(min1, arg1, min2);
            operations += (long) v * m;
        }
        return exclusiveMin[m];
    }

    /** g_i(o; t) = (EU[q][m]-EU[q][o]) + (PVOU[i][m]-PVOU[i][o]) + (EVOU[t][m]-EVOU[t][o]), lower bound. */
    private double gLo(double common, int m, int t, int o) {
        return addDown(common, ovLo(m, t, o));
    }

    /**
     * The per-output terms of the last (m, a) evaluated for each query q: cases of one (q, m) usually share a, and
     * both orders of cases (steps by (q, m, c), rows by (m, c) then q) revisit q's slot with the same (m, a).
     */
    private final int[] cachedM, cachedA;     // [q]: -1 while q's slot is empty
    private final double[][] cachedBase;     // [q][o]: Q* + sum of M_i, rounded down
    private final double[][][] cachedDiff;   // [q][o][i]: T_i - M_i, rounded down (null when a = -1)

    private void terms(int q, int m, int a) {
        if (m == cachedM[q] && a == cachedA[q]) {
            return;
        }
        weights(q);
        Exclusive ex = a - window >= 0 ? exclusive(m) : null;
        double[] base0 = new double[v];
        double[][] diff0 = a >= 0 ? new double[v][k - 1] : null;
        for (int o = 0; o < v; o++) {
            if (o == m) {
                continue;
            }
            int out = o;
            base0[o] = outputTerms(q, m, a, o, ex == null ? null
                    : b -> ex.arg1()[out][b] != out ? ex.min1()[out][b] : ex.min2()[out][b], a >= 0 ? diff0[o] : null);
        }
        cachedBase[q] = base0;
        cachedDiff[q] = diff0;
        cachedM[q] = m;
        cachedA[q] = a;
    }

    /** The tail minima of one output o for one max m: {@code at(b)} = min over t <= b, t != o, of the lower bound of D(t,o). */
    interface Tail {
        double at(int b);
    }

    /**
     * Rule C1's terms of output o for query q, max m and upto a (-1: no non-max position): returns Q* + sum of
     * M_i, rounded down, and fills {@code diff[i]} with T_i - M_i (when a >= 0); {@code tail} is read only when
     * a - W >= 0. Weights of q must be computed ({@link #weights}). Rule S3 uses it for a few outputs.
     */
    double outputTerms(int q, int m, int a, int o, Tail tail, double[] diff) {
        double eu = Interval.down(euLo[q][m] - euHi[q][o]);
        double base = timesDown(weightLo[at(q, k - 1, q)], weightHi[at(q, k - 1, q)],
                gLo(addDown(eu, Interval.down(pvouLo[k - 1][m] - pvouHi[k - 1][o])), m, q, o));
        for (int i = 0; i < k - 1; i++) {
            double common = addDown(eu, Interval.down(pvouLo[i][m] - pvouHi[i][o]));
            double maxTerm = timesDown(weightLo[at(q, i, m)], weightHi[at(q, i, m)], gLo(common, m, m, o));
            base = addDown(base, maxTerm);
            if (a >= 0) {
                diff[i] = Interval.down(nonmaxTerm(q, m, a, i, o, common, tail) - maxTerm);
            }
        }
        operations += (long) (k - 1) * (a >= 0 ? Math.min(a + 1, window) + 3 : 1);
        return base;
    }

    /**
     * The smallest, over outputs o != m, of the rule's lower bound for case (q, m, c, a): every input of the case
     * is correct if this is positive. Returns the value and, through {@code worst}, the output attaining it.
     */
    @Override
    public long operations() {
        return operations;
    }

    @Override
    public double of(int q, int m, int c, int a, int[] worst) {
        terms(q, m, c > 0 ? a : -1);
        double[] diff = new double[k - 1];
        double smallest = Double.POSITIVE_INFINITY;
        for (int o = 0; o < v; o++) {
            if (o == m) {
                continue;
            }
            double bound = cachedBase[q][o];
            if (c > 0) {
                System.arraycopy(cachedDiff[q][o], 0, diff, 0, diff.length);
                Arrays.sort(diff);
                bound = addSmallest(bound, diff, c);
            }
            if (Double.isNaN(bound) || bound < smallest) { // NaN (from infinite enclosures) must fail, not pass
                smallest = bound;
                worst[0] = o;
            }
        }
        return smallest;
    }

    /** T_i(o, a): a lower bound of w_i(t) g_i(o; t) over every non-max token t <= a. */
    private double nonmaxTerm(int q, int m, int a, int i, int o, double common, Tail tail) {
        double t0 = Double.POSITIVE_INFINITY;
        if (o <= a) {
            t0 = timesDown(weightLo[at(q, i, o)], weightHi[at(q, i, o)], gLo(common, m, o, o));
        }
        int from = Math.max(0, a - window + 1);
        for (int t = from; t <= a; t++) {
            if (t != o) {
                int x = at(q, i, t);
                t0 = Math.min(t0, timesDown(weightLo[x], weightHi[x], Math.min(0, gLo(common, m, t, o))));
            }
        }
        if (from > 0) {
            double d = tail.at(from - 1);
            if (d != Double.POSITIVE_INFINITY) {
                t0 = Math.min(t0, timesDown(0, prefixMaxHi[at(q, i, from - 1)], Math.min(0, addDown(common, d))));
            }
        }
        return t0;
    }
}
