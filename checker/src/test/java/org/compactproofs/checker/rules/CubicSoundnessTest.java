package org.compactproofs.checker.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule C1 against the exact oracle, case by case: on every small model, every key (query, max, nonmax, upto)
 * that the rule accepts contains only inputs that are truly correct. This is stronger than comparing totals:
 * an unsound case cannot hide behind another case's slack.
 */
class CubicSoundnessTest {

    /** Runs every key through the rule; returns {keys accepted, inputs covered by the best key per (q, m, c)}. */
    static long[] checkModel(SmallModels.Named named) {
        Model m = named.model();
        int v = m.vocab(), k = m.context();
        ExactOracle oracle = new ExactOracle(m);
        // smallestBad[q][max][c]: the smallest "largest non-max token" of a wrong input with that key
        // (-1 for a wrong input without non-max tokens, v when there is no wrong input)
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
            int q = x[k - 1], mx = 0, nonmax = 0, largest = -1;
            for (int t : x) {
                mx = Math.max(mx, t);
            }
            for (int i = 0; i < k - 1; i++) {
                if (x[i] != mx) {
                    nonmax++;
                    largest = Math.max(largest, x[i]);
                }
            }
            size[q][mx][nonmax][largest + 1]++;
            if (!oracle.isCorrect(x)) {
                smallestBad[q][mx][nonmax] = Math.min(smallestBad[q][mx][nonmax], largest);
            }
        }
        CubicBounds bounds = new CubicBounds(m, CircuitTables.of(m));
        long accepted = 0, covered = 0;
        int[] worst = new int[1];
        for (int max = 0; max < v; max++) {
            for (int q = 0; q <= max; q++) {
                for (int c = 0; c <= (q == max ? k - 1 : k - 2); c++) {
                    long best = 0, cumulative = 0;
                    for (int a = c == 0 ? -1 : 0; a < (c == 0 ? 0 : max); a++) {
                        cumulative += size[q][max][c][a + 1] + (a == 0 && c > 0 ? size[q][max][c][0] : 0);
                        if (bounds.caseBound(q, max, c, a, worst) > 0) {
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

    private static void decode(long n, int v, int[] x) {
        for (int i = x.length - 1; i >= 0; i--) {
            x[i] = (int) (n % v);
            n /= v;
        }
    }

    private static void check(List<SmallModels.Named> models, int minimum) {
        long accepted = 0, covered = 0, inputs = 0;
        for (SmallModels.Named named : models) {
            long[] r = checkModel(named);
            accepted += r[0];
            covered += r[1];
            inputs += named.model().inputCount();
        }
        assertTrue(models.size() >= minimum, models.size() + " models");
        assertTrue(accepted > 1000, "the rule accepts many keys: " + accepted);
        System.out.printf("cubic soundness: %d models, %d keys accepted, all sound; best keys cover %d of %d inputs%n",
                models.size(), accepted, covered, inputs);
    }

    @Test
    void everyAcceptedCaseIsTrulyCorrect() {
        check(SmallModels.all(380, 12), 500);
    }

    @Test
    @Tag("slow")
    void everyAcceptedCaseIsTrulyCorrectOnManyMoreModels() {
        check(SmallModels.all(2000, 60), 2500);
    }
}
