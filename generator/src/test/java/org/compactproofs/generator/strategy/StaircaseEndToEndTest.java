package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.generator.strategy.cubic.CaseFinder;
import org.compactproofs.generator.strategy.staircase.StaircaseStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strategy subcubic-staircase-R (rule S4) as a user runs it: proved, checked by the checker, above rule S3 on the
 * same bound, below the truth, and its staircases refused when enlarged or miscounted.
 */
class StaircaseEndToEndTest {
    @TempDir
    Path dir;

    private static final Pattern STAIR = Pattern.compile(
            "staircase-case query (\\d+) max (\\d+) nonmax (\\d+) upto (\\d+) rest (\\d+) count (\\d+)");

    private Verdict proveAndCheck(String strategy, Path model, Path cert) {
        ProveCommandAccess.prove(strategy, model, cert);
        return CertificateFile.check(model, cert, 2);
    }

    private BigInteger certified(String strategy, Path model) {
        Verdict v = proveAndCheck(strategy, model, dir.resolve(strategy + ".cert"));
        assertTrue(v.accepted(), strategy + ": " + v.failure());
        return v.certifiedCount();
    }

    /**
     * Seed 123: staircases on rule S3's bound certify 0.9984 (rule S3's plain cases 0.9899, cubic 0.99933), never
     * above brute force's 16,772,770, and at least as much as the same R's plain cases.
     */
    @Test
    void showcaseSeedComesWithinAFifthOfAPointOfCubic() {
        Path model = RepositoryFiles.shippedModel(123);
        for (int r : StaircaseStrategy.EXACT_OUTPUTS) {
            BigInteger stairs = certified("subcubic-staircase-" + r, model);
            BigInteger plain = certified("subcubic-coupled-" + r, model);
            assertTrue(stairs.compareTo(plain) > 0, "r = " + r + ": staircases " + stairs + ", plain " + plain);
            assertTrue(stairs.compareTo(BigInteger.valueOf(16_772_770)) <= 0, "above brute force: " + stairs);
            assertTrue(stairs.doubleValue() / 16_777_216 >= 0.998, "subcubic-staircase-" + r + " " + stairs);
        }
    }

    /** The PyTorch-trained model: above rule S3's plain cases and never above its exact count 16,746,440. */
    @Test
    void pytorchFixtureAboveThePlainCases() {
        BigInteger stairs = certified("subcubic-staircase-2", RepositoryFiles.pytorchFixture());
        BigInteger plain = certified("subcubic-coupled-2", RepositoryFiles.pytorchFixture());
        assertTrue(stairs.compareTo(plain) > 0, stairs + " vs " + plain);
        assertTrue(stairs.compareTo(BigInteger.valueOf(16_746_440)) <= 0, "" + stairs);
    }

