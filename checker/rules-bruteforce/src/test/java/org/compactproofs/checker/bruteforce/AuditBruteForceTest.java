package org.compactproofs.checker.bruteforce;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.arith.TestIntervals;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Test;

/**
 * Audit of rule B1 (docs/rules.md): adversarial models, each compared with an independent yardstick
 * ({@link Truth}: exact grouping, sign shortcuts, Apfloat only, no double arithmetic anywhere).
 */
public class AuditBruteForceTest {

    // ------------------------------------------------------------------------------------------ yardstick

    /** The true count: exact tables and grouping, then Apfloat at 60/300/1500 digits. No doubles. */
    public static final class Truth {
        private final Model m;
        private final int v, k;
        private final BigDecimal[][] eqke, eqkp, evou, pvou, eu;

        public Truth(Model m) {
            this.m = m;
            this.v = m.vocab();
            this.k = m.context();
            CircuitTables t = CircuitTables.of(m);
            eqke = TestIntervals.exactDecimals(t.eqkeRaw());
            eqkp = TestIntervals.exactDecimals(t.eqkpRaw());
            evou = TestIntervals.exactDecimals(t.evou());
            pvou = TestIntervals.exactDecimals(t.pvou());
            eu = TestIntervals.exactDecimals(t.eu());
        }

        public long count() {
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

        int sign(int[] x, int q, int max, int o) {
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
            boolean pos = false, neg = false;
            for (BigDecimal g : groups.values()) {
                pos |= g.signum() > 0;
                neg |= g.signum() < 0;
            }
            if (!neg) {
                return 1;
            }
            if (!pos) {
                return -1;
            }
            query = q;
            for (long digits : new long[] {60, 300, 1500}) {
                Integer s = apfloatSign(groups, digits);
                if (s != null) {
                    return s;
                }
            }
            throw new AssertionError("yardstick cannot decide " + java.util.Arrays.toString(x) + " vs " + o);
        }

        private final Map<String, Apfloat> expCache = new java.util.HashMap<>();
        private final Map<Long, Apfloat> scales = new java.util.HashMap<>();
        private BigDecimal[] topOf;

        /** max_{i,t} R(i,t) for query q: a fixed reference so exp(s (R - top_q)) can be cached per (q, R). */
        private BigDecimal top(int q) {
            if (topOf == null) {
                topOf = new BigDecimal[v];
            }
            if (topOf[q] == null) {
                BigDecimal t = null;
                for (int i = 0; i < k; i++) {
                    for (int b = 0; b < v; b++) {
                        BigDecimal r = eqke[q][b].add(eqkp[q][i]);
                        t = t == null ? r : t.max(r);
                    }
                }
                topOf[q] = t;
            }
            return topOf[q];
        }

        private int query;

        private Integer apfloatSign(TreeMap<BigDecimal, BigDecimal> groups, long digits) {
            long p = digits + 20;
            Apfloat scale = scales.computeIfAbsent(p, pp -> ApfloatMath.inverseRoot(new Apfloat(m.dHead(), pp), 2));
            BigDecimal ref = top(query);
            Apfloat groupTop = scale.multiply(new Apfloat(groups.firstKey().subtract(ref), p));
            boolean cache = groupTop.compareTo(new Apfloat(-1000000)) > 0;
            BigDecimal top = cache ? ref : groups.firstKey();
            Apfloat sum = new Apfloat(0, p), abs = new Apfloat(0, p), topWeight = null;
            BigDecimal far = BigDecimal.ZERO;
            Apfloat limit = (cache ? groupTop : new Apfloat(0)).subtract(new Apfloat(50000));
            for (Map.Entry<BigDecimal, BigDecimal> e : groups.entrySet()) {
                Apfloat y = scale.multiply(new Apfloat(e.getKey().subtract(top), p));
                if (y.compareTo(limit) < 0) {
                    far = far.add(e.getValue().abs());
                    continue;
                }
                Apfloat w = cache ? expCache.computeIfAbsent(query + ":" + digits + ":" + e.getKey().stripTrailingZeros(),
                        key -> ApfloatMath.exp(y)) : ApfloatMath.exp(y);
                topWeight = topWeight == null ? w : topWeight;
                Apfloat term = w.multiply(new Apfloat(e.getValue(), p));
                sum = sum.add(term);
                abs = abs.add(ApfloatMath.abs(term));
            }
            // far groups weigh below e^-50000 < 10^-21700 of the top group's weight
            Apfloat tol = abs.multiply(new Apfloat("1e-" + (digits - 20), p))
                    .add(new Apfloat(far, p).multiply(topWeight).multiply(new Apfloat("1e-21700", p)));
            return ApfloatMath.abs(sum).compareTo(tol) > 0 ? sum.signum() : null;
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static double[][] zeros(int r, int c) {
        return new double[r][c];
    }

    static double[][] gauss(Random r, int rows, int cols, double scale) {
        return SmallModels.gauss(r, rows, cols, scale);
    }

    static double[][] scaled(double[][] a, double f) {
        double[][] c = SmallModels.copy(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) (row[j] * f);
            }
        }
        return c;
    }

