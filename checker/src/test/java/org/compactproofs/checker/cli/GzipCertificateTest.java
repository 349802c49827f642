package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archived certificates are gzipped: the checker reads them as they are; broken gzip is unusable input. */
class GzipCertificateTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzippedCertificateIsCheckedLikeItsText() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7));
        String sha = ModelReader.read(model).sha256();
        String text = "compact-proofs certificate 1\nmodel sha256:" + sha + "\ntask max-of-k vocab 6 context 3 distribution"
                + " uniform\nclaim correct 0 of 216\nstrategy brute-force\nbrute-force\n";
        Path plain = dir.resolve("c.cert");
        Files.writeString(plain, text);
        long proven = Checker.check(model, plain, 1).proven().longValueExact();
        String claimed = text.replace("claim correct 0", "claim correct " + proven);
        Path gz = dir.resolve("c.cert.gz");
        Files.write(gz, gzip(claimed.getBytes(StandardCharsets.UTF_8)));
        CliRun ok = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        Files.write(gz, gzip(claimed.replace("correct " + proven, "correct " + (proven + 1)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, CliRun.of("check", "--model", model.toString(), "--cert", gz.toString()).exitCode());
        byte[] whole = gzip(claimed.getBytes(StandardCharsets.UTF_8));
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        CliRun cut = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(2, cut.exitCode(), cut.toString());
        assertTrue(cut.stderr().contains("gzip"), cut.stderr());
        assertFalse(cut.stderr().contains("Exception"), cut.stderr());
        whole[whole.length / 2] ^= 0x55;
        Files.write(gz, whole);
        CliRun corrupt = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertTrue(corrupt.exitCode() == 2 || corrupt.exitCode() == 1, corrupt.toString());
        assertFalse(corrupt.stderr().contains("Exception") || corrupt.stderr().contains("\tat "), corrupt.stderr());
    }

    /**
     * A gzip bomb: 200 kB expanding to 200 MB of comment lines after a valid certificate. It is read as a stream,
     * line by line (bounded memory), and still judged: the comments change nothing.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aGzipBombIsStreamedAndJudged() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7));
        String sha = ModelReader.read(model).sha256();
        String text = "compact-proofs certificate 1\nmodel sha256:" + sha + "\ntask max-of-k vocab 6 context 3 distribution"
                + " uniform\nclaim correct 1 of 216\nstrategy brute-force\nbrute-force\n";
        Path gz = dir.resolve("bomb.cert.gz");
        byte[] comment = ("#" + "x".repeat(998) + "\n").getBytes(StandardCharsets.UTF_8);
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200_000; i++) {
                z.write(comment);
            }
        }
        assertTrue(Files.size(gz) < 2_000_000, "a small file: " + Files.size(gz));
        CliRun run = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(0, run.exitCode(), run.toString());
    }
}
