package org.compactproofs.checker.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.TreeMap;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.compactproofs.checker.arith.TestIntervals;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The true number of correct inputs, computed independently of the rules under test.
 *
 * <p>For input x and wrong output o, correct-against-o means N = sum_i exp(s R_i) g_i > 0 with R_i the exact raw
 * score and g_i the exact logit-difference term (both exact dyadic rationals from {@link CircuitTables}, which
 * CircuitTablesTest checks against BigDecimal). Positions with equal R_i have equal weights, so they are grouped
 * and their g summed exactly; if every group sum is zero, N = 0 exactly (a tie: wrong). Otherwise N is not zero:
 * the s R_j of distinct groups are distinct algebraic numbers, so by the Lindemann-Weierstrass theorem their
 * exponentials are linearly independent over the algebraic numbers. Its sign is then found either in double
 * precision from exact quantities rounded once, when |N| exceeds a thousand times a running bound on the
 * rounding error (see doubleSign), or else with Apfloat at
 * increasing precision (50, 200, 800 digits) until |N| clears a tolerance far above Apfloat's error. Groups more
 * than 20000 below the top score are bounded rather than computed (their weight is below e^-20000).
 */
public final class ExactOracle {
    private final Model m;
    private final int v, k;
    private final BigDecimal[][] eqke, eqkp, evou, pvou, eu;
    private final double s;
    long apfloatCalls;

    public ExactOracle(Model m) {
        this.m = m;
        this.v = m.vocab();
        this.k = m.context();
        CircuitTables t = CircuitTables.of(m);
        eqke = TestIntervals.exactDecimals(t.eqkeRaw());
        eqkp = TestIntervals.exactDecimals(t.eqkpRaw());
        evou = TestIntervals.exactDecimals(t.evou());
        pvou = TestIntervals.exactDecimals(t.pvou());
        eu = TestIntervals.exactDecimals(t.eu());
        s = 1 / Math.sqrt(m.dHead());
    }

    public long trueCount() {
        long correct = 0;
        int[] x = new int[k];
        for (long n = 0; n < m.inputCount(); n++) {
            long r = n;
            for (int i = k - 1; i >= 0; i--) {
                x[i] = (int) (r % v);
                r /= v;
            }
            if (isCorrect(x)) {
                correct++;
            }
        }
        return correct;
    }

    public boolean isCorrect(int[] x) {
        int q = x[k - 1], max = 0;
        for (int t : x) {
            max = Math.max(max, t);
        }
        for (int o = 0; o < v; o++) {
            if (o != max && sign(x, q, max, o) <= 0) {
                return false;
            }
        }
        return true;
    }

    private int sign(int[] x, int q, int max, int o) {
        Integer fast = doubleSign(x, q, max, o);
        if (fast != null) {
            return fast;
        }
        TreeMap<BigDecimal, BigDecimal> groups = new TreeMap<>(java.util.Comparator.reverseOrder());
        for (int i = 0; i < k; i++) {
            BigDecimal r = eqke[q][x[i]].add(eqkp[q][i]);
            BigDecimal g = eu[q][max].subtract(eu[q][o]).add(evou[x[i]][max].subtract(evou[x[i]][o]))
                    .add(pvou[i][max].subtract(pvou[i][o]));
            groups.merge(r, g, BigDecimal::add);
        }
        groups.values().removeIf(g -> g.signum() == 0);
        if (groups.isEmpty()) {
            return 0;
        }
        apfloatCalls++;
        for (long digits : new long[] {50, 200, 800}) {
            Integer sg = apfloatSign(groups, digits);
            if (sg != null) {
                return sg;
            }
        }
        throw new AssertionError("oracle cannot decide the sign at 800 digits for input "
                + java.util.Arrays.toString(x) + " output " + o);
    }

    /** [q][i][t]: the exact raw score eqkeRaw + eqkpRaw, rounded once to double (no cancellation error). */
    private double[][][] raw;
    /** Exact differences rounded once: [q][m][o] for EU, [t][m][o] for EVOU, [i][m][o] for PVOU. */
    private double[][][] dEu, dEvou, dPvou;

