package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.TestFigures;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.bench.PeakMemory;
import org.compactproofs.generator.cert.PaddedCertificate;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming (issue 8): a valid 1 GB certificate (seed 123's cubic certificate, 6,188 case steps, each step's
 * integers written with thousands of leading zeros and the line ended by a long comment: see
 * {@link PaddedCertificate} for why no certificate is legitimately this long) is accepted, with the same count,
 * by the checker jar in a separate JVM limited to a 256 MB heap: it is read in one pass, one line at a time.
 */
@Tag("slow")
class StreamingCertificateTest {
    @TempDir
    Path dir;

    @Test
    void aGigabyteCertificateIsCheckedWithA256MegabyteHeap() throws Exception {
        Path jar = RepositoryFiles.root().resolve("checker/target/checker.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the packaged checker jar (mvn verify builds it first)");
        Path model = RepositoryFiles.shippedModel(123);
        Path small = dir.resolve("cubic.cert"), big = dir.resolve("padded.cert");
        BigInteger claim = CubicProver.prove(ModelReader.read(model), small);
        long size = PaddedCertificate.write(small, 1_000_000_000L, big);
        assertTrue(size > 990_000_000L && size < 1_010_000_000L, "about 1 GB: " + size);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        PeakMemory.Run run = PeakMemory.measure(List.of(java, "-Xmx256m", "-jar", jar.toString(),
                "check", "--model", model.toString(), "--cert", big.toString(), "--threads", "1"));
        assertEquals(0, run.exitCode(), run.stdout());
        assertTrue(run.stdout().contains("proven    " + claim + " of 16777216 inputs correct"), run.stdout());
        TestFigures.report("streaming: %,d bytes checked with -Xmx256m in %.1f s (%.0f MB/s), peak RSS %.0f MB",
                size, run.seconds(), size / 1e6 / run.seconds(), run.peakRss() / 1e6);
    }
}
