package org.compactproofs.generator.strategy.subcubic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.cubic.CaseFinder;
import org.compactproofs.generator.cert.CaseStep;

/**
 * Finds the cases of the sub-cubic "max-diff" proof (rule S1 in docs/rules.md) in floating point. The sign of
 * every output's margin is bounded at once through max-diff bounds of the three paths,
 * E(q,m) = EU[q][m] - max_{o != m} EU[q][o], F(t,m) = EVOU[t][m] - max_{o != m} EVOU[t][o],
 * P(i,m) = PVOU[i][m] - max_{o != m} PVOU[i][o], with F*(t) = min_{m > t} F(t,m) for non-max tokens, and
 * attention through prefix maxima, minima and minima of w F* over tokens t <= a, except for the WINDOW tokens
 * just below a, bounded one by one. Tables are O(v^2 k); each case is O(k (W + log k)) to check; the search is a
 * binary search per (query, max, non-max count).
 */
public final class MaxDiffSearch {
    /** The checker's window (rule S1's W). */
    static final int WINDOW = 4;
    static final double MARGIN = 1e-9;

    private final FloatCircuits c;
    private final int v, k;
    private final double[][] eu, ev, pv;
    private final double[] fStar;

    public MaxDiffSearch(FloatCircuits circuits) {
        this.c = circuits;
        this.v = circuits.vocab();
        this.k = circuits.context();
        eu = maxDiff(c.eu());
        ev = maxDiff(c.evou());
        pv = maxDiff(c.pvou());
        fStar = new double[v];
        for (int t = 0; t < v; t++) {
            double best = Double.POSITIVE_INFINITY;
            for (int m = t + 1; m < v; m++) {
                best = Math.min(best, ev[t][m]);
            }
            fStar[t] = best;
        }
    }

    private static double[][] maxDiff(double[][] table) {
        double[][] out = new double[table.length][table[0].length];
        for (int r = 0; r < table.length; r++) {
            double first = Double.NEGATIVE_INFINITY, second = Double.NEGATIVE_INFINITY;
            int at = -1;
            for (int o = 0; o < table[r].length; o++) {
                if (table[r][o] > first) {
                    second = first;
                    first = table[r][o];
                    at = o;
                } else if (table[r][o] > second) {
                    second = table[r][o];
                }
            }
            for (int m = 0; m < table[r].length; m++) {
                out[r][m] = table[r][m] - (m == at ? second : first);
            }
        }
        return out;
    }

    public List<CaseStep> cases() {
        List<CaseStep> out = new ArrayList<>();
        for (int q = 0; q < v; q++) {
            new Query(q).cases(out);
        }
        out.sort(CaseStep.ORDER);
        return out;
    }

    private final class Query {
        final int q;
        final double[][] w = new double[k][v], pMax = new double[k][v], pMin = new double[k][v], pWF = new double[k][v];

        Query(int q) {
            this.q = q;
            double shift = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    shift = Math.max(shift, c.eqke()[q][t] + c.eqkp()[q][i]);
                }
            }
            for (int i = 0; i < k; i++) {
                double max = 0, min = Double.POSITIVE_INFINITY, wf = Double.POSITIVE_INFINITY;
                for (int t = 0; t < v; t++) {
                    w[i][t] = Math.exp(c.eqke()[q][t] + c.eqkp()[q][i] - shift);
                    max = Math.max(max, w[i][t]);
                    min = Math.min(min, w[i][t]);
                    if (fStar[t] != Double.POSITIVE_INFINITY) {
                        wf = Math.min(wf, w[i][t] * fStar[t]);
                    }
                    pMax[i][t] = max;
                    pMin[i][t] = min;
                    pWF[i][t] = wf;
                }
            }
        }

        /** The relative bound of case (m, nonmax, a). */
        double bound(int m, int nonmax, int a) {
            int others = k - 1;
            double base = w[k - 1][q] * (eu[q][m] + ev[q][m] + pv[k - 1][m]), scale = Math.abs(base);
            double[] maxTerm = new double[others], diff = new double[others];
            for (int i = 0; i < others; i++) {
                double common = eu[q][m] + pv[i][m];
                maxTerm[i] = w[i][m] * (common + ev[m][m]);
                base += maxTerm[i];
                scale += Math.abs(maxTerm[i]);
                if (nonmax > 0) {
                    int from = Math.max(0, a - WINDOW + 1);
                    double t0 = Double.POSITIVE_INFINITY;
                    for (int t = from; t <= a; t++) {
                        t0 = Math.min(t0, w[i][t] * (common + ev[t][m]));
                    }
                    if (from > 0) {
                        int b = from - 1;
                        t0 = Math.min(t0, (common >= 0 ? pMin[i][b] * common : pMax[i][b] * common) + pWF[i][b]);
                    }
                    diff[i] = t0 - maxTerm[i];
                }
            }
            if (nonmax > 0) {
                Arrays.sort(diff);
                for (int j = 0; j < nonmax; j++) {
                    base += diff[j];
                    scale += Math.abs(diff[j]);
                }
            }
            return base / scale;
        }

        void cases(List<CaseStep> out) {
            for (int m = q; m < v; m++) {
                int max = m;
                CaseFinder.find(q, max, k, MARGIN, (nonmax, upTo) -> bound(max, nonmax, upTo), out);
            }
        }
    }
}
