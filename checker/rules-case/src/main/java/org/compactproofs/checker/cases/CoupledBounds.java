package org.compactproofs.checker.cases;

import static org.compactproofs.checker.arith.Interval.addDown;
import static org.compactproofs.checker.arith.Interval.timesDown;

import java.util.Arrays;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ProofState;

/**
 * The lower bounds of rule S3 (docs/rules.md), in double arithmetic rounded toward minus infinity, from tables of
 * size O(r k v^2). With u[o] the column mean of EU's lower ends (any vector is sound), d_q[o] = EU[q][o] - u[o],
 * V_{i,t}[o] = u[o] + PVOU[i][o] + EVOU[t][o] and X(m) = {m-r, ..., m}:
 * <pre>
 *   Delta(q,m) = d_q[m] - max_{o not in X(m)} d_q[o],   G_i(t,m) = V_{i,t}[m] - max_{o not in X(m)} V_{i,t}[o],
 *   G*_i(t) = min_{m > t} G_i(t,m)
 * </pre>
 * Each maximum is the first entry outside X(m) of the row's r+2 largest upper ends. The outputs outside X(m) are
 * bounded at once by rule S1's case bound with Delta(q,m) + G_i(t,m) in place of E + F + P; the r outputs
 * m-1..m-r by rule C1's terms of one output ({@link CubicBounds#outputTerms}), with their tail minima for m.
 */
public final class CoupledBounds implements CaseRule.Bound {
    /** The window of the coupled part (rule S1's W); the exact outputs use rule C1's. */
    static final int WINDOW = MaxDiffBounds.WINDOW;

    private final int window, r, v, k, top;       // top = min(r + 2, v): the length of each top list
    private final CubicBounds cubic;              // the weights, the table ends, and C1's bound of one output
    private final double[] u;
    private final double[][] delta;               // [m][q]: a row of cases reads one max for consecutive queries
    private final int[][] topAt;                  // [i][t top + j]: the outputs of the r+2 largest upper ends of V_{i,t}
    private final double[][] topHi;               // [i][t top + j]: those upper ends, descending
    private final double[][] gStar;               // [i][t]; +infinity for the largest token
    private final double[] prefixMinLo, prefixWG;  // at cubic.at(q, i, b), per query on first use
    private final boolean[] prepared;
    private final double[][][] tails;             // [m][j][b] for output m-1-j, lazily per m
    private final int[][] cachedM, cachedA;       // [slot][q]: the (m, a) of q's slot; m = -1 while empty
    private final double[][][] cachedBase;        // [slot][q][part]
    private final double[][][][] cachedDiff;      // [slot][q][part][i]
    private long operations;
    private final int[] gMax;                     // [t]: m + 1 for the max m whose G_i(t, m) are in gAtMax; 0: none
    private final double[] gAtMax;                // [t k + i]

    CoupledBounds(CubicBounds cubic, int r, int window) {
        this.cubic = cubic;
        this.r = r;
        this.window = window;
        v = cubic.v;
        k = cubic.k;
        u = new double[v];
        for (int o = 0; o < v; o++) {
            for (int q = 0; q < v; q++) {
                u[o] += cubic.euLo[q][o];
            }
            u[o] = Double.isFinite(u[o] / v) ? u[o] / v : 0; // any real vector is sound
        }
        top = Math.min(r + 2, v);
        delta = new double[v][v];
        double[] hi = new double[v];
        int[] at = new int[top];
        double[] best = new double[top];
        for (int q = 0; q < v; q++) {
            for (int o = 0; o < v; o++) {
                hi[o] = Interval.up(cubic.euHi[q][o] - u[o]);
            }
            largest(hi, at, best);
            for (int m = 0; m < v; m++) {
                delta[m][q] = Interval.down(Interval.down(cubic.euLo[q][m] - u[m]) - outside(at, best, 0, m));
            }
        }
        topAt = new int[k][v * top]; // one array per position: a window's lists lie side by side in memory
        topHi = new double[k][v * top];
        gStar = new double[k][v];
        for (int i = 0; i < k; i++) {
            for (int t = 0; t < v; t++) {
                for (int o = 0; o < v; o++) {
                    hi[o] = Interval.up(Interval.up(u[o] + cubic.pvouHi[i][o]) + cubic.evouHi[t][o]);
                }
                largest(hi, at, best);
                System.arraycopy(at, 0, topAt[i], t * top, top);
                System.arraycopy(best, 0, topHi[i], t * top, top);
                double min = Double.POSITIVE_INFINITY;
                for (int m = t + 1; m < v; m++) {
                    min = Math.min(min, g(i, t, m));
                }
                gStar[i][t] = min;
            }
        }
        gMax = new int[v];
        gAtMax = new double[v * k];
        prefixMinLo = new double[v * k * v];
        prepared = new boolean[v];
        prefixWG = new double[v * k * v];
        tails = new double[v][][];
        cachedM = new int[2][v];
        cachedA = new int[2][v];
        Arrays.fill(cachedM[0], -1);
        Arrays.fill(cachedM[1], -1);
        cachedBase = new double[2][v][];
        cachedDiff = new double[2][v][][];
        operations += (long) v * v * (2 + k * (3 + top));
    }