    record Outcome(String name, long checker, long truth, BruteForce.Result result) {}

    /** Runs the checker (must not throw) and the yardstick; asserts the checker never exceeds the truth. */
    static Outcome audit(String name, Model m) {
        BruteForce.Result r = assertDoesNotThrow(() -> new BruteForce(m, CircuitTables.of(m)).run(3), name);
        long truth = new Truth(m).count();
        assertTrue(r.correct() <= truth, name + ": checker proves " + r.correct() + " > true " + truth + " " + r);
        return new Outcome(name, r.correct(), truth, r);
    }

    static void auditAll(String family, List<Model> models) {
        int fast = 0, exactInputs = 0, undecidable = 0, belowTruth = 0;
        List<String> incomplete = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Outcome o = audit(family + "#" + i, models.get(i));
            fast += o.result().fastDecided() + o.result().fastProvenWrong() > 0 ? 1 : 0;
            exactInputs += o.result().exactInputs() > 0 ? 1 : 0;
            undecidable += o.result().undecidable() > 0 ? 1 : 0;
            if (o.checker() < o.truth()) {
                belowTruth++;
                if (o.result().undecidable() == 0) {
                    incomplete.add(o.name() + " " + o.checker() + "/" + o.truth() + " " + o.result());
                }
            }
        }
        TestFigures.report("audit %s: %d models, %d used the fast path, %d the exact path, %d with undecidable "
                + "inputs, %d below the truth", family, models.size(), fast, exactInputs, undecidable, belowTruth);
        // below the truth without any undecidable input would mean an input was wrongly proven wrong
        assertTrue(incomplete.isEmpty(), "proved wrong but correct: " + incomplete);
    }

    // ------------------------------------------------------------------------------------------ families

