package org.compactproofs.checker.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The case rules C1 (cubic), S1 (sub-cubic max-diff) and S3 (sub-cubic coupled) against the exact oracle, case by case: on every small
 * model, every key (query, max, nonmax, upto) that a rule accepts contains only inputs that are truly correct.
 * This is stronger than comparing totals: an unsound case cannot hide behind another case's slack.
 */
public class CubicSoundnessTest {
    /** A case rule's bound: positive only if every input of case (q, m, c, a) is correct. */
    public interface CaseBound {
        double of(int q, int m, int c, int a);
    }

    public static CaseBound cubic(Model m) {
        CubicBounds b = new CubicBounds(m, CircuitTables.of(m));
        int[] worst = new int[1];
        return (q, max, c, a) -> b.of(q, max, c, a, worst);
    }

    public static CaseBound maxDiff(Model m) {
        MaxDiffBounds b = new MaxDiffBounds(m, CircuitTables.of(m));
        return (q, max, c, a) -> b.of(q, max, c, a, null);
    }

    /** Rule S3 with r exact outputs per max, rule C1's window for them and rule S1's for the coupled part. */
    public static CaseBound coupled(Model m, int r, int cubicWindow, int coupledWindow) {
        CoupledBounds b = new CoupledBounds(new CubicBounds(m, CircuitTables.of(m), cubicWindow), r, coupledWindow);
        int[] worst = new int[1];
        return (q, max, c, a) -> b.of(q, max, c, a, worst);
    }

    public static CaseBound coupled(Model m, int r) {
        return coupled(m, r, CubicBounds.WINDOW, CoupledBounds.WINDOW);
    }

    /** Runs every key through the rule; returns {keys accepted, inputs covered by the best key per (q, m, c)}. */
    public static long[] checkModel(SmallModels.Named named, java.util.function.Function<Model, CaseBound> rule) {
        return checkKeys(named, Truth.of(named.model()), rule.apply(named.model()));
    }

    /**
     * The exact truth per key, from the oracle: smallestBad[q][max][c] is the smallest "largest non-max token" of a
     * wrong input with that (q, max, c) (-1 for a wrong input without non-max tokens, v when none is wrong), and
     * size[q][max][c][a+1] the number of inputs whose largest non-max token is a.
     */
    public record Truth(int[][][] smallestBad, long[][][][] size) {
        public static Truth of(Model m) {
            int v = m.vocab(), k = m.context();
            ExactOracle oracle = new ExactOracle(m);
            int[][][] smallestBad = new int[v][v][k];
            for (int[][] a : smallestBad) {
                for (int[] b : a) {
                    java.util.Arrays.fill(b, v);
                }
            }
            long[][][][] size = new long[v][v][k][v + 1];
            int[] x = new int[k];
            for (long n = 0; n < m.inputCount(); n++) {
                decode(n, v, x);
                int[] key = key(x);
                int q = key[0], mx = key[1], nonmax = key[2], largest = key[3];
                size[q][mx][nonmax][largest + 1]++;
                if (!oracle.isCorrect(x)) {
                    smallestBad[q][mx][nonmax] = Math.min(smallestBad[q][mx][nonmax], largest);
                }
            }
            return new Truth(smallestBad, size);
        }
    }

    /** Every key through one bound, each accepted key compared with the truth. */
    public static long[] checkKeys(SmallModels.Named named, Truth truth, CaseBound bounds) {
        Model m = named.model();
        int v = m.vocab(), k = m.context();
        int[][][] smallestBad = truth.smallestBad();
        long[][][][] size = truth.size();
        long accepted = 0, covered = 0;
        for (int max = 0; max < v; max++) {
            for (int q = 0; q <= max; q++) {
                for (int c = 0; c <= (q == max ? k - 1 : k - 2); c++) {
                    long best = 0, cumulative = 0;
                    for (int a = c == 0 ? -1 : 0; a < (c == 0 ? 0 : max); a++) {
                        cumulative += size[q][max][c][a + 1] + (a == 0 && c > 0 ? size[q][max][c][0] : 0);
                        if (bounds.of(q, max, c, a) > 0) {
                            accepted++;
                            assertTrue(a < smallestBad[q][max][c], named + ": case query " + q + " max " + max
                                    + " nonmax " + c + " upto " + a + " accepted, but it holds a wrong input (one whose"
                                    + " largest non-max token is " + smallestBad[q][max][c] + ")");
                            long formula = CaseRule.binomial(k - 1, c).longValueExact() * (long) Math.pow(a + 1, c);
                            assertTrue(formula == cumulative, "case size " + cumulative + " vs formula " + formula);
                            best = Math.max(best, cumulative);
                        }
                    }
                    covered += best;
                }
            }
        }
        return new long[] {accepted, covered};
    }