    /** Rule S3's bound of a certificate with r exact outputs per max ({@link CaseRule.Preparation}). */
    static CaseRule.Preparation withExactOutputs(int r) {
        return (ProofState state, Step first) -> of(state.model(), state.tables(), r);
    }

    /** Rule S3's bound with r exact outputs per max, as the checker computes it (the generator searches with it). */
    public static CaseRule.Bound of(Model m, CircuitTables t, int r) {
        return new CoupledBounds(new CubicBounds(m, t, CubicBounds.WINDOW, true), r, WINDOW);
    }

    /** The {@code at.length} largest of {@code hi}, descending, into {@code best}, their indices into {@code at}. */
    private static void largest(double[] hi, int[] at, double[] best) {
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        Arrays.fill(at, -1);
        for (int o = 0; o < hi.length; o++) {
            double x = Double.isNaN(hi[o]) ? Double.POSITIVE_INFINITY : hi[o]; // an upper end: NaN is +infinity
            int j = at.length;
            while (j > 0 && (at[j - 1] < 0 || x > best[j - 1])) {
                j--;
            }
            if (j < at.length) {
                System.arraycopy(best, j, best, j + 1, at.length - j - 1);
                System.arraycopy(at, j, at, j + 1, at.length - j - 1);
                best[j] = x;
                at[j] = o;
            }
        }
    }

    /**
     * The largest upper end over outputs outside X(m) = {m-r..m}, from a row's r+2 largest, at {@code from} of
     * {@code at} and {@code best} (at least one of which is outside X(m) unless every output is in it: then
     * -infinity, and the case has no such output).
     */
    private double outside(int[] at, double[] best, int from, int m) {
        for (int j = from; j < from + top; j++) {
            if (at[j] > m || at[j] < m - r) {
                return best[j];
            }
        }
        return Double.NEGATIVE_INFINITY;
    }

    /**
     * G_i(t,m), remembered for the last m of each t: the cases of one max (a row, and the rows of one max follow each
     * other) read the same few tokens t for every query.
     */
    private double gRemembered(int i, int t, int m) {
        if (gMax[t] != m + 1) {
            for (int j = 0; j < k; j++) {
                gAtMax[t * k + j] = g(j, t, m);
            }
            gMax[t] = m + 1;
        }
        return gAtMax[t * k + i];
    }

    /** G_i(t,m), rounded down. */
    private double g(int i, int t, int m) {
        double vLo = addDown(addDown(u[m], cubic.pvouLo[i][m]), cubic.evouLoT[m][t]);
        return Interval.down(vLo - outside(topAt[i], topHi[i], t * top, m));
    }

    private void prepare(int q) {
        if (prepared[q]) {
            return;
        }
        cubic.weights(q);
        for (int i = 0; i < k; i++) {
            double min = Double.POSITIVE_INFINITY, wg = Double.POSITIVE_INFINITY;
            for (int t = 0; t < v; t++) {
                int x = cubic.at(q, i, t);
                min = Math.min(min, cubic.weightLo[x]);
                if (gStar[i][t] != Double.POSITIVE_INFINITY) {
                    wg = Math.min(wg, timesDown(cubic.weightLo[x], cubic.weightHi[x], gStar[i][t]));
                }
                prefixMinLo[x] = min;
                prefixWG[x] = wg;
            }
        }
        prepared[q] = true;
        operations += 2L * k * v;
    }

    /** For output m-1-j: min over t <= b, t != o, of the lower bound of EVOU[t][m] - EVOU[t][o], for b < m. */
    private double[] tail(int m, int j) {
        if (tails[m] == null) {
            double[][] out = new double[Math.min(r, m)][m];
            double[] min = new double[out.length];
            Arrays.fill(min, Double.POSITIVE_INFINITY);
            for (int t = 0; t < m; t++) { // row t of EVOU once for every output: the tables are stored by rows
                for (int jj = 0; jj < out.length; jj++) {
                    if (t != m - 1 - jj) {
                        min[jj] = Math.min(min[jj], cubic.ovLo(m, t, m - 1 - jj));
                    }
                    out[jj][t] = min[jj];
                }
            }
            tails[m] = out;
            operations += (long) out.length * m;
        }
        return tails[m][j];
    }

