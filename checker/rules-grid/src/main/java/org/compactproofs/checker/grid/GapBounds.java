package org.compactproofs.checker.grid;

import static org.compactproofs.checker.arith.Interval.addLargest;
import static org.compactproofs.checker.arith.Interval.addSmallest;

import java.util.Arrays;
import java.util.Map;
import java.util.function.IntFunction;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.cases.CaseRule;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The bound of rule S2 (docs/rules.md, Theorem S2) for a case (q, m, c, a): the inputs with query q, maximum m,
 * c of the other k-1 positions holding non-max tokens, all at most a. For every output o != m,
 * <pre>
 *   logit_o - logit_m <= T(m,c) + max over alpha in {alpha_lo, alpha_hi} of
 *                        [ (alpha - abar) rho(alpha - abar) + (1 - alpha) W(q,a) ] + gap[q]
 * </pre>
 * with T(m,c) = max_{o != m} (centred[m][o] + PV[m][o] + abar R[m][o]), R[m][o] = EVOU[m][o] - EVOU[m][m],
 * rho(x) = max_o R[m][o] for x >= 0 and min_o R[m][o] otherwise, PV[m][o] = max_i PVOU[i][o] - PVOU[i][m],
 * W(q,a) = the largest row range of EVOU over the non-max tokens, abar the witnessed average attention of
 * (m, c) (zero when none), [alpha_lo, alpha_hi] the attention on the max tokens (Lemma S2.3) from the EQKE split
 * of {@link EqkeSplit}, and centred, gap from {@link DirectPathSplit}. With convex-chord attention (ours), the
 * bracket is instead max over the two alphas of chord_m(alpha) + (1 - alpha) W(q,a), chord_m bounding
 * max_{o != m} centred[m][o] + PV[m][o] + alpha R[m][o] from above (Lemma S2.4). The case holds when the bound is < 0; the
 * margin returned is minus the bound, rounded toward minus infinity. Tables cost O(v^2 (k + d)); a case O(k).
 *
 * <p>Public so that the generator can search cases with the very bound the checker will apply.
 */
public final class GapBounds implements CaseRule.Bound {
    private final int v, k;
    private final DirectPathSplit direct;
    private final EqkeSplit eqke;
    private final IntervalTables tables;
    private final IntFunction<Interval> average;
    private final Interval scale;
    private final double[][] pv, rLo, rHi;
    private final double[] rMax, rMin, wToken, wPrefix;
    private final double[][] t, tAverageLo, tAverageHi; // T(m, c) and the average it was computed for
    private final boolean chords;
    /** Grid points j / CHORDS of the convex envelope (S2.4, convex-chord). */
    static final int CHORDS = 32;

    /** {@link #preparationWork} plus 16 per entry of the v x v and v x (d + h + k) arrays (an interval is two doubles). */
    static long tableWork(Model m) {
        double v = m.vocab();
        return (long) Math.min(Long.MAX_VALUE, preparationWork(m) + 16 * (8 * v * v + 2 * v * (m.dModel() + m.dHead() + m.context())));
    }

    /**
     * An upper bound on {@link #operations()} before the first case, whatever the variant and witnesses: the enclosed
     * tables' products ({@link CircuitTables#operations}), the splits of {@link DirectPathSplit} and
     * {@link EqkeSplit} (at most one more product of v x max(d, h) x v, the d x h x v suffixes and left products,
     * peels and row ranges of O(v (d + h))), and this constructor's v^2 (k + 4) and row ranges. {@code
     * GridSoundnessTest.thePreparationStaysWithinItsUpFrontCharge} checks it on every variant.
     */
    static double preparationWork(Model m) {
        double v = m.vocab(), k = m.context(), d = m.dModel(), h = m.dHead();
        return CircuitTables.operations(m.vocab(), m.context(), m.dModel(), m.dHead())
                + v * v * (Math.max(d, h) + k + 12) + 8 * (d + h) * (d + h) * (v + k);
    }

