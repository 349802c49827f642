package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16's round trip on a small budget: a vocabulary-512 model trained sample by sample (trainer 2), proved by a
 * sub-cubic strategy and accepted by the checker within its default limits, out of exactly 512^4 inputs.
 */
class LargeVocabularyEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aVocabulary512CertificateIsAcceptedWithinTheDefaultLimits() throws Exception {
        Path model = dir.resolve("v512.safetensors"), cert = dir.resolve("v512.cert");
        TrainingConfig c = TrainingConfig.paper(50).withSizes(512, 4, 32, 32).withSteps(1500).forVocabulary();
        assertEquals(2, c.trainer());
        SafetensorsWriter.write(Trainer.train(c, (s, n, l) -> { }), model);
        ProveCommandAccess.prove("subcubic-maxdiff", model, cert);
        Verdict v = CertificateFile.check(model, cert, 2);
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertEquals(BigInteger.valueOf(512).pow(4), v.header().total());
        assertTrue(v.certifiedCount().compareTo(v.header().total().divide(BigInteger.TWO)) > 0,
                "a sub-cubic bound above one half after 1,500 steps: " + v.certifiedCount());
    }
}
