package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.strategy.coupled.CoupledStrategy;
import org.compactproofs.generator.strategy.staircase.StaircaseStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strategy subcubic-coupled-R (rule S3) as a user runs it: proved, checked by the checker, below the truth. */
class CoupledEndToEndTest {
    @TempDir
    Path dir;

    private BigInteger certified(String strategy, Path model) {
        Path cert = dir.resolve(strategy + ".cert");
        ProveCommandAccess.prove(strategy, model, cert);
        Verdict v = CertificateFile.check(model, cert, 2);
        assertTrue(v.accepted(), strategy + ": " + v.failure());
        return v.certifiedCount();
    }

    /**
     * Seed 123: S3 with two exact outputs within about a point of the cubic proof (0.99933), far above rule S1
     * (0.9011) and subcubic-union (0.9207); more exact outputs never certify less here, and none above the truth
     * (brute force: 16,772,770).
     */
    @Test
    void showcaseSeedComesWithinAPointOfCubic() {
        Path model = RepositoryFiles.shippedModel(123);
        BigInteger previous = BigInteger.ZERO;
        for (int r : CoupledStrategy.EXACT_OUTPUTS) {
            BigInteger count = certified("subcubic-coupled-" + r, model);
            assertTrue(count.compareTo(previous) >= 0, r + " exact outputs: " + count + " < " + previous);
            assertTrue(count.compareTo(BigInteger.valueOf(16_772_770)) <= 0, "above brute force: " + count);
            previous = count;
            if (r == 2) {
                assertTrue(count.doubleValue() / 16_777_216 >= 0.985, "subcubic-coupled-2 " + count);
            }
        }
    }

    /** The PyTorch-trained model: above subcubic-union's 0.9113 and never above its exact count 16,746,440. */
    @Test
    void pytorchFixtureAboveTheUnion() {
        BigInteger count = certified("subcubic-coupled-2", RepositoryFiles.pytorchFixture());
        assertTrue(count.doubleValue() / 16_777_216 > 0.92, "" + count);
        assertTrue(count.compareTo(BigInteger.valueOf(16_746_440)) <= 0, "" + count);
    }

    /** On trained small models every variant of rules S3 and S4 is accepted and never above the exact true count. */
    @Test
    void neverAboveTheTruthOnTrainedModels() throws Exception {
        for (SmallModels.Named named : SmallModels.trained()) {
            Path model = dir.resolve("m.safetensors");
            org.compactproofs.generator.model.SafetensorsWriter.write(named.model(), model);
            long truth = new ExactOracle(named.model()).trueCount();
            for (int r : CoupledStrategy.EXACT_OUTPUTS) {
                BigInteger count = certified("subcubic-coupled-" + r, model);
                assertTrue(count.longValueExact() <= truth, named + ", r = " + r + ": " + count + " > " + truth);
            }
            for (int r : StaircaseStrategy.EXACT_OUTPUTS) {
                BigInteger count = certified("subcubic-staircase-" + r, model);
                assertTrue(count.longValueExact() <= truth, named + ", staircases, r = " + r + ": " + count);
            }
        }
    }
}
