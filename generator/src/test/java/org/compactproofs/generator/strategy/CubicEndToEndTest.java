package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cubic certificates as a user makes them, and what happens when they are tampered with. */
class CubicEndToEndTest {
    @TempDir
    Path dir;

    private Verdict proveAndCheck(Path model, Path cert) {
        CubicProver.prove(ModelReader.read(model), cert);
        return CertificateFile.check(model, cert, 2);
    }

    @Test
    void showcaseSeedIsCertifiedAboveThePapersAverage() {
        Verdict v = proveAndCheck(RepositoryFiles.shippedModel(123), dir.resolve("c.cert"));
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        double bound = v.certifiedCount().doubleValue() / 16_777_216;
        assertTrue(bound >= 0.953, "cubic bound " + bound);
        assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(16_772_770)) <= 0, "never above brute force");
    }

    /** The paper's own cubic proof gets 15,853,271 on the PyTorch model (float, uncertified); we must meet it. */
    @Test
    void pytorchFixtureBeatsThePapersCubicBound() {
        Verdict v = proveAndCheck(RepositoryFiles.pytorchFixture(), dir.resolve("c.cert"));
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(15_853_271)) >= 0, "" + v.certifiedCount());
        assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(16_746_440)) <= 0, "never above the true count");
    }

    /** On trained small models the accepted cubic count never exceeds the exact true count. */
    @Test
    void neverAboveTheTruthOnTrainedModels() throws Exception {
        for (SmallModels.Named named : SmallModels.trained()) {
            Path model = dir.resolve("m.safetensors");
            org.compactproofs.generator.model.SafetensorsWriter.write(named.model(), model);
            Verdict v = proveAndCheck(model, dir.resolve("m.cert"));
            assertTrue(v.accepted(), named + ": " + v.failure());
            long truth = new ExactOracle(named.model()).trueCount();
            assertTrue(v.certifiedCount().longValueExact() <= truth, named + ": " + v.certifiedCount() + " > " + truth);
        }
    }

    private static final Pattern CASE = Pattern.compile(
            "case query (\\d+) max (\\d+) nonmax (\\d+)(?: upto (\\d+))? count (\\d+)");

    private Verdict checkText(Path model, String text) throws Exception {
        Path cert = dir.resolve("mutant.cert");
        Files.writeString(cert, text);
        return CertificateFile.check(model, cert, 2);
    }

    /** Mutations on every case of a small model: an inflated count, a duplicated case, a dropped case. */
    @Test
    void tamperedCasesAreRejected() throws Exception {
        Path modelFile = dir.resolve("trained.safetensors");
        SmallModels.Named named = SmallModels.trained().stream()
                .filter(n -> n.name().startsWith("trained-v10-k3-d16-n200")).findFirst().orElseThrow();
        org.compactproofs.generator.model.SafetensorsWriter.write(named.model(), modelFile);
        Path cert = dir.resolve("valid.cert");
        assertTrue(proveAndCheck(modelFile, cert).accepted());
        List<String> lines = SingleSteps.expand(Files.readAllLines(cert));
        int cases = 0;
        for (int i = 0; i < lines.size(); i++) {
            Matcher mt = CASE.matcher(lines.get(i));
            if (!mt.matches()) {
                continue;
            }
            cases++;
            long count = Long.parseLong(mt.group(5));
            List<String> inflated = new ArrayList<>(lines);
            inflated.set(i, lines.get(i).replace("count " + count, "count " + (count + 1)));
            Verdict v = checkText(modelFile, String.join("\n", inflated));
            assertFalse(v.accepted(), "inflated count at line " + (i + 1));
            assertEquals(i + 1, v.failure().line());
            List<String> duplicated = new ArrayList<>(lines);
            duplicated.add(i, lines.get(i));
            v = checkText(modelFile, String.join("\n", duplicated));
            assertFalse(v.accepted(), "duplicate at line " + (i + 1));
            assertEquals(i + 2, v.failure().line());
            List<String> dropped = new ArrayList<>(lines);
            dropped.remove(i);
            v = checkText(modelFile, String.join("\n", dropped));
            assertFalse(v.accepted(), "dropped line " + (i + 1));
            assertEquals("claim", v.failure().rule());
        }
        assertTrue(cases > 50, cases + " cases");
    }

    /**
     * Enlarging a case (upto + 1, with the count recomputed so that only the bound can object) on a 64-token
     * model whose cases stop short of the maximum: the generator's upto is the largest its float bound allows,
     * so the checker rejects the enlargement at that line. An enlargement the checker still accepts (possible
     * only within the generator's safety margin) must hold only correct inputs (checked in double precision).
     */
    @Test
    void enlargedCasesAreRejected() throws Exception {
        Path cert = dir.resolve("valid.cert");
        assertTrue(proveAndCheck(RepositoryFiles.shippedModel(1185), cert).accepted());
        assertEnlargementsRejected(RepositoryFiles.shippedModel(1185), cert, "case");
    }

    /** The same for the sub-cubic max-diff rule S1, on the showcase model. */
    @Test
    void enlargedMaxDiffCasesAreRejected() throws Exception {
        assertShowcaseEnlargementsRejected("subcubic-maxdiff", "maxdiff-case", 97);
    }

    /** The same for the coupled rule S3 (two exact outputs), whose search runs the checker's own bound. */
    @Test
    void enlargedCoupledCasesAreRejected() throws Exception {
        assertShowcaseEnlargementsRejected("subcubic-coupled-2", "coupled-case", 5); // most cases already reach max - 1
    }

    /** Seed 123's certificate of a strategy, proved and accepted, then its cases enlarged one at a time. */
    private void assertShowcaseEnlargementsRejected(String strategy, String rule, int stride) throws Exception {
        Path model = RepositoryFiles.shippedModel(123);
        Path cert = dir.resolve("valid.cert");
        ProveCommandAccess.prove(strategy, model, cert);
        assertTrue(CertificateFile.check(model, cert, 2).accepted());
        assertEnlargementsRejected(model, cert, rule, stride);
    }

    /** The sub-cubic max-diff strategy beats the paper's best sub-cubic variant on the PyTorch model (0.6843). */
    @Test
    void maxDiffBeatsThePapersBestSubcubicOnTheFixture() {
        Path model = RepositoryFiles.pytorchFixture();
        Path cert = dir.resolve("s.cert");
        ProveCommandAccess.prove("subcubic-maxdiff", model, cert);
        Verdict v = CertificateFile.check(model, cert, 2);
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(11_479_791)) > 0, "" + v.certifiedCount());
        assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(16_746_440)) <= 0);
    }

    private void assertEnlargementsRejected(Path modelFile, Path cert, String rule) throws Exception {
        assertEnlargementsRejected(modelFile, cert, rule, 97);
    }

    /** Every {@code stride}-th case line, enlarged when it can be, until 15 such lines. */
    private void assertEnlargementsRejected(Path modelFile, Path cert, String rule, int stride) throws Exception {
        Model model = ModelReader.read(modelFile).model();
        List<String> lines = SingleSteps.expand(Files.readAllLines(cert));
        org.compactproofs.generator.model.FloatCircuits circuits = org.compactproofs.generator.model.FloatCircuits.of(model);
        int rejected = 0, accepted = 0;
        for (int i = 0; i < lines.size() && rejected + accepted < 15; i += stride) {
            Matcher mt = CASE.matcher(lines.get(i).replaceFirst("^" + rule + " ", "case "));
            if (!mt.matches() || mt.group(4) == null || Integer.parseInt(mt.group(4)) + 1 >= Integer.parseInt(mt.group(2))) {
                continue;
            }
            int q = Integer.parseInt(mt.group(1)), max = Integer.parseInt(mt.group(2)), c = Integer.parseInt(mt.group(3));
            int upto = Integer.parseInt(mt.group(4)) + 1;
            long newCount = binomial(model.context() - 1, c) * (long) Math.pow(upto + 1, c);
            List<String> enlarged = new ArrayList<>(lines);
            enlarged.set(i, rule + " query " + q + " max " + max + " nonmax " + c + " upto " + upto + " count " + newCount);
            Verdict v = checkText(modelFile, String.join("\n", enlarged));
            if (!v.accepted()) {
                rejected++;
                assertEquals(i + 1, v.failure().line());
                assertEquals(rule, v.failure().rule());
            } else {
                accepted++;
                assertCaseCorrectInDouble(circuits, model, q, max, c, upto);
            }
        }
        assertTrue(rejected >= 10 && accepted <= 1, "enlargements rejected " + rejected + ", accepted " + accepted);
    }

    private static void assertCaseCorrectInDouble(org.compactproofs.generator.model.FloatCircuits circuits, Model m,
                                                  int q, int max, int c, int upto) {
        int k = m.context();
        int[] x = new int[k];
        for (long n = 0; n < (long) Math.pow(max + 1, k - 1); n++) {
            long r = n;
            for (int i = k - 2; i >= 0; i--) {
                x[i] = (int) (r % (max + 1));
                r /= max + 1;
            }
            x[k - 1] = q;
            int nonmax = 0, largest = -1;
            boolean hasMax = q == max;
            for (int i = 0; i < k - 1; i++) {
                if (x[i] == max) {
                    hasMax = true;
                } else {
                    nonmax++;
                    largest = Math.max(largest, x[i]);
                }
            }
            if (hasMax && nonmax == c && largest <= upto) {
                double[] logits = circuits.logits(x);
                for (int o = 0; o < logits.length; o++) {
                    assertTrue(o == max || logits[max] > logits[o], "accepted enlarged case holds a wrong input");
                }
            }
        }
    }

    private static long binomial(int n, int r) {
        long b = 1;
        for (int i = 0; i < r; i++) {
            b = b * (n - i) / (i + 1);
        }
        return b;
    }

    private static void assertEnlargedCaseTrue(ExactOracle oracle, Model m, int q, int max, int c, int upto) {
        int v = m.vocab(), k = m.context();
        int[] x = new int[k];
        for (long n = 0; n < m.inputCount(); n++) {
            long r = n;
            for (int i = k - 1; i >= 0; i--) {
                x[i] = (int) (r % v);
                r /= v;
            }
            int mx = 0, nonmax = 0, largest = -1;
            for (int t : x) {
                mx = Math.max(mx, t);
            }
            for (int i = 0; i < k - 1; i++) {
                if (x[i] != mx) {
                    nonmax++;
                    largest = Math.max(largest, x[i]);
                }
            }
            if (x[k - 1] == q && mx == max && nonmax == c && largest <= upto) {
                assertTrue(oracle.isCorrect(x), "accepted enlarged case holds a wrong input");
            }
        }
    }
}
