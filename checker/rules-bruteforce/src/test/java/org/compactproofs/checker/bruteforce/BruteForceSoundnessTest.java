package org.compactproofs.checker.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Rule B1 against the exact oracle: on every model the proven count never exceeds the true count, and equals it
 * whenever the checker reports no undecidable input.
 */
class BruteForceSoundnessTest {

    private static void check(List<SmallModels.Named> models, int minimum) {
        int total = 0, exact = 0, withTies = 0, exactPath = 0;
        for (SmallModels.Named named : models) {
            long truth = new ExactOracle(named.model()).trueCount();
            BruteForce.Result r = new BruteForce(named.model(), CircuitTables.of(named.model())).run(2);
            assertTrue(r.correct() <= truth, named + ": proved " + r.correct() + " but only " + truth + " are correct");
            if (r.undecidable() > 0) {
                TestFigures.report("undecidable: %s %s", named, r);
            }
            if (r.undecidable() == 0) {
                assertEquals(truth, r.correct(), named + ": no undecidable input, yet the count is not the truth");
                exact++;
            }
            withTies += r.exactProvenWrong() > 0 ? 1 : 0;
            exactPath += r.exactInputs() > 0 ? 1 : 0;
            total++;
        }
        assertTrue(total >= minimum, total + " models");
        assertTrue(exactPath > 0 && withTies > 0, "the edge models exercise the exact path and exact ties");
        TestFigures.report("brute-force soundness: %d models, %d with the exact count, %d used the exact path, "
                + "%d had inputs proven wrong exactly", total, exact, exactPath, withTies);
    }

    @Test
    void neverAboveTheTruthOnSmallModels() {
        check(SmallModels.all(100, 12), 200);
    }

    /** The exact path alone (no float filter) also gets the truth, on a sample of every kind of model. */
    @Test
    void exactPathAloneIsSoundAndComplete() {
        int proved = 0;
        List<SmallModels.Named> models = SmallModels.all(12, 2);
        for (SmallModels.Named named : models.subList(0, Math.min(models.size(), 60))) {
            if (named.model().inputCount() > 1500) {
                continue;
            }
            long truth = new ExactOracle(named.model()).trueCount();
            BruteForce.Result r = BruteForce.exactPathOnly(named.model(), CircuitTables.of(named.model())).run(2);
            assertEquals(r.inputs(), r.exactInputs());
            assertTrue(r.correct() <= truth, named.toString());
            assertEquals(0, r.undecidable(), named.toString());
            assertEquals(truth, r.correct(), named.toString());
            proved += r.exactExps() > 0 ? 1 : 0;
        }
        assertTrue(proved > 10, "exponentials were enclosed on " + proved + " models");
    }

    /**
     * The keyed form (Lemma B1.3): for every maximum M the walk covers exactly the (M+1)^k - M^k inputs of M and
     * proves what the oracle says of them (when nothing is undecidable; never more), and the keys together prove
     * exactly what the plain form proves, on trained, random and edge models.
     */
    @Test
    void keyedByMaxEqualsThePlainFormAndTheOracle() {
        int models = 0;
        for (SmallModels.Named named : SmallModels.all(40, 6)) {
            org.compactproofs.checker.model.Model m = named.model();
            int v = m.vocab(), k = m.context();
            long[] truthByMax = new long[v];
            ExactOracle oracle = new ExactOracle(m);
            int[] x = new int[k];
            for (long n = 0; n < m.inputCount(); n++) {
                long r = n;
                int max = 0;
                for (int i = k - 1; i >= 0; i--) {
                    x[i] = (int) (r % v);
                    r /= v;
                    max = Math.max(max, x[i]);
                }
                truthByMax[max] += oracle.isCorrect(x) ? 1 : 0;
            }
            BruteForce bf = new BruteForce(m, CircuitTables.of(m));
            BruteForce.Result plain = bf.run(2);
            long sum = 0;
            for (int max = 0; max < v; max++) {
                BruteForce.Result keyed = bf.run(2, Long.MAX_VALUE, max);
                assertEquals((long) Math.pow(max + 1, k) - (long) Math.pow(max, k), keyed.inputs(), named + " max " + max);
                assertEquals(keyed.inputs(), keyed.fastDecided() + keyed.fastProvenWrong() + keyed.exactInputs(),
                        named + " max " + max + ": every input of the key walked once");
                assertTrue(keyed.correct() <= truthByMax[max], named + " max " + max);
                if (keyed.undecidable() == 0) {
                    assertEquals(truthByMax[max], keyed.correct(), named + " max " + max);
                }
                sum += keyed.correct();
            }
            assertEquals(plain.correct(), sum, named + ": the keys together prove what the plain form proves");
            models++;
        }
        assertTrue(models >= 60, models + " models");
    }

    @Test
    @Tag("slow")
    void neverAboveTheTruthOnManyMoreModels() {
        check(SmallModels.all(1000, 60), 1000);
    }
}
