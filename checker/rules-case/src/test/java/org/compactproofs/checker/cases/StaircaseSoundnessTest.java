package org.compactproofs.checker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule S4 (staircase cases, docs/rules.md) against the exact oracle: on every small model, every staircase
 * (query, max, nonmax, upto, rest) with rest < upto that the bound accepts contains only correct inputs, and its
 * size is the rule's formula, counted by enumeration. Every pair rest < upto of every key is tried, so the
 * placement of the one high token (Lemma S4.1) is exercised at every position and context 2 to 6.
 */
public class StaircaseSoundnessTest {
    /**
     * The truth of a model by (query, max, nonmax) and the two largest non-max tokens of an input: bad[q][m][c][s+1]
     * the smallest largest non-max token of a wrong input whose second largest is at most s (v when none), and
     * size[q][m][c][l+1][s+1] the number of inputs with largest l and second largest s (-1: none).
     */
    record Truth(int[][][][] bad, long[][][][][] size) {
        static Truth of(Model m) {
            int v = m.vocab(), k = m.context();
            ExactOracle oracle = new ExactOracle(m);
            int[][][][] bad = new int[v][v][k][v + 1];
            for (int[][][] a : bad) {
                for (int[][] b : a) {
                    for (int[] c : b) {
                        java.util.Arrays.fill(c, v);
                    }
                }
            }
            long[][][][][] size = new long[v][v][k][v + 1][v + 1];
            int[] x = new int[k];
            for (long n = 0; n < m.inputCount(); n++) {
                CubicSoundnessTest.decode(n, v, x);
                int q = x[k - 1], max = 0, c = 0, first = -1, second = -1;
                for (int t : x) {
                    max = Math.max(max, t);
                }
                for (int i = 0; i < k - 1; i++) {
                    if (x[i] != max) {
                        c++;
                        if (x[i] > first) {
                            second = first;
                            first = x[i];
                        } else if (x[i] > second) {
                            second = x[i];
                        }
                    }
                }
                size[q][max][c][first + 1][second + 1]++;
                if (!oracle.isCorrect(x)) {
                    for (int s = second; s < v; s++) { // wrong for every rest >= its second largest
                        bad[q][max][c][s + 1] = Math.min(bad[q][max][c][s + 1], first);
                    }
                }
            }
            return new Truth(bad, size);
        }
    }

    /** Rule S4's bound with r exact outputs and the given windows (rule C1's, rule S3's). */
    static CoupledBounds bound(Model m, int r, int cubicWindow, int coupledWindow) {
        return new CoupledBounds(new CubicBounds(m, CircuitTables.of(m), cubicWindow), r, coupledWindow);
    }

    /**
     * Every staircase of every key through the bound, each accepted one compared with the truth; returns {staircases
     * accepted with rest < upto, inputs of the best case per key, inputs of the best plain case per key}.
     */
    static long[] checkModel(SmallModels.Named named, CoupledBounds bounds) {
        Model m = named.model();
        int v = m.vocab(), k = m.context();
        Truth truth = Truth.of(m);
        int[] worst = new int[1];
        long accepted = 0, covered = 0, plainCovered = 0;
        for (int max = 0; max < v; max++) {
            for (int q = 0; q <= max; q++) {
                for (int c = 2; c <= (q == max ? k - 1 : k - 2); c++) {
                    long best = 0, bestPlain = 0;
                    for (int a = 0; a < max; a++) {
                        for (int b = 0; b <= a; b++) {
                            if (!(bounds.of(q, max, c, a, b, worst) > 0)) {
                                continue;
                            }
                            String label = named + ": staircase query " + q + " max " + max + " nonmax " + c
                                    + " upto " + a + " rest " + b;
                            assertTrue(a < truth.bad()[q][max][c][b + 1], label + " accepted, but it holds a wrong"
                                    + " input (largest non-max token " + truth.bad()[q][max][c][b + 1] + ")");
                            long inputs = 0;
                            for (int l = -1; l <= a; l++) {
                                for (int s = -1; s <= Math.min(l, b); s++) {
                                    inputs += truth.size()[q][max][c][l + 1][s + 1];
                                }
                            }
                            BigInteger formula = CaseRule.binomial(k - 1, c).multiply(CaseRule.size(c, a, b));
                            assertEquals(formula, BigInteger.valueOf(inputs), label + ": size");
                            accepted += b < a ? 1 : 0;
                            best = Math.max(best, inputs);
                            bestPlain = b == a ? Math.max(bestPlain, inputs) : bestPlain;
                        }
                    }
                    covered += best;
                    plainCovered += bestPlain;
                }
            }
        }
        return new long[] {accepted, covered, plainCovered};
    }

