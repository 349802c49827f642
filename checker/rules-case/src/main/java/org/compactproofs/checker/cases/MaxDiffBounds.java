package org.compactproofs.checker.cases;

import static org.compactproofs.checker.arith.Interval.addDown;
import static org.compactproofs.checker.arith.Interval.addSmallest;
import static org.compactproofs.checker.arith.Interval.timesDown;

import java.util.Arrays;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.AttentionWeights;
import org.compactproofs.checker.rules.ProofState;

/**
 * The lower bounds of rule S1 (docs/rules.md), in double arithmetic rounded toward minus infinity, from tables
 * of size O(v^2 k): every output is bounded at once by "max-diff" bounds of each path,
 * <pre>
 *   E(q,m) = EU[q][m] - max_{o != m} EU[q][o],  F(t,m) = EVOU[t][m] - max_{o != m} EVOU[t][o],
 *   P(i,m) = PVOU[i][m] - max_{o != m} PVOU[i][o],  F*(t) = min_{m > t} F(t,m),
 * </pre>
 * and per query and position prefix tables over tokens t <= a: the largest and smallest weight and the smallest
 * w_i(t) F*(t). The {@link #WINDOW} tokens just below a case's upto are bounded one by one with their own weight
 * and F(t,m). A case then costs O(k (W + log k)): no step of the check is cubic in v.
 */
public final class MaxDiffBounds implements CaseRule.Bound {
    /** Tokens just below the largest allowed non-max token that are bounded one by one (rule S1's W). */
    static final int WINDOW = 4;

    /** The window in use: {@link #WINDOW}, or another size in tests (the rule is sound for any size). */
    private final int window;

    private final int v, k;
    private final double[][] eu, ev, fStar, pv;   // E [q][m], F [t][m], F* [t] (as [t][0]), P [i][m]
    private final AttentionWeights attention;
    private final double[][][] wLo, wHi, prefixMaxHi, prefixMinLo, prefixWF; // [q][i][t], lazily per q
    private long operations;

    MaxDiffBounds(Model m, CircuitTables t) {
        this(m, t, WINDOW);
    }

    MaxDiffBounds(Model m, CircuitTables t, int window) {
        this.window = window;
        v = m.vocab();
        k = m.context();
        eu = maxDiff(t.eu());
        ev = maxDiff(t.evou());
        pv = maxDiff(t.pvou());
        fStar = new double[v][1];
        for (int tok = 0; tok < v; tok++) {
            double best = Double.POSITIVE_INFINITY;
            for (int max = tok + 1; max < v; max++) {
                best = Math.min(best, ev[tok][max]);
            }
            fStar[tok][0] = best; // +infinity for the largest token, which is never a non-max token
        }
        attention = new AttentionWeights(t);
        wLo = new double[v][][];
        wHi = new double[v][][];
        prefixMaxHi = new double[v][][];
        prefixMinLo = new double[v][][];
        prefixWF = new double[v][][];
        operations += 4L * v * v;
    }

    /** Row by row: lower bounds of table[r][m] - max over o != m of table[r][o] (the two largest upper ends kept). */
    private static double[][] maxDiff(DyadicMatrix table) {
        int rows = table.rows(), cols = table.cols();
        double[][] out = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            double first = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
            int at = -1;
            double[] lo = new double[cols];
            for (int o = 0; o < cols; o++) {
                Interval e = table.enclosure(r, o);
                lo[o] = e.lo();
                if (e.hi() > first) {
                    second = first;
                    first = e.hi();
                    at = o;
                } else if (e.hi() > second) {
                    second = e.hi();
                }
            }
            for (int m = 0; m < cols; m++) {
                out[r][m] = Interval.down(lo[m] - (m == at ? second : first));
            }
        }
        return out;
    }

    private void prepare(int q) {
        if (wLo[q] != null) {
            return;
        }
        Interval[][] weights = attention.of(q);
        double[][] lo = new double[k][v], hi = new double[k][v], pMax = new double[k][v], pMin = new double[k][v],
                pWF = new double[k][v];
        for (int i = 0; i < k; i++) {
            double max = 0, min = Double.POSITIVE_INFINITY, wf = Double.POSITIVE_INFINITY;
            for (int t = 0; t < v; t++) {
                Interval w = weights[i][t];
                lo[i][t] = w.lo();
                hi[i][t] = w.hi();
                max = Math.max(max, w.hi());
                min = Math.min(min, w.lo());
                if (fStar[t][0] != Double.POSITIVE_INFINITY) {
                    wf = Math.min(wf, timesDown(w.lo(), w.hi(), fStar[t][0]));
                }
                pMax[i][t] = max;
                pMin[i][t] = min;
                pWF[i][t] = wf;
            }
        }
        wLo[q] = lo;
        wHi[q] = hi;
        prefixMaxHi[q] = pMax;
        prefixMinLo[q] = pMin;
        prefixWF[q] = pWF;
        operations += 4L * k * v;
    }

    /** Rule S1's bound for case (q, m, c, a); it covers every output at once. */
    /** Rule S1's bound of a certificate ({@link CaseRule.Preparation}): strategies subcubic-maxdiff and -union. */
    public static CaseRule.Bound of(ProofState state, Step first) {
        return new MaxDiffBounds(state.model(), state.tables());
    }

    @Override
    public long operations() {
        return operations;
    }

    /** The bound covers every output at once: {@code worst} is left as it is (-1). */
    @Override
    public double of(int q, int m, int c, int a, int[] worst) {
        prepare(q);
        double[][] lo = wLo[q], hi = wHi[q];
        int others = k - 1;
        double base = timesDown(lo[k - 1][q], hi[k - 1][q], addDown(addDown(eu[q][m], ev[q][m]), pv[k - 1][m]));
        double[] maxTerm = new double[others], diff = new double[others];
        for (int i = 0; i < others; i++) {
            double common = addDown(eu[q][m], pv[i][m]);
            maxTerm[i] = timesDown(lo[i][m], hi[i][m], addDown(common, ev[m][m]));
            base = addDown(base, maxTerm[i]);
            if (c > 0) {
                // tokens just below a one by one (weight and F(t,m) together), the rest through the prefix tables
                int from = Math.max(0, a - window + 1);
                double nonmax = Double.POSITIVE_INFINITY;
                for (int t = from; t <= a; t++) {
                    nonmax = Math.min(nonmax, timesDown(lo[i][t], hi[i][t], addDown(common, ev[t][m])));
                }
                if (from > 0) {
                    int b = from - 1;
                    double attention = common >= 0 ? Interval.down(prefixMinLo[q][i][b] * common)
                            : Interval.down(prefixMaxHi[q][i][b] * common);
                    nonmax = Math.min(nonmax, addDown(attention, prefixWF[q][i][b]));
                }
                diff[i] = Interval.down(nonmax - maxTerm[i]);
            }
        }
        Arrays.sort(diff);
        double bound = addSmallest(base, diff, c);
        operations += 4L * others + (c > 0 ? others * (3L + Math.min(a + 1, window)) : 0);
        return bound;
    }
}
