package org.compactproofs.generator.strategy.cubic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.model.FloatCircuits;

/**
 * Finds the cases of the cubic proof (rule C1 in docs/rules.md) in floating point. For query q, maximum m and
 * output o, an input's sign-deciding sum N_o = sum_i w_i g_i(o) is bounded below position by position:
 * <pre>
 *   g_i(o; t) = (EU[q][m] - EU[q][o]) + (PVOU[i][m] - PVOU[i][o]) + (EVOU[t][m] - EVOU[t][o])
 *   M_i(o)    = w_i(m) g_i(o; m)                     a non-query position holding the maximum
 *   Q(o)      = w_{k-1}(q) g_{k-1}(o; q)             the query position
 *   T_i(o, a) = a lower bound of w_i(t) g_i(o; t) over all tokens t <= a: exact for t = o and for the
 *               {@code WINDOW} tokens just below a, and (largest weight) x (smallest g) for the rest
 *   bound(o)  = sum_i M_i(o) + Q(o) + (sum of the c smallest T_i(o, a) - M_i(o))
 * </pre>
 * with w_i(t) = exp(EQKE[q][t] + EQKP[q][i] - shift). For each number c of non-max positions, the largest a
 * with every bound(o) positive gives the case (the bound falls as a grows, so a binary search finds it). Cases
 * are kept only when the bound clears a small relative margin, so that they survive the checker's rigorous
 * recomputation.
 */
public final class CubicSearch {
    /** The checker's window (rule C1's W). */
    static final int WINDOW = 8;
    /** Relative margin a case must clear in floating point. */
    static final double MARGIN = 1e-9;

    private final FloatCircuits c;
    private final int v, k;

    public CubicSearch(FloatCircuits circuits) {
        this.c = circuits;
        this.v = circuits.vocab();
        this.k = circuits.context();
    }

    public List<CaseStep> cases() {
        return cases(m -> true);
    }

    /** The cases whose maximum passes {@code maxes}: a slice of the proof, for estimates of the whole (issue 16). */
    public List<CaseStep> cases(java.util.function.IntPredicate maxes) {
        List<CaseStep> out = new ArrayList<>();
        for (int m = 0; m < v; m++) {
            if (!maxes.test(m)) {
                continue;
            }
            double[][][] exclusive = exclusiveMinima(m);
            for (int q = 0; q <= m; q++) {
                new QueryMax(q, m, exclusive).cases(out);
            }
        }
        return out;
    }

    /** For output o and bound b: the two smallest EVOU[t][m] - EVOU[t][o] over t <= b, and where the first is. */
    private double[][][] exclusiveMinima(int m) {
        double[][] min1 = new double[v][m], arg1 = new double[v][m], min2 = new double[v][m];
        for (int o = 0; o < v; o++) {
            double a = Double.POSITIVE_INFINITY, b = Double.POSITIVE_INFINITY;
            int at = -1;
            for (int t = 0; t < m; t++) {
                double d = c.evou()[t][m] - c.evou()[t][o];
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
        return new double[][][] {min1, arg1, min2};
    }

    /** The cases with query q and maximum m. */
    private final class QueryMax {
        final int q, m, others = k - 1;
        final double[][] w = new double[k][], prefixMax = new double[k][];
        final double[][] maxTerm;   // [o][i]
        final double[] queryTerm;   // [o]
        final double[][] common;    // [o][i]: (EU[q][m]-EU[q][o]) + (PVOU[i][m]-PVOU[i][o])
        final double[][][] exclusive;

        QueryMax(int q, int m, double[][][] exclusive) {
            this.q = q;
            this.m = m;
            this.exclusive = exclusive;
            double shift = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    shift = Math.max(shift, c.eqke()[q][t] + c.eqkp()[q][i]);
                }
            }
            for (int i = 0; i < k; i++) {
                w[i] = new double[v];
                prefixMax[i] = new double[v];
                double running = 0;
                for (int t = 0; t < v; t++) {
                    w[i][t] = Math.exp(c.eqke()[q][t] + c.eqkp()[q][i] - shift);
                    running = Math.max(running, w[i][t]);
                    prefixMax[i][t] = running;
                }
            }
            maxTerm = new double[v][others];
            queryTerm = new double[v];
            common = new double[v][k];
            for (int o = 0; o < v; o++) {
                if (o == m) {
                    continue;
                }
                double eu = c.eu()[q][m] - c.eu()[q][o];
                for (int i = 0; i < k; i++) {
                    common[o][i] = eu + (c.pvou()[i][m] - c.pvou()[i][o]);
                }
                for (int i = 0; i < others; i++) {
                    maxTerm[o][i] = w[i][m] * g(o, i, m);
                }
                queryTerm[o] = w[k - 1][q] * g(o, k - 1, q);
            }
        }

        double g(int o, int i, int t) {
            return common[o][i] + (c.evou()[t][m] - c.evou()[t][o]);
        }

        double nonmaxTerm(int o, int i, int a) {
            double t0 = o <= a ? w[i][o] * g(o, i, o) : Double.POSITIVE_INFINITY;
            int from = Math.max(0, a - WINDOW + 1);
            for (int t = from; t <= a; t++) {
                if (t != o) {
                    t0 = Math.min(t0, w[i][t] * Math.min(0, g(o, i, t)));
                }
            }
            if (from > 0) {
                int b = from - 1;
                double d = exclusive[1][o][b] != o ? exclusive[0][o][b] : exclusive[2][o][b];
                if (d != Double.POSITIVE_INFINITY) {
                    t0 = Math.min(t0, prefixMax[i][b] * Math.min(0, common[o][i] + d));
                }
            }
            return t0;
        }

        /** The smallest relative bound over outputs for case (c, a); positive means the case holds. */
        double bound(int nonmax, int a) {
            double worst = Double.POSITIVE_INFINITY;
            double[] diff = new double[others];
            for (int o = 0; o < v; o++) {
                if (o == m) {
                    continue;
                }
                double base = queryTerm[o], scale = Math.abs(queryTerm[o]);
                for (int i = 0; i < others; i++) {
                    base += maxTerm[o][i];
                    scale += Math.abs(maxTerm[o][i]);
                    if (nonmax > 0) {
                        diff[i] = nonmaxTerm(o, i, a) - maxTerm[o][i];
                    }
                }
                if (nonmax > 0) {
                    Arrays.sort(diff);
                    for (int j = 0; j < nonmax; j++) {
                        base += diff[j];
                        scale += Math.abs(diff[j]);
                    }
                }
                worst = Math.min(worst, base / scale);
            }
            return worst;
        }

        void cases(List<CaseStep> out) {
            CaseFinder.find(q, m, k, MARGIN, this::bound, out);
        }
    }
}
