package org.compactproofs.checker.grid;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.bruteforce.AuditCrashTest;
import org.compactproofs.checker.cases.CubicSoundnessTest;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule S2 (the 100 sub-cubic variants) against the exact oracle, key by key: on every small model, every key
 * (query, max, nonmax, upto) that a variant's bound accepts holds only truly correct inputs. The witnesses are
 * arbitrary (random peels of random size, zero peels, random average attentions, including ones outside [0, 1]):
 * the theorems hold for any witness, so any witness must leave the bound sound.
 */
class GridSoundnessTest {
    private static final List<GridVariant> VARIANTS = GridVariant.all();

    /**
     * Dyadic witnesses of the shapes the variant takes: zero, small random or large random peels, or (style 3)
     * good ones, each factor's leading right singular directions from a power iteration, as the generator does.
     */
    static GapBounds bounds(Model m, GridVariant variant, long seed) {
        Random r = new Random(seed);
        GridWitnesses shapes = new GridWitnesses(variant, m);
        Map<String, DyadicMatrix> vectors = new HashMap<>();
        int style = r.nextInt(4);
        Map<String, double[][]> factors = factors(m);
        shapes.lengths().forEach((name, length) -> {
            double[] x = new double[length];
            for (int i = 0; i < length; i++) {
                x[i] = style == 0 ? 0 : r.nextGaussian() * (style == 1 ? 0.1 : 2);
            }
            vectors.put(name, DyadicMatrix.of(new double[][] {x}));
        });
        if (style == 3) {
            if (variant.directPathWitness()) {
                double[][] eq = factors.get("eq");
                double[] mean = new double[m.eqWidth()];
                for (double[] row : eq) {
                    for (int j = 0; j < mean.length; j++) {
                        mean[j] += row[j] / eq.length;
                    }
                }
                vectors.put("eupu-centre", DyadicMatrix.of(new double[][] {mean}));
            }
            for (GridVariant.Factor f : variant.factors()) {
                double[][] a = factors.get(f.name());
                double[][] directions = new double[f.peels()][];
                for (int j = 0; j < f.peels(); j++) {
                    directions[j] = direction(a, directions, j);
                    double[] left = new double[a.length];
                    for (int i = 0; i < a.length; i++) {
                        for (int l = 0; l < a[0].length; l++) {
                            left[i] += a[i][l] * directions[j][l];
                        }
                    }
                    vectors.put(f.name() + "-" + (j + 1) + "-left", DyadicMatrix.of(new double[][] {left}));
                    vectors.put(f.name() + "-" + (j + 1) + "-right", DyadicMatrix.of(new double[][] {directions[j]}));
                }
            }
        }
        Map<Integer, Interval> averages = new HashMap<>();
        if (variant.attention() == GridVariant.Attention.MEAN_QUERY_DIFF) {
            for (int key = 0; key < m.vocab() * m.context(); key++) {
                double a = r.nextInt(4) == 0 ? r.nextGaussian() * 3 : r.nextDouble();
                averages.put(key, new Interval(a, a));
            }
        }
        return new GapBounds(m, IntervalTables.of(m), variant, vectors,
                key -> averages.getOrDefault(key, new Interval(0, 0)));
    }

    /** The factors of raw EQKE in doubles (with biases, Lemma T1's [Eq | 1] and [W_Q; b_Q]), by certificate name. */
    private static Map<String, double[][]> factors(Model m) {
        org.compactproofs.checker.model.CircuitTables.Factors f = org.compactproofs.checker.model.CircuitTables.Factors.of(m);
        double[][] eq = doubles(f.eq()), wq = doubles(f.wQ());
        double[][] wkt = transpose(m.wK()), et = transpose(m.wE());
        return Map.of("eq", eq, "wq", wq, "wkt", wkt, "et", et, "eqwq", times(eq, wq), "wktet", times(wkt, et));
    }

    private static double[][] doubles(DyadicMatrix a) {
        double[][] out = new double[a.rows()][a.cols()];
        for (int i = 0; i < a.rows(); i++) {
            for (int j = 0; j < a.cols(); j++) {
                out[i][j] = a.enclosure(i, j).lo();
            }
        }
        return out;
    }

    /** A unit vector near a's j-th right singular direction (power iteration on a^T a, orthogonal to earlier). */
    private static double[] direction(double[][] a, double[][] earlier, int j) {
        int n = a[0].length;
        double[] x = new double[n];
        java.util.Arrays.fill(x, 1);
        x[0] = 2;
        for (int it = 0; it < 100; it++) {
            for (int p = 0; p < j; p++) {
                double dot = 0;
                for (int i = 0; i < n; i++) {
                    dot += x[i] * earlier[p][i];
                }
                for (int i = 0; i < n; i++) {
                    x[i] -= dot * earlier[p][i];
                }
            }
            double[] ax = new double[a.length], y = new double[n];
            for (int i = 0; i < a.length; i++) {
                for (int l = 0; l < n; l++) {
                    ax[i] += a[i][l] * x[l];
                }
            }
            for (int i = 0; i < a.length; i++) {
                for (int l = 0; l < n; l++) {
                    y[l] += a[i][l] * ax[i];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(y).map(z -> z * z).sum());
            if (norm == 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                x[i] = y[i] / norm;
            }
        }
        return x;
    }

    private static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }

