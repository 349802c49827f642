package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.model.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's commands as a user runs them: output, files and exit codes. */
class GeneratorCliTest {
    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(new GeneratorMain(), args);
    }

    private static void assertNoStackTrace(CliRun r) {
        assertFalse(r.stderr().contains("\tat ") || r.stderr().contains("Exception"), r.stderr());
    }

    @Test
    void trainThenAccuracy() {
        Path model = dir.resolve("tiny.safetensors");
        CliRun train = run("train", "--seed", "3", "--vocab", "8", "--context", "3", "--steps", "2000", "--out", model.toString());
        assertEquals(0, train.exitCode(), train.stderr());
        assertTrue(train.stdout().contains("accuracy 512 / 512"), train.stdout());
        assertTrue(train.stderr().contains("step 2000/2000"), "progress lines when not a terminal: " + train.stderr());
        assertEquals("8", ModelReader.read(model).model().metadata().get("vocab"));
        CliRun acc = run("accuracy", model.toString());
        assertEquals(0, acc.exitCode());
        assertTrue(acc.stdout().contains("correct 512 of 512 inputs"), acc.stdout());
    }

    @Test
    void trainSeedsWritesAnIndexAndResumes() throws Exception {
        String[] args = {"train-seeds", "--seeds", "5,6", "--dir", dir.toString(), "--vocab", "6", "--context", "2",
                "--steps", "300", "--jobs", "2", "--samples", "20000"};
        CliRun first = run(args);
        assertEquals(0, first.exitCode(), first.stderr());
        assertTrue(Files.exists(dir.resolve("seed-5.safetensors")));
        String index = Files.readString(dir.resolve("index.json"));
        assertTrue(index.contains("\"seed\" : 6"), index);
        assertTrue(index.contains("\"accuracy\" : ") && index.contains("\"sampledAccuracyEstimate\" : ")
                && index.contains("\"sampledAccuracy95Low\" : ") && index.contains("\"samples\" : 20000")
                && index.contains("ESTIMATE, not a certified bound"), index);
        CliRun again = run(args);
        assertTrue(again.stderr().contains("training 0 seeds (2 already up to date)"), again.stderr());
        assertEquals(index, Files.readString(dir.resolve("index.json")));
    }

    @Test
    void malformedModelIsUnusableInput() throws Exception {
        Path bad = dir.resolve("bad.safetensors");
        Files.writeString(bad, "this is not a model");
        CliRun r = run("accuracy", bad.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.stderr().contains(bad.toString()), r.stderr());
        assertNoStackTrace(r);
    }

    @Test
    void badOptionsAreUnusableInput() {
        CliRun r = run("train", "--seed", "x", "--out", dir.resolve("m").toString());
        assertEquals(2, r.exitCode());
        assertNoStackTrace(r);
        CliRun sizes = run("train", "--seed", "1", "--vocab", "1", "--out", dir.resolve("m").toString());
        assertEquals(2, sizes.exitCode());
        assertTrue(sizes.stderr().contains("vocab >= 2"), sizes.stderr());
        assertNoStackTrace(sizes);
        for (String factor : new String[] {"0.5", "65", "NaN"}) {
            CliRun blunt = run("train", "--seed", "1", "--sharpen", factor, "--out", dir.resolve("m").toString());
            assertEquals(2, blunt.exitCode(), factor);
            assertTrue(blunt.stderr().contains("--sharpen in [1, 64]"), blunt.stderr());
            assertNoStackTrace(blunt);
        }
    }

    @Test
    void unwritableOutputIsReportedWithoutStackTrace() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        CliRun r = run("train", "--seed", "1", "--vocab", "4", "--context", "2", "--steps", "1", "--quiet",
                "--out", file.resolve("sub/model.safetensors").toString());
        assertTrue(r.exitCode() == 2, r.stderr());
        assertTrue(r.stderr().contains("cannot write"), r.stderr());
        assertNoStackTrace(r);
    }

    /** A sampled accuracy is labelled as an estimate with its interval, on request or automatically above 2^31. */
    @Test
    void accuracySamplesOnRequestAndAboveTheEnumerationLimit() {
        Path small = dir.resolve("small.safetensors");
        assertEquals(0, run("train", "--seed", "3", "--vocab", "8", "--context", "3", "--steps", "50", "--quiet",
                "--out", small.toString()).exitCode());
        CliRun sampled = run("accuracy", small.toString(), "--samples", "5000");
        assertEquals(0, sampled.exitCode(), sampled.stderr());
        assertTrue(sampled.stdout().contains("accuracy ESTIMATE ") && sampled.stdout().contains("95% Wilson interval")
                && sampled.stdout().contains("not a certified bound"), sampled.stdout());
        Path big = dir.resolve("big.safetensors"); // 8^11 = 2^33 inputs
        assertEquals(0, run("train", "--seed", "3", "--vocab", "8", "--context", "11", "--steps", "1", "--quiet",
                "--out", big.toString()).exitCode());
        CliRun auto = run("accuracy", big.toString(), "--threads", "2");
        assertEquals(0, auto.exitCode(), auto.stderr());
        assertTrue(auto.stdout().contains("8^11 = 8589934592 inputs are too many to enumerate")
                && auto.stdout().contains("accuracy ESTIMATE "), auto.stdout());
    }

    /** Brute force refuses above 2^31 inputs before starting, with the time it would take at a measured rate. */
    @Test
    void bruteForceRefusesWithItsEstimatedCost() {
        Path big = dir.resolve("big.safetensors");
        assertEquals(0, run("train", "--seed", "3", "--vocab", "8", "--context", "11", "--steps", "1", "--quiet",
                "--out", big.toString()).exitCode());
        CliRun r = run("prove", "--strategy", "brute-force", "--model", big.toString(), "--out",
                dir.resolve("c.cert").toString(), "--threads", "2");
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("8^11 = 8589934592 inputs is out of reach")
                && r.stderr().contains("inputs/s (measured now") && r.stderr().contains("would need"), r.stderr());
        assertFalse(Files.exists(dir.resolve("c.cert")));
        assertNoStackTrace(r);
    }
}
