package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.ExactOracle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crafted model of certificates/models/external/ (vocabulary 8, 4,096 inputs; 1,020 correct), on which the
 * reference's sub-cubic verification claims 1,233 in all 50 of its mean_query+diff configurations (its step is not
 * an upper bound below the average, docs/rules.md Lemma S2.4). Every one of our 160 strategies proves it, the
 * trusted checker accepts every certificate, brute force certifies exactly the true count, and nothing certifies
 * more: in particular not our mean-query+diff, the sound form of the reference's step.
 */
class CraftedFixtureTest {
    private static final long TRUE_COUNT = 1_020;
    private static final String SHA256 = "83707305bfea0650d48cd021c71e9d10de3acdb13f9ddc2966a3e960fb0e669a";

    @TempDir
    Path dir;

    @Test
    void everyStrategyIsAcceptedAndNoneCertifiesMoreThanTheTrueCount() {
        Path model = RepositoryFiles.craftedFixture();
        ModelReader.ModelFile file = ModelReader.read(model);
        assertEquals(SHA256, file.sha256(), "the shipped copy of the fixture");
        assertEquals(TRUE_COUNT, new ExactOracle(file.model()).trueCount(), "exact arithmetic, every input");

        List<String> names = new ArrayList<>(List.of("brute-force", "cubic", "subcubic-maxdiff", "subcubic-union",
                "subcubic-coupled-0", "subcubic-coupled-1", "subcubic-coupled-2", "subcubic-coupled-4",
                "subcubic-staircase-2", "subcubic-staircase-4"));
        GridVariant.all().forEach(g -> names.add(g.name()));
        assertEquals(160, names.size());
        BigInteger truth = BigInteger.valueOf(TRUE_COUNT), best = BigInteger.ZERO;
        for (String name : names) {
            Path cert = dir.resolve(name + ".cert");
            ProveCommandAccess.prove(name, model, cert); // generator prove, as a user runs it
            Verdict v = CertificateFile.check(model, cert, 1);
            assertTrue(v.accepted(), name + ": " + v.failure());
            assertTrue(v.certifiedCount().compareTo(truth) <= 0, name + " certifies " + v.certifiedCount()
                    + ", more than the " + TRUE_COUNT + " inputs the model gets right");
            if (name.equals("brute-force")) {
                assertEquals(truth, v.certifiedCount(), "brute force certifies exactly the true count");
            }
            best = best.max(v.certifiedCount());
        }
        assertEquals(truth, best, "the best of the 160 reaches the true count");
    }

    /** The archive holds the model's 160 accepted certificates (generator sweep --external), none claiming more. */
    @Test
    void theArchiveListsEveryStrategyWithinTheTrueCount() {
        List<Manifest.Entry> entries = Manifest.read(RepositoryFiles.root().resolve("certificates")).entries().stream()
                .filter(e -> e.certificate().startsWith("external/crafted-max-of-4-vocab8/")).toList();
        assertEquals(160, entries.size());
        for (Manifest.Entry e : entries) {
            assertEquals(SHA256, e.modelSha256());
            assertEquals("models/external/crafted-max-of-4-vocab8.safetensors", e.model());
            assertTrue(new BigInteger(e.claim()).compareTo(BigInteger.valueOf(TRUE_COUNT)) <= 0, e.toString());
            if (e.strategy().equals("brute-force")) {
                assertEquals(String.valueOf(TRUE_COUNT), e.claim());
            }
        }
    }
}