    private static void check(List<SmallModels.Named> models, int minimum, int r, int cubicWindow, int coupledWindow) {
        long accepted = 0, covered = 0, plain = 0;
        for (SmallModels.Named named : models) {
            long[] x = checkModel(named, bound(named.model(), r, cubicWindow, coupledWindow));
            accepted += x[0];
            covered += x[1];
            plain += x[2];
        }
        assertTrue(models.size() >= minimum, models.size() + " models");
        assertTrue(accepted > 1000, "the rule accepts many staircases: " + accepted);
        assertTrue(covered > plain, "staircases cover more than the plain cases: " + covered + " vs " + plain);
        TestFigures.report("staircase (S4) soundness, r = %d, windows %d and %d: %d models, %d staircases (rest < upto)"
                + " accepted, all sound; the best case per key (nonmax >= 2) covers %d inputs, the best plain one %d",
                r, cubicWindow, coupledWindow, models.size(), accepted, covered, plain);
    }

    @Test
    void everyAcceptedStaircaseIsTrulyCorrect() {
        List<SmallModels.Named> models = SmallModels.all(380, 12);
        for (int r : new int[] {2, 4}) {
            check(models, 500, r, CubicBounds.WINDOW, CoupledBounds.WINDOW);
        }
    }

    /** Narrow windows send most tokens of both thresholds through the tail bounds. */
    @Test
    void narrowWindowsAreSoundToo() {
        check(SmallModels.all(120, 4), 150, 2, 1, 0);
    }

    @Test
    @Tag("slow")
    void everyAcceptedStaircaseIsTrulyCorrectOnManyMoreModels() {
        check(SmallModels.all(2000, 60), 2500, 2, CubicBounds.WINDOW, CoupledBounds.WINDOW);
    }

    /** The placement (Lemma S4.1) by brute force over every placement, on random terms. */
    @Test
    void placementIsTheWorstOfEveryPlacement() {
        java.util.Random random = new java.util.Random(7);
        for (int trial = 0; trial < 20_000; trial++) {
            int n = 2 + random.nextInt(6), c = 2 + random.nextInt(n - 1);
            double[] high = new double[n], rest = new double[n];
            for (int i = 0; i < n; i++) {
                high[i] = random.nextInt(9) - 6 + (random.nextBoolean() ? 0.5 : 0);
                rest[i] = random.nextInt(9) - 4;
            }
            double worst = Double.POSITIVE_INFINITY;
            for (int set = 0; set < 1 << n; set++) { // every set P of c positions, every j in P as the high one
                if (Integer.bitCount(set) != c) {
                    continue;
                }
                for (int j = 0; j < n; j++) {
                    if ((set >> j & 1) == 0) {
                        continue;
                    }
                    double sum = 1 + Math.min(high[j], rest[j]);
                    for (int i = 0; i < n; i++) {
                        sum += i != j && (set >> i & 1) != 0 ? rest[i] : 0;
                    }
                    worst = Math.min(worst, sum);
                }
            }
            double lowest = Placement.lowest(1, high, rest, c);
            assertTrue(lowest <= worst && lowest > worst - 1e-9, "placement " + lowest + " vs " + worst);
        }
    }

    /** A staircase asked of a rule without staircases is a bug, not a bound. */
    @Test
    void rulesWithoutStaircasesRefuseThem() {
        Model m = SmallModels.random(3, 5, 3, 4, 2, 1.0);
        CubicBounds cubic = new CubicBounds(m, CircuitTables.of(m));
        assertThrows(IllegalStateException.class, () -> cubic.of(0, 4, 2, 3, 1, new int[1]));
    }
}