    @Override
    public long operations() {
        return operations + cubic.operations();
    }

    /**
     * The smallest of the parts' bounds: part 0, the coupled bound of every output outside X(m) (absent when there
     * is none), and part j = 1..r, rule C1's bound of output m-j; {@code worst} receives that output, or -1 for part 0.
     */
    @Override
    public double of(int q, int m, int c, int a, int[] worst) {
        return of(q, m, c, a, a, worst);
    }

    /**
     * The bound of the staircase case (q, m, c, a, b): every non-max token at most a, all but one at most b (b <= a;
     * b = a is the plain case). Per part: base + min over positions j of [min(T_j(a), T_j(b)) - M_j] plus the c-1
     * smallest T_i(b) - M_i over the other positions i.
     */
    public double of(int q, int m, int c, int a, int b, int[] worst) {
        terms(q, m, c > 0 ? a : -1, 0);
        double[] base = cachedBase[0][q];
        double[][] high = cachedDiff[0][q], rest = high;
        if (c > 1 && b < a) {
            terms(q, m, b, 1);
            rest = cachedDiff[1][q];
        }
        double lower = Double.POSITIVE_INFINITY;
        for (int j = vacuous(m) ? 1 : 0; j < base.length; j++) {
            double bound = c == 0 ? base[j] : Placement.lowest(base[j], high[j], rest[j], c);
            if (Double.isNaN(bound) || bound < lower) { // NaN must fail, not pass
                lower = bound;
                worst[0] = j == 0 ? -1 : m - j;
            }
        }
        operations += (long) base.length * c * (rest == high ? 1 : k);
        return lower;
    }

    /** Whether every output other than m lies in X(m) = {m-r..m}: then part 0 has no output to bound. */
    private boolean vacuous(int m) {
        return m == v - 1 && m - r <= 0;
    }

    /**
     * Fills query q's slot (0 for a case's upto, 1 for its rest) with the parts' terms for (m, a) (a = -1: no non-max
     * position): base[j] = Q* + sum M_i and diff[j][i] = T_i - M_i, all rounded down. Cases of one (q, m) usually
     * share a, so the slot is reused.
     */
    private void terms(int q, int m, int a, int slot) {
        if (m == cachedM[slot][q] && a == cachedA[slot][q]) {
            return;
        }
        prepare(q);
        int parts = 1 + Math.min(r, m);
        double[] base = new double[parts];
        double[][] diff = new double[parts][k - 1];
        if (!vacuous(m)) {
            base[0] = coupled(q, m, a, diff[0]);
        }
        for (int j = 1; j < parts; j++) {
            int jj = j;
            base[j] = cubic.outputTerms(q, m, a, m - j, b -> tail(m, jj - 1)[b], diff[j]);
        }
        cachedBase[slot][q] = base;
        cachedDiff[slot][q] = diff;
        cachedM[slot][q] = m;
        cachedA[slot][q] = a;
    }

    /** Part 0: rule S1's terms with H_i(t) = Delta(q,m) + G_i(t,m), every output outside X(m) at once. */
    private double coupled(int q, int m, int a, double[] diff) {
        double[] lo = cubic.weightLo, hi = cubic.weightHi;
        double d = delta[m][q];
        int others = k - 1, diagonal = cubic.at(q, k - 1, q);
        double base = timesDown(lo[diagonal], hi[diagonal], addDown(d, gRemembered(k - 1, q, m)));
        for (int i = 0; i < others; i++) {
            int x = cubic.at(q, i, m);
            double maxTerm = timesDown(lo[x], hi[x], addDown(d, gRemembered(i, m, m)));
            base = addDown(base, maxTerm);
            if (a >= 0) {
                int from = Math.max(0, a - window + 1);
                double nonmax = Double.POSITIVE_INFINITY;
                for (int t = from; t <= a; t++) {
                    x = cubic.at(q, i, t);
                    nonmax = Math.min(nonmax, timesDown(lo[x], hi[x], addDown(d, gRemembered(i, t, m))));
                }
                if (from > 0) {
                    x = cubic.at(q, i, from - 1);
                    double attention = d >= 0 ? Interval.down(prefixMinLo[x] * d) : Interval.down(cubic.prefixMaxHi[x] * d);
                    nonmax = Math.min(nonmax, addDown(attention, prefixWG[x]));
                }
                diff[i] = Interval.down(nonmax - maxTerm);
            }
        }
        operations += (long) k * (r + 2) + (a >= 0 ? others * (3L + Math.min(a + 1, window) * (r + 2L)) : 0);
        return base;
    }
}