    private void prepareDoubles() {
        raw = new double[v][k][v];
        for (int qq = 0; qq < v; qq++) {
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    raw[qq][i][t] = eqke[qq][t].add(eqkp[qq][i]).doubleValue();
                }
            }
        }
        dEu = differences(eu);
        dEvou = differences(evou);
        dPvou = differences(pvou);
    }

    private double[][][] differences(BigDecimal[][] table) {
        double[][][] d = new double[table.length][v][v];
        for (int r = 0; r < table.length; r++) {
            for (int a = 0; a < v; a++) {
                for (int b = 0; b < v; b++) {
                    d[r][a][b] = table[r][a].subtract(table[r][b]).doubleValue();
                }
            }
        }
        return d;
    }

    /**
     * The sign in double precision with a running error bound: each exact quantity is rounded once (relative
     * error u = 2^-53); a score's absolute error is below 4u |s R| + 1e-300, a weight's relative error below
     * 1e-9 when |s R| <= 10^6; g = dEU + dEVOU + dPVOU has error below 3u (|dEU| + |dEVOU| + |dPVOU|); the
     * decision requires |sum| to exceed a thousand times the total error bound.
     */
    private Integer doubleSign(int[] x, int q, int max, int o) {
        if (raw == null) {
            prepareDoubles();
        }
        double u = 0x1p-53;
        double[] xs = new double[k];
        double top = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            xs[i] = s * raw[q][i][x[i]];
            if (!(Math.abs(xs[i]) <= 1e6)) {
                return null;
            }
            top = Math.max(top, xs[i]);
        }
        double sum = 0, error = 0;
        for (int i = 0; i < k; i++) {
            double a = dEu[q][max][o], b = dEvou[x[i]][max][o], c = dPvou[i][max][o];
            double g = (a + b) + c;
            double gError = 3 * u * (Math.abs(a) + Math.abs(b) + Math.abs(c));
            if (xs[i] - top < -600) { // weight below e^-600 < 1e-260 (relative): bounded, not computed
                error += (Math.abs(g) + gError) * 1e-260;
                continue;
            }
            double w = Math.exp(xs[i] - top);
            double term = w * g;
            sum += term;
            error += w * (gError + 1e-9 * Math.abs(g)) + 4 * u * Math.abs(term);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(error)) {
            return null;
        }
        return Math.abs(sum) > 1000 * error ? (sum > 0 ? 1 : -1) : null;
    }

    private Integer apfloatSign(TreeMap<BigDecimal, BigDecimal> groups, long digits) {
        Apfloat scale = ApfloatMath.inverseRoot(new Apfloat(m.dHead(), digits), 2);
        BigDecimal top = groups.firstKey();
        Apfloat sum = new Apfloat(0, digits), abs = new Apfloat(0, digits);
        BigDecimal farAbs = BigDecimal.ZERO;
        for (Map.Entry<BigDecimal, BigDecimal> e : groups.entrySet()) {
            Apfloat y = scale.multiply(new Apfloat(e.getKey().subtract(top), digits));
            Apfloat g = new Apfloat(e.getValue(), digits);
            if (y.compareTo(new Apfloat(-20000)) < 0) {
                farAbs = farAbs.add(e.getValue().abs());
                continue;
            }
            Apfloat term = ApfloatMath.exp(y).multiply(g);
            sum = sum.add(term);
            abs = abs.add(ApfloatMath.abs(term));
        }
        // Apfloat's error is a few units in the last of `digits` places; far groups weigh at most e^-20000 < 10^-8685
        Apfloat tolerance = abs.multiply(new Apfloat("1e-" + (digits - 15), digits))
                .add(new Apfloat(farAbs.round(new MathContext(16, java.math.RoundingMode.CEILING)), digits).multiply(new Apfloat("1e-8685", digits)));
        if (ApfloatMath.abs(sum).compareTo(tolerance) > 0) {
            return sum.signum();
        }
        return null;
    }
}
