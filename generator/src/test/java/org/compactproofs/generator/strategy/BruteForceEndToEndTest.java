package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.strategy.bruteforce.BruteForceProver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's brute-force certificates, checked by the checker, as a user would run them. */
class BruteForceEndToEndTest {
    @TempDir
    Path dir;

    private Verdict proveAndCheck(Path model) {
        Path cert = dir.resolve("c.cert");
        BruteForceProver.prove(ModelReader.read(model), cert, 2);
        return CertificateFile.check(model, cert, 2);
    }

    /** The PyTorch model: the checker certifies exactly its true count (16,746,440; documented in the fixture). */
    @Test
    void pytorchFixtureIsCertifiedAtItsTrueCount() {
        Verdict v = proveAndCheck(RepositoryFiles.pytorchFixture());
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertEquals(BigInteger.valueOf(16_746_440), v.certifiedCount());
        assertEquals(BigInteger.valueOf(16_746_440), v.proven());
    }

    @Test
    void shippedShowcaseModelIsCertified() throws Exception {
        Path model = RepositoryFiles.shippedModel(123);
        Verdict v = proveAndCheck(model);
        assertTrue(v.accepted());
        assertEquals(BigInteger.valueOf(16_772_770), v.certifiedCount());
        String text = Files.readString(dir.resolve("c.cert"));
        assertTrue(text.contains("claim correct 16772770 of 16777216"), text);
        assertTrue(text.contains("model sha256:" + ModelReader.read(model).sha256()), text);
    }
}
