package org.compactproofs.generator.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cubic proof's slice estimate (issue 16): its arithmetic, and its work against the whole proof's on a model. */
class SliceEstimateTest {
    @TempDir
    Path dir;

    @Test
    void weightsAndTheLineThroughTwoSlices() {
        assertEquals(8 + 9 + 10, SliceEstimate.weight(10, 3));
        assertEquals(64, SliceEstimate.weight(64, 1));
        List<SliceEstimate.Slice> slices = List.of(new SliceEstimate.Slice(1, 10, 3, 3, 3, null),
                new SliceEstimate.Slice(3, 30, 7, 7, 7, null));
        assertEquals(1 + 0.2 * 100, SliceEstimate.extrapolate(slices, SliceEstimate.Slice::checkSeconds, 100), 1e-12);
        List<SliceEstimate.Slice> noisy = List.of(new SliceEstimate.Slice(1, 10, 1, 1, 1, null),
                new SliceEstimate.Slice(3, 30, 5, 5, 5, null));
        assertEquals(0.2 * 100, SliceEstimate.extrapolate(noisy, SliceEstimate.Slice::checkSeconds, 100), 1e-12,
                "a negative fixed part is taken as zero");
    }

    /**
     * On a trained model, each slice is accepted and proves at most the whole proof's count, and the extrapolated
     * checker work is within a factor of two of the whole proof's, measured.
     */
    @Test
    void theExtrapolatedWorkMatchesTheWholeProofs() throws Exception {
        Path model = dir.resolve("m.safetensors");
        SafetensorsWriter.write(SmallModels.trained().stream().filter(n -> n.model().context() == 4 && n.model().vocab() >= 8)
                .findFirst().orElseThrow().model(), model);
        SliceEstimate.Estimate e = SliceEstimate.cubic(model, new int[] {1, 3}, dir, List.of());
        Path whole = dir.resolve("whole.cert");
        java.math.BigInteger claim = CubicProver.prove(ModelReader.read(model), whole);
        Verdict v = CertificateFile.check(model, whole, 1);
        assertTrue(v.accepted());
        long work = v.operations().values().stream().mapToLong(Long::longValue).sum();
        for (SliceEstimate.Slice s : e.slices()) {
            assertTrue(s.proven().compareTo(claim) <= 0, s + " proves more than the whole " + claim);
        }
        double ratio = e.checkerWork() / work;
        assertTrue(ratio > 0.5 && ratio < 2, "estimated " + e.checkerWork() + ", measured " + work);
    }
}