    /**
     * An input's case key: {query (the last token), max, nonmax (how many of the other k-1 positions hold a token
     * other than the max), the largest such token (-1 if none)}.
     */
    public static int[] key(int[] x) {
        int k = x.length, q = x[k - 1], max = 0, nonmax = 0, largest = -1;
        for (int t : x) {
            max = Math.max(max, t);
        }
        for (int i = 0; i < k - 1; i++) {
            if (x[i] != max) {
                nonmax++;
                largest = Math.max(largest, x[i]);
            }
        }
        return new int[] {q, max, nonmax, largest};
    }

    public static void decode(long n, int v, int[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            x[i] = (int) (n % v);
            n /= v;
        }
    }

    /** Accepted keys and covered inputs over the models, the rule checked against the oracle on each. */
    private static long[] check(List<SmallModels.Named> models, int minimum,
                                java.util.function.Function<Model, CaseBound> rule, String name) {
        long accepted = 0, covered = 0, inputs = 0;
        for (SmallModels.Named named : models) {
            long[] r = checkModel(named, rule);
            accepted += r[0];
            covered += r[1];
            inputs += named.model().inputCount();
        }
        assertTrue(models.size() >= minimum, models.size() + " models");
        assertTrue(accepted > 1000, "the rule accepts many keys: " + accepted);
        TestFigures.report("%s soundness: %d models, %d keys accepted, all sound; best keys cover %d of %d inputs",
                name, models.size(), accepted, covered, inputs);
        return new long[] {accepted, covered};
    }

    @Test
    void everyAcceptedCubicCaseIsTrulyCorrect() {
        check(SmallModels.all(380, 12), 500, CubicSoundnessTest::cubic, "cubic (C1)");
    }

    @Test
    void everyAcceptedMaxDiffCaseIsTrulyCorrect() {
        check(SmallModels.all(380, 12), 500, CubicSoundnessTest::maxDiff, "sub-cubic max-diff (S1)");
    }

    /**
     * Rule S3 with 0, 1, 2 and 4 exact outputs: every accepted key sound. Not vacuous: with two exact outputs it
     * covers more inputs than rule S1, and never more than the truth allows (checked key by key).
     */
    @Test
    void everyAcceptedCoupledCaseIsTrulyCorrect() {
        List<SmallModels.Named> models = SmallModels.all(380, 12);
        long s1 = check(models, 500, CubicSoundnessTest::maxDiff, "sub-cubic max-diff (S1)")[1];
        for (int r : new int[] {0, 1, 2, 4}) {
            long[] s3 = check(models, 500, m -> coupled(m, r), "sub-cubic coupled (S3), r = " + r);
            if (r == 2) {
                assertTrue(s3[1] > s1, "S3 with r = 2 covers " + s3[1] + " inputs, S1 " + s1);
            }
        }
    }

    /** Narrow windows send most tokens through the coarse tail bounds, which small vocabularies rarely reach. */
    @Test
    void narrowWindowsAreSoundToo() {
        List<SmallModels.Named> models = SmallModels.all(120, 4);
        check(models, 150, m -> {
            CubicBounds b = new CubicBounds(m, CircuitTables.of(m), 1);
            int[] worst = new int[1];
            return (q, max, c, a) -> b.of(q, max, c, a, worst);
        }, "cubic (C1), window 1");
        check(models, 150, m -> {
            MaxDiffBounds b = new MaxDiffBounds(m, CircuitTables.of(m), 0);
            return (q, max, c, a) -> b.of(q, max, c, a, null);
        }, "sub-cubic max-diff (S1), window 0");
        for (int r : new int[] {1, 4}) {
            check(models, 150, m -> coupled(m, r, 1, 0), "sub-cubic coupled (S3), r = " + r + ", windows 1 and 0");
        }
    }

    @Test
    @Tag("slow")
    void everyAcceptedCaseIsTrulyCorrectOnManyMoreModels() {
        check(SmallModels.all(2000, 60), 2500, CubicSoundnessTest::cubic, "cubic (C1)");
        check(SmallModels.all(2000, 60), 2500, CubicSoundnessTest::maxDiff, "sub-cubic max-diff (S1)");
        check(SmallModels.all(2000, 60), 2500, m -> coupled(m, 2), "sub-cubic coupled (S3), r = 2");
        check(SmallModels.all(2000, 60), 2500, m -> coupled(m, 1, 1, 0), "sub-cubic coupled (S3), r = 1, windows 1, 0");
    }
}