    /** {@link org.compactproofs.checker.rules.RuleFamily#worstWork}: every key in O(k), (max, nonmax) chords O(v). */
    static long worstWork(Model m) {
        double v = m.vocab(), k = m.context(), keys = v * (v + 1) / 2 * k;
        return (long) Math.min(Long.MAX_VALUE, 16 * v * v * (k + CHORDS) + keys * (4 * k + 16));
    }
    private final double[][] envelope; // [m][j]: F_m(j / CHORDS) from above, lazily
    private final double[][] prefixMax, prefixMin; // per query: max of upper ends, min of lower ends, t <= a
    private final double[][] positionLo, positionHi; // per query: e^{s (P_i - P_{k-1})}, i < k-1, sorted
    private long operations;

    /**
     * @param vectors  the witness vectors the variant takes (see {@link GridVariant#factors()})
     * @param averages the average attention of key m * k + c (zero when absent)
     */
    public GapBounds(Model m, IntervalTables tables, GridVariant variant, Map<String, DyadicMatrix> vectors,
                     IntFunction<Interval> averages) {
        v = m.vocab();
        k = m.context();
        this.tables = tables;
        this.average = averages;
        Work work = new Work();
        direct = new DirectPathSplit(m, tables, variant.directPath(), vectors, work);
        eqke = new EqkeSplit(m, tables, variant.attentionError(), variant.factors(), vectors, work);
        scale = ExactExp.inverseSqrtDouble(tables.dHead());
        double[][] evLo = tables.evou().lo(), evHi = tables.evou().hi(), pvLo = tables.pvou().lo(), pvHi = tables.pvou().hi();
        pv = new double[v][v];
        rLo = new double[v][v];
        rHi = new double[v][v];
        rMax = new double[v];
        rMin = new double[v];
        for (int max = 0; max < v; max++) {
            rMax[max] = Double.NEGATIVE_INFINITY;
            rMin[max] = Double.POSITIVE_INFINITY;
            for (int o = 0; o < v; o++) {
                double p = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < k; i++) {
                    p = Math.max(p, Interval.up(pvHi[i][o] - pvLo[i][max]));
                }
                pv[max][o] = p;
                rLo[max][o] = Interval.down(evLo[max][o] - evHi[max][max]);
                rHi[max][o] = Interval.up(evHi[max][o] - evLo[max][max]);
                if (o != max) {
                    rMax[max] = Math.max(rMax[max], rHi[max][o]);
                    rMin[max] = Math.min(rMin[max], rLo[max][o]);
                }
            }
        }
        wToken = RowRanges.of(work, tables.evou());
        operations += work.operations + tables.operations();
        wPrefix = new double[v];
        for (int tok = 0; tok < v; tok++) {
            wPrefix[tok] = Math.max(tok == 0 ? 0 : wPrefix[tok - 1], wToken[tok]);
        }
        t = new double[v][k];
        tAverageLo = new double[v][k];
        tAverageHi = new double[v][k];
        for (double[] row : t) {
            Arrays.fill(row, Double.NaN);
        }
        chords = variant.attention() == GridVariant.Attention.CONVEX_CHORD;
        envelope = new double[v][];
        prefixMax = new double[v][];
        prefixMin = new double[v][];
        positionLo = new double[v][];
        positionHi = new double[v][];
        operations += (long) v * v * (k + 4);
    }

    @Override
    public long operations() {
        return operations;
    }

    /** The witness-free part of S2.3 for query q: prefix extremes of approx and the positions' weights. */
    private void prepare(int q) {
        if (prefixMax[q] != null) {
            return;
        }
        double[] rowLo = eqke.approx.lo()[q], rowHi = eqke.approx.hi()[q];
        double[] pMax = new double[v], pMin = new double[v];
        for (int tok = 0; tok < v; tok++) {
            pMax[tok] = Math.max(tok == 0 ? Double.NEGATIVE_INFINITY : pMax[tok - 1], rowHi[tok]);
            pMin[tok] = Math.min(tok == 0 ? Double.POSITIVE_INFINITY : pMin[tok - 1], rowLo[tok]);
        }
        double[] lo = new double[k - 1], hi = new double[k - 1];
        for (int i = 0; i < k - 1; i++) {
            double[][] pl = tables.eqkpRaw().lo(), ph = tables.eqkpRaw().hi();
            Interval diff = new Interval(Interval.down(pl[q][i] - ph[q][k - 1]), Interval.up(ph[q][i] - pl[q][k - 1]));
            Interval w = scale.times(diff).exp();
            lo[i] = w.lo();
            hi[i] = w.hi();
        }
        Arrays.sort(lo); // ascending: the smallest lower ends first
        Arrays.sort(hi); // ascending: the largest upper ends last
        prefixMax[q] = pMax;
        prefixMin[q] = pMin;
        positionLo[q] = lo;
        positionHi[q] = hi;
        operations += 2L * v + 4L * k;
    }

    /**
     * Lemma S2.3: [alpha_lo, alpha_hi] contains the total attention on the max tokens of every input of the case.
     */
    public Interval attention(int q, int m, int c, int a) {
        prepare(q);
        boolean queryIsMax = q == m;
        if (queryIsMax && c == 0) {
            return new Interval(1, 1);
        }
        double nonMaxTop = c > 0 ? prefixMax[q][a] : Double.NEGATIVE_INFINITY;
        double nonMaxBottom = c > 0 ? prefixMin[q][a] : Double.POSITIVE_INFINITY;
        if (!queryIsMax) {
            nonMaxTop = Math.max(nonMaxTop, eqke.approx.hi()[q][q]);
            nonMaxBottom = Math.min(nonMaxBottom, eqke.approx.lo()[q][q]);
        }
        double err = eqke.err[q];
        double deltaLo = Interval.down(Interval.down(eqke.approx.lo()[q][m] - nonMaxTop) - err);
        double deltaHi = Interval.up(Interval.up(eqke.approx.hi()[q][m] - nonMaxBottom) + err);
        int maxOthers = k - 1 - c; // max tokens among the non-query positions
        double[] lo = positionLo[q], hi = positionHi[q];
        // the smallest weights hold the max tokens, or the largest; and likewise the non-max tokens
        double a0 = queryIsMax ? 1 : 0, b0 = 1 - a0;
        double aLo = addSmallest(a0, lo, maxOthers), aHi = addLargest(a0, hi, maxOthers);
        double bLo = addSmallest(b0, lo, c), bHi = addLargest(b0, hi, c);
        if (Double.isNaN(deltaLo)) {
            deltaLo = Double.NEGATIVE_INFINITY;
        }
        if (Double.isNaN(deltaHi)) {
            deltaHi = Double.POSITIVE_INFINITY;
        }
        // e^{-s delta} over the case: at most eHi (delta >= deltaLo), at least eLo (delta <= deltaHi)
        double y = -scale.times(new Interval(deltaLo, deltaLo)).lo(), z = -scale.times(new Interval(deltaHi, deltaHi)).hi();
        double eHi = new Interval(y, y).exp().hi(), eLo = new Interval(z, z).exp().lo();
        double ratioHi = Interval.up(Interval.up(bHi / aLo) * eHi);
        double alphaLo = aLo > 0 && !Double.isNaN(ratioHi) ? Math.max(0, Interval.down(1 / Interval.up(1 + ratioHi))) : 0;
        double ratioLo = Math.max(0, Interval.down(Interval.down(bLo / aHi) * eLo));
        double alphaHi = Double.isNaN(ratioLo) ? 1 : Math.min(1, Interval.up(1 / Interval.down(1 + ratioLo)));
        operations += 4L * k;
        return new Interval(alphaLo, Math.max(alphaLo, alphaHi));
    }

    /** T(m, c), cached: O(v) once per (m, c) (again only if a generator tries another average). */
    private double t(int m, int c, Interval abar) {
        if (Double.isNaN(t[m][c]) || tAverageLo[m][c] != abar.lo() || tAverageHi[m][c] != abar.hi()) {
            tAverageLo[m][c] = abar.lo();
            tAverageHi[m][c] = abar.hi();
            double best = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < v; o++) {
                if (o != m) {
                    best = Math.max(best, Interval.up(l(m, o) + upperProduct(abar, rLo[m][o], rHi[m][o])));
                }
            }
            t[m][c] = best;
            operations += 3L * v;
        }
        return t[m][c];
    }

    /**
     * F_m(alpha) = max_{o != m} L[m][o] + alpha R[m][o] from above, alpha in [0, 1] (Lemma S2.4): F_m is convex, so
     * it lies below its chords between the grid points j / CHORDS, where it is evaluated once per m, O(v CHORDS).
     */
    private double chord(int m, double alpha) {
        if (envelope[m] == null) {
            double[] f = new double[CHORDS + 1];
            for (int j = 0; j <= CHORDS; j++) {
                double g = (double) j / CHORDS, best = Double.NEGATIVE_INFINITY;
                for (int o = 0; o < v; o++) {
                    if (o != m) {
                        best = Math.max(best, Interval.up(l(m, o) + Interval.up(g * rHi[m][o])));
                    }
                }
                f[j] = best;
            }
            envelope[m] = f;
            operations += 3L * v * (CHORDS + 1);
        }
        double scaled = alpha * CHORDS; // exact: CHORDS is a power of two
        int j = Math.min(CHORDS - 1, (int) Math.floor(scaled));
        double t = scaled - j; // exact (Sterbenz), in [0, 1]
        double[] f = envelope[m];
        return Interval.up(f[j] + Interval.up(t * Interval.up(f[j + 1] - f[j])));
    }

    /** Minus the bound of Theorem S2, rounded down: positive only if every input of the case is correct. */
    /** {@link #margin}, for every output at once. */
    @Override
    public double of(int q, int m, int c, int a, int[] worst) {
        return margin(q, m, c, a);
    }

    public double margin(int q, int m, int c, int a) {
        Interval alpha = attention(q, m, c, a);
        boolean onlyMax = q == m && c == 0;
        double w = onlyMax ? 0 : Math.max(c > 0 ? wPrefix[a] : 0, q != m ? wToken[q] : 0);
        double worst = Double.NEGATIVE_INFINITY;
        if (chords) {
            for (double al : new double[] {alpha.lo(), alpha.hi()}) {
                double wrong = Interval.up(Interval.up(1 - al) * w);
                worst = Math.max(worst, Interval.up(chord(m, al) + wrong));
            }
            operations += 8;
            return -Interval.up(worst + direct.gap[q]);
        }
        Interval abar = average.apply(m * k + c);
        for (double al : new double[] {alpha.lo(), alpha.hi()}) {
            double diffLo = Interval.down(al - abar.hi()), diffHi = Interval.up(al - abar.lo());
            double split = Math.max(rho(m, diffLo), rho(m, diffHi));
            double wrong = Interval.up(Interval.up(1 - al) * w);
            worst = Math.max(worst, Interval.up(split + wrong));
        }
        double bound = Interval.up(Interval.up(t(m, c, abar) + worst) + direct.gap[q]);
        operations += 8;
        return -bound;
    }

    /** L[m][o] = centred[m][o] + PV[m][o] of Lemma S2.4, rounded up. */
    private double l(int m, int o) {
        return Interval.up(direct.centred(m, o) + pv[m][o]);
    }

    /** The largest product of a point of a and a point of [lo, hi], rounded up; +infinity for 0 times infinity. */
    private static double upperProduct(Interval a, double lo, double hi) {
        double p = Math.max(Math.max(a.lo() * lo, a.lo() * hi), Math.max(a.hi() * lo, a.hi() * hi));
        return Double.isNaN(p) ? Double.POSITIVE_INFINITY : Interval.up(p);
    }

    /** x rho(x): x times the largest R for x >= 0, the smallest otherwise; rounded up. */
    private double rho(int m, double x) {
        return x >= 0 ? Interval.up(x * rMax[m]) : Interval.up(x * rMin[m]);
    }
}
