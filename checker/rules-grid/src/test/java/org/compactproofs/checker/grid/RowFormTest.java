package org.compactproofs.checker.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.cases.CaseRowRule;
import org.compactproofs.checker.cases.CaseRule;
import org.compactproofs.checker.cases.CubicBounds;
import org.compactproofs.checker.cases.CubicSoundnessTest;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.checker.rules.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The row forms ({@code case-row}, {@code maxdiff-row}, {@code gap-row}, {@code coupled-row}, {@link CaseRowRule}) against the case
 * steps they stand for and against the exact oracle: on trained and small random models, for the three case rules,
 * a random row and its expansion into case steps (with their correct counts) get the same verdict, the same
 * failing key and the same count; every accepted row holds only truly correct inputs and counts exactly them.
 */
class RowFormTest {
    private static final Path CERT = Path.of("row-form-test.cert");
    /** The strategy of each case rule, and its row rule's name. */
    private static final String[][] RULES = {{"cubic", "case", "case-row"},
        {"subcubic-maxdiff", "maxdiff-case", "maxdiff-row"}, {"subcubic-union", "gap-case", "gap-row"},
        {"subcubic-coupled-2", "coupled-case", "coupled-row"}, {"subcubic-coupled-4", "coupled-case", "coupled-row"}};

    /** Runs steps through fresh rules of a strategy: the first failure (or null) and the count proven. */
    record Outcome(Failure failure, BigInteger proven) {}

    static Outcome run(Model model, String strategy, List<Step> steps) {
        List<Rule> rules = Strategies.rules(strategy);
        ProofState state = new ProofState(model, CERT, 1, org.compactproofs.checker.Limits.DEFAULT);
        for (Step s : steps) {
            Rule rule = rules.stream().filter(r -> r.name().equals(s.rule())).findFirst().orElseThrow();
            Failure f = rule.apply(s, state);
            if (f != null) {
                return new Outcome(f, state.proven());
            }
        }
        return new Outcome(null, state.proven());
    }

    static Step.Field field(String key, String value, int column) {
        return new Step.Field(key, value, !value.equals("none") && !value.equals("skip"), column, column + key.length() + 1);
    }