    /**
     * Seed 123's staircases as single steps, each changed in one way at a time: upto + 1 or rest + 1 (with the
     * count that fits) is rejected at its line unless the larger staircase really holds (checked by the oracle);
     * a count off by one, a rest above upto, a rest with nonmax 1, and the row form's misplaced rest are refused.
     */
    @Test
    void changedStaircasesAreRefused() throws Exception {
        Path model = RepositoryFiles.shippedModel(123);
        Path cert = dir.resolve("valid.cert");
        assertTrue(proveAndCheck("subcubic-staircase-2", model, cert).accepted());
        List<String> rows = Files.readAllLines(cert);
        List<String> lines = SingleSteps.expand(rows);
        Verdict expanded = check(model, lines);
        assertTrue(expanded.accepted(), "the single steps are accepted as the rows are: " + expanded.failure());
        ExactOracle oracle = new ExactOracle(org.compactproofs.checker.model.ModelReader.read(model).model());
        int rejected = 0, held = 0, stairs = 0;
        for (int i = 0; i < lines.size() && stairs < 24; i++) {
            Matcher mt = STAIR.matcher(lines.get(i));
            if (!mt.matches()) {
                continue;
            }
            stairs++;
            int q = Integer.parseInt(mt.group(1)), m = Integer.parseInt(mt.group(2)), c = Integer.parseInt(mt.group(3));
            int a = Integer.parseInt(mt.group(4)), b = Integer.parseInt(mt.group(5));
            for (int[] ab : new int[][] {{a + 1, b}, {a, b + 1}}) {
                if (ab[0] >= m || ab[1] > ab[0]) {
                    continue;
                }
                Verdict v = check(model, replace(lines, i, step(q, m, c, ab[0], ab[1], count(c, ab[0], ab[1]))));
                if (v.accepted()) {
                    held++;
                    assertTrue(holds(oracle, q, m, c, ab[0], ab[1]), "an enlarged staircase accepted with a wrong input");
                } else {
                    rejected++;
                    assertEquals(i + 1, v.failure().line());
                    assertEquals("staircase-case", v.failure().rule());
                }
            }
            assertRejectedAt(model, replace(lines, i, step(q, m, c, a, b, count(c, a, b).add(BigInteger.ONE))), i + 1);
            assertRejectedAt(model, replace(lines, i, step(q, m, c, a, a + 1, count(c, a, b))), i + 1);
        }
        assertTrue(stairs >= 20 && rejected >= 30 && held <= 6,
                stairs + " staircases, enlargements rejected " + rejected + ", held " + held);
        int plainLine = lines.indexOf(lines.stream().filter(l -> l.startsWith("staircase-case") && l.contains(" nonmax 1 upto"))
                .findFirst().orElseThrow());
        String withRest = lines.get(plainLine).replaceFirst(" count ", " rest 0 count ");
        assertUnusableAt(model, replace(lines, plainLine, withRest), plainLine + 1, "rest is meaningful only");
        int row = rows.indexOf(rows.stream().filter(l -> l.contains(" rest ")).findFirst().orElseThrow());
        String[] t = rows.get(row).split(" ");
        String misplaced = String.join(" ", t[0], t[1], t[2], t[3], t[4], "rest", "0") + " "
                + String.join(" ", java.util.Arrays.copyOfRange(t, 5, t.length));
        assertUnusableAt(model, replace(rows, row, misplaced), row + 1, "a rest follows a range");
        assertUnusableAt(model, replace(rows, row, rows.get(row).replaceFirst(" rest \\d+", " rest x")), row + 1,
                "a rest is an integer");
    }

    private static BigInteger count(int c, int a, int b) {
        return CaseFinder.binomial(3, c).multiply(org.compactproofs.checker.cases.CaseRule.size(c, a, b));
    }

    private static String step(int q, int m, int c, int a, int b, BigInteger count) {
        return "staircase-case query " + q + " max " + m + " nonmax " + c + " upto " + a + " rest " + b + " count " + count;
    }

    private static List<String> replace(List<String> lines, int i, String line) {
        List<String> out = new ArrayList<>(lines);
        out.set(i, line);
        return out;
    }

    private Verdict check(Path model, List<String> lines) throws Exception {
        Path cert = dir.resolve("mutant.cert");
        Files.writeString(cert, String.join("\n", lines) + "\n");
        return CertificateFile.check(model, cert, 2);
    }

    private void assertRejectedAt(Path model, List<String> lines, int line) throws Exception {
        Verdict v = check(model, lines);
        assertFalse(v.accepted());
        assertEquals(line, v.failure().line());
    }

    /** Unusable input (exit 2 from the command) at this line, with this message. */
    private void assertUnusableAt(Path model, List<String> lines, int line, String message) {
        CertificateFormatException e = assertThrows(CertificateFormatException.class, () -> check(model, lines));
        assertTrue(e.getMessage().contains(":" + line + ":"), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    /** Whether every input of the staircase is correct, by the exact oracle (Max-of-4). */
    private static boolean holds(ExactOracle oracle, int q, int m, int c, int a, int b) {
        int[] x = new int[4];
        x[3] = q;
        for (int n = 0; n < (m + 1) * (m + 1) * (m + 1); n++) {
            x[0] = n % (m + 1);
            x[1] = n / (m + 1) % (m + 1);
            x[2] = n / (m + 1) / (m + 1);
            int nonmax = 0, above = 0;
            boolean hasMax = q == m;
            for (int i = 0; i < 3; i++) {
                if (x[i] == m) {
                    hasMax = true;
                } else {
                    nonmax++;
                    above += x[i] > b ? 1 : 0;
                    if (x[i] > a) {
                        above = 9;
                    }
                }
            }
            if (hasMax && nonmax == c && above <= 1 && !oracle.isCorrect(x)) {
                return false;
            }
        }
        return true;
    }
}