    private static double[][] times(double[][] a, double[][] b) {
        double[][] c = new double[a.length][b[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int l = 0; l < b.length; l++) {
                for (int j = 0; j < b[0].length; j++) {
                    c[i][j] += a[i][l] * b[l][j];
                }
            }
        }
        return c;
    }

    /** Every variant on every model (each model's truth computed once); returns accepted keys per variant. */
    static long[] check(List<SmallModels.Named> models, int minimumModels) {
        assertTrue(models.size() >= minimumModels, models.size() + " models");
        AtomicLongArray accepted = new AtomicLongArray(VARIANTS.size());
        models.parallelStream().forEach(named -> {
            CubicSoundnessTest.Truth truth = CubicSoundnessTest.Truth.of(named.model());
            for (int i = 0; i < VARIANTS.size(); i++) {
                GapBounds b = bounds(named.model(), VARIANTS.get(i), named.name().hashCode() * 131L + i);
                accepted.addAndGet(i, CubicSoundnessTest.checkKeys(named, truth, b::margin)[0]);
            }
        });
        long[] out = new long[VARIANTS.size()];
        long total = 0;
        for (int i = 0; i < out.length; i++) {
            out[i] = accepted.get(i);
            total += out[i];
        }
        TestFigures.report("sub-cubic grid (S2) soundness: %d variants x %d models, %d keys accepted, all sound",
                VARIANTS.size(), models.size(), total);
        return out;
    }

    /**
     * The work S2 does before its first case, which the family charges up front ({@link GapBounds#tableWork}), never
     * exceeds {@link GapBounds#preparationWork} on any variant and witness style, whichever of v, d_model, d_head is
     * the largest; and that bound is not loose beyond a factor of four on the trained shape.
     */
    @Test
    void thePreparationStaysWithinItsUpFrontCharge() {
        int[][] shapes = {{6, 3, 4, 4}, {4, 2, 16, 8}, {5, 4, 3, 17}, {9, 1, 2, 2}, {2, 1, 1, 1}, {64, 4, 32, 32}};
        double tightest = Double.MAX_VALUE;
        for (int[] s : shapes) {
            Model m = SmallModels.random(s[0] * 31L + s[2], s[0], s[1], s[2], s[3], 1);
            for (int i = 0; i < VARIANTS.size(); i++) {
                for (long style = 0; style < 4; style++) {
                    long done = bounds(m, VARIANTS.get(i), i * 4 + style).operations();
                    assertTrue(done <= GapBounds.preparationWork(m), VARIANTS.get(i).name() + " on " + java.util.Arrays.toString(s)
                            + ": " + done + " > " + GapBounds.preparationWork(m));
                    if (s[0] == 64) {
                        tightest = Math.min(tightest, GapBounds.preparationWork(m) / done);
                    }
                }
            }
        }
        assertTrue(tightest < 4, "the bound is " + tightest + " times the work at least");
    }

    @Test
    void everyAcceptedCaseOfEveryVariantIsTrulyCorrect() {
        long[] accepted = check(SmallModels.all(380, 12), 500);
        for (int i = 0; i < accepted.length; i++) {
            TestFigures.report("  %s: %d keys accepted", VARIANTS.get(i).name(), accepted[i]);
        }
        for (int i = 0; i < accepted.length; i++) {
            assertTrue(accepted[i] > 100, VARIANTS.get(i).name() + " accepts only " + accepted[i] + " keys:"
                    + " the test would not notice an unsound bound");
        }
    }

    /**
     * Models whose tables overflow or underflow double (weights scaled by 1e-300 .. 1e150, the audit's tables just
     * beyond the largest double, context 1): every variant decides every key without an exception, and what it
     * accepts is sound.
     */
    @Test
    void extremeModelsNeitherCrashNorFoolAnyVariant() {
        List<SmallModels.Named> models = new java.util.ArrayList<>();
        double[] scales = {1e-300, 1e-150, 1e100, 1e150};
        for (int i = 0; i < 12; i++) {
            models.add(new SmallModels.Named("extreme-" + i, float64(9000 + i, 4 + i % 2, 2 + i % 3, scales[i % scales.length])));
        }
        models.add(new SmallModels.Named("audit-eu+", AuditCrashTest.euInTheBand(1)));
        models.add(new SmallModels.Named("audit-eu-", AuditCrashTest.euInTheBand(-1)));
        models.add(new SmallModels.Named("audit-score", AuditCrashTest.scoreInTheBand()));
        check(models, models.size());
    }

    /** Random float64 weights at a scale float32 cannot hold (d_model 3, d_head 2). */
    private static Model float64(long seed, int v, int k, double scale) {
        Random r = new Random(seed);
        java.util.function.BiFunction<Integer, Integer, double[][]> g = (rows, cols) -> {
            double[][] a = new double[rows][cols];
            for (double[] row : a) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextGaussian() * scale;
                }
            }
            return a;
        };
        return new Model(v, k, 3, 2, g.apply(v, 3), g.apply(k, 3), g.apply(3, 2), g.apply(3, 2), g.apply(3, 2),
                g.apply(2, 3), g.apply(3, v), Map.of());
    }

    @Test
    @Tag("slow")
    void everyAcceptedCaseIsTrulyCorrectOnManyMoreModels() {
        check(SmallModels.all(2000, 60), 2500);
    }
}
