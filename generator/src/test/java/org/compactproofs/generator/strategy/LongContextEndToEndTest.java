package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.ForwardPass;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.strategy.subcubic.MaxDiffSearch;
import org.compactproofs.generator.train.SplitMix64;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Max-of-20, where the 64^20 = 2^120 inputs cannot be enumerated: a trained model's sub-cubic max-diff certificate is
 * accepted with its exact count out of exactly 2^120, the count is the sum of its cases' sizes, and inputs drawn at
 * random that fall in a proven case are classified correctly.
 */
class LongContextEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aMaxOf20CertificateIsAcceptedWithItsExactCount() throws Exception {
        Path model = dir.resolve("k20.safetensors"), cert = dir.resolve("k20.cert");
        SafetensorsWriter.write(Trainer.train(TrainingConfig.paper(50).withSizes(64, 20, 32, 32).withSteps(1500),
                (s, n, l) -> { }), model);
        Model m = ModelReader.read(model).model(); // the weights as stored, which the certificate is about
        ProveCommandAccess.prove("subcubic-maxdiff", model, cert); // the command line: its report counts in BigInteger
        Verdict v = CertificateFile.check(model, cert, 2);
        BigInteger claim = v.header().claimedCorrect();
        assertTrue(v.accepted(), String.valueOf(v.failure()));
        assertEquals(BigInteger.ONE.shiftLeft(120), v.header().total());
        assertEquals(claim, v.certifiedCount());
        assertEquals(claim, v.proven(), "the steps prove exactly the claim");
        assertTrue(claim.compareTo(BigInteger.ONE.shiftLeft(119)) > 0, "more than half of the inputs: " + claim);
        BigInteger sum = BigInteger.ZERO;
        Map<Long, Integer> upTo = new HashMap<>();
        for (CaseStep c : new MaxDiffSearch(FloatCircuits.of(m)).cases()) { // the cases the certificate states
            sum = sum.add(c.count());
            upTo.put(((long) c.query() * 64 + c.max()) * 20 + c.nonmax(), c.upTo());
        }
        assertEquals(claim, sum);
        SplitMix64 rng = new SplitMix64(20);
        int[] x = new int[20];
        int inProvenCases = 0;
        for (int n = 0; n < 3000; n++) {
            // skewed draws too: uniform inputs almost always have a large maximum
            int bound = n % 2 == 0 ? 64 : 1 + rng.nextInt(64);
            for (int i = 0; i < 20; i++) {
                x[i] = rng.nextInt(bound);
            }
            int q = x[19], max = 0, nonmax = 0, largest = -1;
            for (int t : x) {
                max = Math.max(max, t);
            }
            for (int i = 0; i < 19; i++) {
                if (x[i] != max) {
                    nonmax++;
                    largest = Math.max(largest, x[i]);
                }
            }
            Integer a = upTo.get(((long) q * 64 + max) * 20 + nonmax);
            if (a != null && largest <= a) {
                inProvenCases++;
                assertTrue(ForwardPass.isCorrect(m, x), "an input of a proven case is misclassified: "
                        + java.util.Arrays.toString(x));
            }
        }
        assertTrue(inProvenCases > 1000, inProvenCases + " sampled inputs in proven cases");
    }
}