    static Step step(int line, String rule, String... keysAndValues) {
        List<Step.Field> fs = new ArrayList<>();
        int column = rule.length() + 2;
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fs.add(field(keysAndValues[i], keysAndValues[i + 1], column));
            column += keysAndValues[i].length() + keysAndValues[i + 1].length() + 2;
        }
        return new Step(line, 1, rule, fs);
    }

    /** A random row of (m, c): random ranges of queries, each skipped, or with a random (mostly small) upto. */
    static List<String> randomRow(Random r, int m, int c, int k) {
        List<String> kv = new ArrayList<>(List.of("max", Integer.toString(m), "nonmax", Integer.toString(c)));
        for (int q = 0, length; q <= m; q += length) {
            length = 1 + r.nextInt(Math.min(3, m + 1 - q));
            boolean impossible = c > (q == m ? k - 1 : k - 2);
            String value = r.nextInt(8) == 0 || (impossible && r.nextInt(4) > 0) || (c > 0 && m == 0) ? "skip"
                    : c == 0 ? "none" : Integer.toString(r.nextInt(3) == 0 ? r.nextInt(m) : r.nextInt(Math.min(m, 2)));
            kv.add("n" + length);
            kv.add(value);
            if (r.nextInt(10) == 0) {
                break; // the queries after the last range have no case
            }
        }
        return kv;
    }

    /** The case steps a row stands for, with their correct counts, in the row's order. */
    static List<Step> expand(String caseRule, List<String> row, int k) {
        int m = Integer.parseInt(row.get(1)), c = Integer.parseInt(row.get(3));
        List<Step> out = new ArrayList<>();
        for (int i = 4, start = 0, end; i < row.size(); i += 2, start = end) {
            end = start + Integer.parseInt(row.get(i).substring(1));
            String value = row.get(i + 1);
            for (int q = start; q < end && !value.equals("skip"); q++) {
                int a = value.equals("none") ? -1 : Integer.parseInt(value);
                BigInteger count = CaseRule.binomial(k - 1, c).multiply(BigInteger.valueOf(a + 1L).pow(c));
                List<String> kv = new ArrayList<>(List.of("query", "" + q, "max", "" + m, "nonmax", "" + c));
                if (a >= 0) {
                    kv.addAll(List.of("upto", "" + a));
                }
                kv.addAll(List.of("count", count.toString()));
                out.add(step(1, caseRule, kv.toArray(String[]::new)));
            }
        }
        return out;
    }

    /** One step through the strategy's rule of that name. */
    static Failure apply(List<Rule> rules, Step s, ProofState state) {
        return rules.stream().filter(r -> r.name().equals(s.rule())).findFirst().orElseThrow().apply(s, state);
    }

    /**
     * Per model and rule, one random row per (max, nonmax), each run in one state and its case steps in another
     * (stopping at the first failing step, as the row stops at its first failing case): the same failure and the
     * same count after every row; an accepted row's cases are compared with the oracle.
     */
    @Test
    void rowsAgreeWithTheirCaseStepsAndWithTheOracle() {
        Random r = new Random(7);
        long rows = 0, accepted = 0, cases = 0;
        for (SmallModels.Named named : SmallModels.all(150, 6)) {
            Model model = named.model();
            int v = model.vocab(), k = model.context();
            CubicSoundnessTest.Truth truth = CubicSoundnessTest.Truth.of(model);
            for (String[] rule : RULES) {
                List<Rule> rowRules = Strategies.rules(rule[0]), stepRules = Strategies.rules(rule[0]);
                ProofState byRow = new ProofState(model, CERT, 1, org.compactproofs.checker.Limits.DEFAULT), bySteps = new ProofState(model, CERT, 1, org.compactproofs.checker.Limits.DEFAULT);
                for (int m = 0; m < v; m++) {
                    for (int c = 0; c < k; c++) {
                        List<String> row = randomRow(r, m, c, k);
                        BigInteger before = byRow.proven();
                        Failure rowFailure = apply(rowRules, step(1, rule[2], row.toArray(String[]::new)), byRow);
                        Failure stepFailure = null;
                        for (Step s : expand(rule[1], row, k)) {
                            if ((stepFailure = apply(stepRules, s, bySteps)) != null) {
                                break;
                            }
                        }
                        String where = named + " " + rule[2] + " " + String.join(" ", row);
                        assertEquals(bySteps.proven(), byRow.proven(), where);
                        assertEquals(stepFailure == null, rowFailure == null, where);
                        if (rowFailure != null) {
                            assertEquals(stepFailure.inequality(), rowFailure.inequality(), where);
                            assertEquals(stepFailure.leftValue(), rowFailure.leftValue(), where);
                            assertEquals(stepFailure.rightValue(), rowFailure.rightValue(), where);
                        } else { // sound: every case of the accepted row holds only correct inputs, counted exactly
                            long size = 0;
                            for (Step s : expand(rule[1], row, k)) {
                                int q = Integer.parseInt(s.fields().get(0).value());
                                int a = s.fields().size() == 5 ? Integer.parseInt(s.fields().get(3).value()) : -1;
                                assertTrue(a < truth.smallestBad()[q][m][c], where + ": query " + q + " holds a wrong input");
                                for (int x = 0; x <= a + 1; x++) {
                                    size += truth.size()[q][m][c][x];
                                }
                                cases++;
                            }
                            assertEquals(BigInteger.valueOf(size), byRow.proven().subtract(before), where);
                            accepted++;
                        }
                        rows++;
                    }
                }
            }
        }
        assertTrue(accepted > 1000 && rows - accepted > 1000, accepted + " of " + rows + " rows accepted");
        TestFigures.report("rows: %d random rows, %d accepted (%d cases, all sound), each equal to its case steps",
                rows, accepted, cases);
    }

    /** A model and (m, c, a) with queries q0 < bad of one range where q0 is accepted and bad is the first refused. */
    @Test
    void aQueryFailingInTheMiddleOfARangeIsReportedAtThatRangesColumn() {
        for (SmallModels.Named named : SmallModels.all(40, 0)) {
            Model model = named.model();
            int v = model.vocab(), k = model.context();
            CubicBounds bounds = new CubicBounds(model, org.compactproofs.checker.model.CircuitTables.of(model));
            for (int m = 1; m < v && k >= 3; m++) {
                for (int q = 0; q + 1 < m; q++) {
                    int[] worst = new int[1];
                    if (bounds.of(q, m, 1, 0, worst) > 0 && !(bounds.of(q + 1, m, 1, 0, worst) > 0)) {
                        String range = "n" + (m + 1 - q); // queries q..m, after q queries skipped
                        Step row = q == 0 ? step(3, "case-row", "max", "" + m, "nonmax", "1", range, "0")
                                : step(3, "case-row", "max", "" + m, "nonmax", "1", "n" + q, "skip", range, "0");
                        Outcome o = run(model, "cubic", List.of(row));
                        assertNotNull(o.failure(), named.toString());
                        assertEquals(row.fields().get(q == 0 ? 2 : 3).column(), o.failure().column(), "the range's field");
                        assertEquals(3, o.failure().line());
                        assertTrue(o.failure().inequality().contains("query " + (q + 1) + " max " + m), o.failure().inequality());
                        assertEquals(CaseRule.binomial(k - 1, 1), o.proven(), "the accepted query counted, then the failure");
                        return;
                    }
                }
            }
        }
        throw new AssertionError("no model with a case accepted then refused along a range");
    }

    @Test
    void aKeyGivenByARowAndAgainByAStepOrRowIsRefused() {
        Model model = null;
        String m = null;
        for (SmallModels.Named named : SmallModels.trained()) { // a key (m, m, 0) both rules accept alone
            for (int max = named.model().vocab() - 1; max >= 1 && model == null; max--) {
                Step alone = step(6, "case-row", "max", "" + max, "nonmax", "0", "n" + max, "skip", "n1", "none");
                Step gap = step(6, "gap-row", "max", "" + max, "nonmax", "0", "n" + max, "skip", "n1", "none");
                if (run(named.model(), "cubic", List.of(alone)).failure() == null
                        && run(named.model(), "subcubic-union", List.of(gap)).failure() == null) {
                    model = named.model();
                    m = "" + max;
                }
            }
        }
        assertNotNull(model, "a trained model accepts some key (m, m, 0)");
        String skip = "n" + m; // the queries below m, skipped
        Step row = step(6, "case-row", "max", m, "nonmax", "0", skip, "skip", "n1", "none");
        Step single = step(7, "case", "query", m, "max", m, "nonmax", "0", "count", "1");
        Step overlapping = step(8, "case-row", "max", m, "nonmax", "0", skip, "skip", "n1", "none");
        for (List<Step> steps : List.of(List.of(row, single), List.of(single, row), List.of(row, overlapping))) {
            Failure f = run(model, "cubic", steps).failure();
            assertNotNull(f, steps.toString());
            assertEquals("each case key appears once", f.inequality());
        }
        Step s1 = step(6, "maxdiff-row", "max", m, "nonmax", "0", skip, "skip", "n1", "none");
        Step s2 = step(7, "gap-row", "max", m, "nonmax", "0", skip, "skip", "n1", "none");

        Failure f = run(model, "subcubic-union", List.of(s1, s2)).failure();
        assertNotNull(f, "subcubic-union shares one registry between maxdiff-row and gap-row");
        assertEquals("each case key appears once", f.inequality());
        assertEquals("already at line 6", f.rightValue());
    }
}