    @Test
    void contextOneAndHeadDimensionOne() {
        List<Model> ms = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int v = 2 + i % 7, k = 1 + (i / 7) % 4, d = 1 + i % 4, h = 1 + (i % 3 == 0 ? 0 : i % 3);
            if (i % 2 == 0) {
                h = 1;
            }
            ms.add(SmallModels.random(7000 + i, v, k, d, h, new double[] {0.3, 1, 3, 10}[i % 4]));
        }
        auditAll("context1/dhead1", ms);
    }

    /**
     * A vector u added to every column of W_U adds h.u to every logit of an input: it cancels in every margin, so
     * the count is the truth's, and the rows' centring keeps the fast path's a-priori bound small enough that it
     * decides every input (issue 14: before, every input went to the exact path, 50 s at vocabulary 16).
     */
    @Test
    void aConstantAddedToEveryLogitStaysOnTheFastPath() {
        Random r = new Random(21);
        for (int i = 0; i < 12; i++) {
            Model base = SmallModels.random(9000 + i, 4 + i % 3, 3, 4, 3, 1);
            double[][] wU = SmallModels.copy(base.wU());
            double scale = Math.pow(10, 6 + i % 7); // up to 1e12, in double: the columns keep their differences
            double[] u = new double[wU.length];
            for (int a = 0; a < u.length; a++) {
                u[a] = r.nextGaussian() * scale;
                for (int o = 0; o < wU[a].length; o++) {
                    wU[a][o] += u[a];
                }
            }
            Model m = SmallModels.with(base, null, null, null, wU);
            Outcome o = audit("logit offset " + scale, m);
            assertEquals(0, o.result().exactInputs(), o.name() + " " + o.result());
            assertEquals(o.truth(), o.checker(), o.name());
        }
    }

    /** The exact path's budget: refused up front when unusable weights alone exceed it, else during the walk. */
    @Test
    void theExactPathStopsAtItsBudget() {
        Model base = SmallModels.random(9100, 5, 3, 3, 2, 1);
        Model extreme = SmallModels.with(base, null, null, scaled(base.wQ(), 1e6), null); // weights underflow
        BruteForce.Result all = new BruteForce(extreme, CircuitTables.of(extreme)).run(2);
        assertTrue(all.exactInputs() > 10, all.toString());
        BruteForce.ExactPathBudgetExceeded known = assertThrows(BruteForce.ExactPathBudgetExceeded.class,
                () -> new BruteForce(extreme, CircuitTables.of(extreme)).run(2, 10));
        assertTrue(known.known > 10, "refused up front with the count of inputs it knew would need the exact path");
        assertEquals(all, new BruteForce(extreme, CircuitTables.of(extreme)).run(2, all.exactInputs()));
        // ties (equal unembedding columns: every margin is 0) are found only during the walk: the weights are usable
        double[][] wU = SmallModels.copy(base.wU());
        for (double[] row : wU) {
            java.util.Arrays.fill(row, row[0]);
        }
        Model ties = SmallModels.with(base, null, null, null, wU);
        BruteForce.Result tied = new BruteForce(ties, CircuitTables.of(ties)).run(1);
        assertTrue(tied.exactInputs() > 1, tied.toString());
        BruteForce.ExactPathBudgetExceeded walk = assertThrows(BruteForce.ExactPathBudgetExceeded.class,
                () -> new BruteForce(ties, CircuitTables.of(ties)).run(1, tied.exactInputs() - 1));
        assertEquals(-1, walk.known);
    }

    /** W_Q scaled so raw scores spread by hundreds: weights cross the exp underflow / subnormal range. */
    @Test
    void attentionScoresAcrossTheUnderflowBoundary() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(11);
        for (int i = 0; i < 48; i++) {
            int v = 3 + i % 4, k = 2 + i % 3;
            Model base = SmallModels.random(8000 + i, v, k, 3, 2, 1);
            // the spread of s*R over all (i, t) for each query
            CircuitTables t = CircuitTables.of(base);
            double[][] e = org.compactproofs.checker.arith.TestIntervals.approximate(t.eqkeRaw()), p = org.compactproofs.checker.arith.TestIntervals.approximate(t.eqkpRaw());
            double spread = 0;
            for (int q = 0; q < v; q++) {
                double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                for (int a = 0; a < k; a++) {
                    for (int b = 0; b < v; b++) {
                        lo = Math.min(lo, e[q][b] + p[q][a]);
                        hi = Math.max(hi, e[q][b] + p[q][a]);
                    }
                }
                spread = Math.max(spread, (hi - lo) / Math.sqrt(2));
            }
            double target = 600 + 200 * r.nextDouble();
            ms.add(SmallModels.with(base, null, null, scaled(base.wQ(), target / spread), null));
        }
        auditAll("underflow-boundary", ms);
    }

    /**
     * The shift c_q is set by (position k-1, token t*) with t* != q, a pair that never occurs: every occurring weight of
     * the inputs with a small query is e^-gap with gap swept through 600..800 (normal, subnormal, zero in double).
     */
    @Test
    void shiftDominatedByAPairThatNeverOccurs() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(12);
        for (int i = 0; i < 40; i++) {
            int v = 3 + i % 4, k = 2 + i % 3, d = 5, h = 1;
            double gamma = (float) (600 + 200 * r.nextDouble());   // positional bonus of the last position
            double beta = (float) ((500 + 300 * r.nextDouble()) / (v - 1)); // token key slope
            double[][] wE = new double[v][d], wPos = new double[k][d];
            for (int t = 0; t < v; t++) {
                wE[t][0] = 1;                                  // constant (query reads it)
                wE[t][1] = (float) (t * beta);                 // key feature
                wE[t][3] = (float) (t + 0.01 * r.nextGaussian()); // value feature
            }
            wPos[k - 1][2] = 1;                                // last-position flag
            for (int a = 0; a < k; a++) {
                wPos[a][4] = (float) (0.1 * r.nextGaussian());
            }
            double[][] wQ = zeros(d, h), wK = zeros(d, h), wV = zeros(d, h), wO = zeros(h, d), wU = zeros(d, v);
            wQ[0][0] = 1;
            wK[1][0] = 1;
            wK[2][0] = gamma;
            wV[3][0] = 1;
            wO[0][4] = 1;
            for (int o = 0; o < v; o++) {
                wU[4][o] = o;
                wU[0][o] = (float) (-o * o / 2.0 + 0.01 * r.nextGaussian());
                wU[3][o] = (float) (0.05 * r.nextGaussian());
            }
            ms.add(new Model(v, k, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of()));
        }
        auditAll("absent-shift", ms);
    }

    /**
     * Unreliable weights only for some (position, token) pairs: R(i, t) = a_t + b_i with a_t in {0, -L}, b_i in
     * {0, -L'}; only low tokens at early positions fall below the double range, later positions stay reliable.
     */
    @Test
    void unreliableEarlyReliableLate() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(13);
        for (int i = 0; i < 40; i++) {
            int v = 3 + i % 4, k = 2 + i % 3, d = 6, h = 1;
            double lTok = (float) (300 + 200 * r.nextDouble()), lPos = (float) (300 + 200 * r.nextDouble());
            double[][] wE = new double[v][d], wPos = new double[k][d];
            for (int t = 0; t < v; t++) {
                wE[t][0] = 1;
                wE[t][1] = t < v / 2 ? -lTok : (float) r.nextGaussian();
                wE[t][3] = (float) (t + 0.3 * r.nextGaussian());
            }
            for (int a = 0; a < k; a++) {
                wPos[a][2] = a < (k + 1) / 2 ? -lPos : (float) r.nextGaussian();
                wPos[a][4] = (float) (0.2 * r.nextGaussian());
            }
            double[][] wQ = zeros(d, h), wK = zeros(d, h), wV = zeros(d, h), wO = zeros(h, d), wU = zeros(d, v);
            wQ[0][0] = 1;
            wK[1][0] = 1;
            wK[2][0] = 1;
            wV[3][0] = 1;
            wV[4][0] = 1;
            wO[0][5] = 1;
            for (int o = 0; o < v; o++) {
                wU[5][o] = o;
                wU[0][o] = (float) (-o * o / 2.0 + 0.2 * r.nextGaussian());
                wU[3][o] = (float) (0.3 * r.nextGaussian());
            }
            ms.add(new Model(v, k, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of()));
        }
        auditAll("unreliable-early", ms);
    }

    /**
     * Near ties at the level of the fast path's threshold: two outputs a, b whose logits differ by
     * delta1 - delta2 * r[e2] with delta ~ 2^-40 .. 2^-52 relative to O(1) logits, and r[e2] an attention average,
     * so the sign of the margin varies with the input and every group sign pattern occurs.
     */
    @Test
    void nearTiesAtTheThreshold() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(14);
        for (int i = 0; i < 60; i++) {
            int v = 3 + i % 4, k = 2 + i % 3, d0 = 3, h0 = 2;
            Model base = SmallModels.random(9000 + i, v, k, d0, h0, 1);
            int d = d0 + 2, h = h0 + 1, e1 = d0, e2 = d0 + 1;
            double[][] wE = new double[v][d], wPos = new double[k][d], wQ = zeros(d, h), wK = zeros(d, h),
                    wV = zeros(d, h), wO = zeros(h, d), wU = zeros(d, v);
            for (int t = 0; t < v; t++) {
                System.arraycopy(base.wE()[t], 0, wE[t], 0, d0);
                wE[t][e1] = 1;
                wE[t][e2] = (float) r.nextGaussian();
            }
            for (int a = 0; a < k; a++) {
                System.arraycopy(base.wPos()[a], 0, wPos[a], 0, d0);
            }
            wPos[k - 1][e1] = 0;
            for (int c = 0; c < d0; c++) {
                System.arraycopy(base.wQ()[c], 0, wQ[c], 0, h0);
                System.arraycopy(base.wK()[c], 0, wK[c], 0, h0);
                System.arraycopy(base.wV()[c], 0, wV[c], 0, h0);
                System.arraycopy(base.wU()[c], 0, wU[c], 0, v);
            }
            for (int c = 0; c < h0; c++) {
                System.arraycopy(base.wO()[c], 0, wO[c], 0, d0);
            }
            wV[e2][h0] = 1;
            wO[h0][e2] = 1;
            int a = r.nextInt(v), b = (a + 1 + r.nextInt(v - 1)) % v;
            for (int c = 0; c < d0; c++) {
                wU[c][b] = wU[c][a];
            }
            int scale = 40 + r.nextInt(13);
            double delta1 = Math.scalb(1.0 + r.nextInt(16), -scale), delta2 = Math.scalb(1.0 + r.nextInt(16), -scale);
            wU[e1][b] = -delta1;
            wU[e2][b] = delta2;
            ms.add(new Model(v, k, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of()));
        }
        auditAll("near-ties", ms);
    }

    /** Extreme float32 magnitudes: subnormal weights, weights near 3e38, and mixtures per matrix. */
    @Test
    void extremeFloat32Magnitudes() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(15);
        double[] scales = {1e-40, 1e-44, 1e-20, 1e19, 1e30, 3e38};
        for (int i = 0; i < 48; i++) {
            int v = 3 + i % 4, k = 1 + i % 4;
            Model base = SmallModels.random(9500 + i, v, k, 3, 2, 1);
            double[] f = new double[7];
            for (int j = 0; j < 7; j++) {
                f[j] = i < 12 ? scales[i % scales.length] : scales[r.nextInt(scales.length)];
            }
            ms.add(new Model(v, k, 3, 2, clip(base.wE(), f[0]), clip(base.wPos(), f[1]), clip(base.wQ(), f[2]),
                    clip(base.wK(), f[3]), clip(base.wV(), f[4]), clip(base.wO(), f[5]), clip(base.wU(), f[6]), Map.of()));
        }
        auditAll("extreme-float32", ms);
    }

    /** a * f rounded to float32, kept finite (3e38 * 3 overflows float32: clamp to +-Float.MAX_VALUE). */
    static double[][] clip(double[][] a, double f) {
        double[][] c = SmallModels.copy(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                double x = row[j] * f;
                row[j] = Math.max(-Float.MAX_VALUE, Math.min(Float.MAX_VALUE, (float) x));
            }
        }
        return c;
    }

    /** F64 weights (the reader accepts F64) at extreme but non-overflowing scales. */
    @Test
    void extremeFloat64Magnitudes() {
        List<Model> ms = new ArrayList<>();
        Random r = new Random(16);
        double[] scales = {1e-300, 1e-150, 1e-60, 1e60, 1e75, 1e150};
        for (int i = 0; i < 36; i++) {
            int v = 3 + i % 3, k = 1 + i % 3;
            Model base = SmallModels.random(9700 + i, v, k, 3, 2, 1);
            double[] f = new double[7];
            for (int j = 0; j < 7; j++) {
                f[j] = scales[r.nextInt(scales.length)];
            }
            ms.add(new Model(v, k, 3, 2, times64(base.wE(), f[0]), times64(base.wPos(), f[1]),
                    times64(base.wQ(), f[2]), times64(base.wK(), f[3]), times64(base.wV(), f[4]),
                    times64(base.wO(), f[5]), times64(base.wU(), f[6]), Map.of()));
        }
        auditAll("extreme-float64", ms);
    }

    static double[][] times64(double[][] a, double f) {
        double[][] c = SmallModels.copy(a);
        for (double[] row : c) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= f;
            }
        }
        return c;
    }

    /** The count and every statistic are the same for 1, 2, 5 and 16 threads. */
    @Test
    void deterministicAcrossThreadCounts() {
        List<Model> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ms.add(SmallModels.random(9900 + i, 5 + i % 3, 3, 4, 2, 2));
        }
        ms.addAll(SmallModels.edges(9950, 6, 3).stream().map(SmallModels.Named::model).toList());
        for (Model m : ms) {
            CircuitTables t = CircuitTables.of(m);
            BruteForce.Result one = new BruteForce(m, t).run(1);
            for (int threads : new int[] {2, 5, 16}) {
                assertEquals(one, new BruteForce(m, t).run(threads));
            }
        }
    }

    /**
     * A common offset B = f^2 added to every raw score (one extra residual coordinate, 1 for every token, read by
     * both W_Q and W_K with weight f). Sound, but incomplete: the fast path encloses s R instead of s (R - R_top),
     * so for f >= 1e10 no weight is reliable, and the exact path's 70-digit enclosure of s R is wider than 1 once
     * s R > ~1e70 (f >= 1e36), leaving most mixed-sign margins undecidable.
     */
    @Test
    void largeCommonScoreOffset() {
        for (double f : new double[] {1e5f, 1e10f, 1e36f}) {
            Model b = SmallModels.random(5, 5, 3, 3, 2, 2);
            int d = 4, h = 3;
            double[][] wE = new double[5][d], wPos = new double[3][d], wQ = zeros(d, h), wK = zeros(d, h),
                    wV = zeros(d, h), wO = zeros(h, d), wU = zeros(d, 5);
            for (int t = 0; t < 5; t++) {
                System.arraycopy(b.wE()[t], 0, wE[t], 0, 3);
                wE[t][3] = 1;
            }
            for (int i = 0; i < 3; i++) {
                System.arraycopy(b.wPos()[i], 0, wPos[i], 0, 3);
            }
            for (int c = 0; c < 3; c++) {
                System.arraycopy(b.wQ()[c], 0, wQ[c], 0, 2);
                System.arraycopy(b.wK()[c], 0, wK[c], 0, 2);
                System.arraycopy(b.wV()[c], 0, wV[c], 0, 2);
                System.arraycopy(b.wU()[c], 0, wU[c], 0, 5);
            }
            for (int c = 0; c < 2; c++) {
                System.arraycopy(b.wO()[c], 0, wO[c], 0, 3);
            }
            wQ[3][2] = f;
            wK[3][2] = f;
            Outcome o = audit("offset " + f, new Model(5, 3, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of()));
            TestFigures.report("audit common score offset f = %s: proved %d of %d correct; %s", f, o.checker(),
                    o.truth(), o.result());
        }
    }
}
