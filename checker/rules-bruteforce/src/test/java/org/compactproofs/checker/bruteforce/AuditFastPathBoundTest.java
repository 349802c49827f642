package org.compactproofs.checker.bruteforce;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.arith.TestIntervals;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Test;

/**
 * Audit of Theorem B1.1 as applied to BruteForce.QueryWalk's arithmetic: the same double operations, in the same
 * order, re-done here for every input with reliable weights, against D_o computed in Apfloat at 60 digits from
 * exact tables and the same shift c_q. Asserts |D̂_o - D_o| <= tau Ŵ + 2^-1000 and reports the largest ratio.
 */
class AuditFastPathBoundTest {
    private static final double U = 0x1p-53;

    private static double worst;

    static void check(Model m) {
        int v = m.vocab(), k = m.context();
        CircuitTables tb = CircuitTables.of(m);
        BigDecimal[][] eqke = TestIntervals.exactDecimals(tb.eqkeRaw()), eqkp = TestIntervals.exactDecimals(tb.eqkpRaw()),
                evouX = TestIntervals.exactDecimals(tb.evou()), pvouX = TestIntervals.exactDecimals(tb.pvou()), euX = TestIntervals.exactDecimals(tb.eu());
        double[][] evou = lo(evouX), pvou = lo(pvouX), eu = lo(euX);
        Interval s = ExactExp.inverseSqrtDouble(m.dHead());
        Apfloat sA = ApfloatMath.inverseRoot(new Apfloat(m.dHead(), 80), 2);
        double a = maxAbs(evou) * (1 + 0x1p-40) + maxAbs(pvou) * (1 + 0x1p-40) + 0x1p-1000;
        for (int q = 0; q < v; q++) {
            Interval[][] x = new Interval[k][v];
            double shift = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    x[i][t] = s.times(org.compactproofs.checker.arith.TestIntervals.enclosing(eqke[q][t].add(eqkp[q][i])));
                    shift = Math.max(shift, x[i][t].hi());
                }
            }
            double delta = 0;
            double[][] w = new double[k][v];
            boolean[][] rel = new boolean[k][v];
            Apfloat[][] wExact = new Apfloat[k][v];
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    Interval e = org.compactproofs.checker.arith.TestIntervals.minus(x[i][t], shift).exp();
                    double r = e.lo() > 0 && Double.isFinite(e.hi()) ? (e.width() / e.lo()) * (1 + 0x1p-40)
                            : Double.POSITIVE_INFINITY;
                    rel[i][t] = r <= 0x1p-20;
                    if (rel[i][t]) {
                        delta = Math.max(delta, r);
                        w[i][t] = e.lo();
                    }
                    wExact[i][t] = ApfloatMath.exp(sA.multiply(new Apfloat(eqke[q][t].add(eqkp[q][i]), 80))
                            .subtract(new Apfloat(new BigDecimal(shift), 80)));
                }
            }
            double mq = 0;
            for (double e : eu[q]) {
                mq = Math.max(mq, Math.abs(e));
            }
            mq = mq * (1 + 0x1p-40) + 0x1p-1000;
            double kq = a * (6 * U + 2 * delta) + mq * (3 * delta + (k + 4) * 2 * U) + 2.2 * (k + 1) * U * (a + mq);
            double tau = 2.1 * kq;
            int[] tok = new int[k];
            long n = 1;
            for (int i = 0; i < k - 1; i++) {
                n *= v;
            }
            for (long c = 0; c < n; c++) {
                long rr = c;
                for (int i = k - 2; i >= 0; i--) {
                    tok[i] = (int) (rr % v);
                    rr /= v;
                }
                tok[k - 1] = q;
                boolean ok = true;
                int mx = 0;
                for (int i = 0; i < k; i++) {
                    ok &= rel[i][tok[i]];
                    mx = Math.max(mx, tok[i]);
                }
                if (!ok) {
                    continue;
                }
                // the code's order: partial sums left to right over positions 0..k-2, then the last, then W * EU
                double[] part = new double[v];
                double pw = 0;
                for (int i = 0; i < k - 1; i++) {
                    for (int o = 0; o < v; o++) {
                        part[o] = part[o] + w[i][tok[i]] * (evou[tok[i]][o] + pvou[i][o]);
                    }
                    pw = pw + w[i][tok[i]];
                }
                double ww = pw + w[k - 1][q];
                double thr = tau * ww + 0x1p-1000;
                double[] uhat = new double[v];
                for (int o = 0; o < v; o++) {
                    uhat[o] = (part[o] + w[k - 1][q] * (evou[q][o] + pvou[k - 1][o])) + ww * eu[q][o];
                }
                for (int o = 0; o < v; o++) {
                    if (o == mx) {
                        continue;
                    }
                    double dHat = uhat[mx] - uhat[o];
                    Apfloat d = new Apfloat(0, 80);
                    for (int i = 0; i < k; i++) {
                        BigDecimal g = euX[q][mx].subtract(euX[q][o]).add(evouX[tok[i]][mx].subtract(evouX[tok[i]][o]))
                                .add(pvouX[i][mx].subtract(pvouX[i][o]));
                        d = d.add(wExact[i][tok[i]].multiply(new Apfloat(g, 80)));
                    }
                    Apfloat err = ApfloatMath.abs(new Apfloat(new BigDecimal(dHat), 80).subtract(d));
                    double ratio = err.divide(new Apfloat(new BigDecimal(thr), 80)).doubleValue();
                    worst = Math.max(worst, ratio);
                    assertTrue(ratio <= 1, "error " + err + " above the bound " + thr + " (ratio " + ratio + ")");
                }
            }
        }
    }

    private static double[][] lo(BigDecimal[][] x) {
        double[][] o = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                o[i][j] = org.compactproofs.checker.arith.TestIntervals.enclosing(x[i][j]).lo();
            }
        }
        return o;
    }

    private static double maxAbs(double[][] a) {
        double m = 0;
        for (double[] r : a) {
            for (double x : r) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    @Test
    void errorStaysBelowTheBound() {
        List<Model> ms = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ms.add(SmallModels.random(6000 + i, 3 + i % 4, 1 + i % 4, 2 + i % 3, 1 + i % 3, new double[] {0.3, 1, 3}[i % 3]));
        }
        for (int i = 0; i < 4; i++) {
            ms.addAll(SmallModels.edges(6100 + i, 4 + i, 3).stream().map(SmallModels.Named::model).toList());
        }
        for (int i = 0; i < 12; i++) {   // large scores: weight enclosures relatively wide, delta dominates K
            Model b = SmallModels.random(6200 + i, 3 + i % 3, 2 + i % 3, 3, 2, 1);
            ms.add(SmallModels.with(b, null, null, AuditBruteForceTest.scaled(b.wQ(), new double[] {30, 300, 3000}[i % 3]), null));
        }
        for (Model m : ms) {
            check(m);
        }
        TestFigures.report("audit fast path: largest |D̂ - D| / (tau W + 2^-1000) = %.3g over %d models", worst, ms.size());
    }
}
