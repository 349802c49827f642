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

    /**
     * The keyed form the generator writes above 2^31 inputs, on the PyTorch model (2^24 inputs, so the plain count is
     * known): the exact claim equals the plain brute force's, with one comment per key; the cubic claim is the
     * cubic proof's, and the checker's steps prove the exact count all the same.
     */
    @Test
    void keyedFormClaimsTheExactCountOrTheCubicOne() throws Exception {
        Path model = RepositoryFiles.pytorchFixture();
        ModelReader.ModelFile file = ModelReader.read(model);
        Path exact = dir.resolve("exact.cert");
        assertEquals(BigInteger.valueOf(16_746_440), BruteForceProver.proveKeyed(file, exact, 2, true, null, line -> { }));
        String text = Files.readString(exact);
        assertEquals(64, text.lines().filter(l -> l.matches("brute-force max \\d+")).count(), text);
        assertEquals(64, text.lines().filter(l -> l.matches("# max \\d+: \\d+ of \\d+ correct")).count(), text);
        Verdict v = CertificateFile.check(model, exact, 2);
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertEquals(BigInteger.valueOf(16_746_440), v.proven());

        BigInteger cubic = Strategies.CUBIC.prove(new ProofInput(file, 1), dir.resolve("cubic.cert"));
        Path lower = dir.resolve("lower.cert");
        assertEquals(cubic, BruteForceProver.proveKeyed(file, lower, 2, false, cubic, line -> { }));
        Verdict w = CertificateFile.check(model, lower, 2);
        assertTrue(w.accepted(), String.valueOf(w.failure()));
        assertEquals(cubic, w.certifiedCount());
        assertEquals(BigInteger.valueOf(16_746_440), w.proven());
        assertTrue(cubic.compareTo(w.proven()) < 0, cubic + " vs " + w.proven());
    }
}
