package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every limit of {@link Limits} at a small setting: input just within it is judged, input just beyond it is exit
 * 2 with file:line:column (in a certificate) and a message naming the option that raises it, never a stack trace
 * or exit 3. The fixed caps (case keys, lines) are tried at their real size where that is cheap. The audit's
 * limits: {@code AuditTest.certificatesBeyondALimitAreNotJudgedAndTheAuditIsUnusable}.
 */
class LimitsTest {
    @TempDir
    Path dir;

    /** A model (vocab v, context k) and a brute-force certificate claiming nothing, with its file name. */
    private Path[] bruteForce(int v, int k, int d) throws IOException {
        Path model = dir.resolve("m" + v + "-" + k + ".safetensors");
        Files.write(model, TestModels.randomModel(v, k, d, d, 7));
        Path cert = dir.resolve("c" + v + "-" + k + ".cert");
        Files.writeString(cert, "compact-proofs certificate 1\nmodel sha256:" + ModelReader.read(model).sha256()
                + "\ntask max-of-k vocab " + v + " context " + k + " distribution uniform\nclaim correct 0 of "
                + java.math.BigInteger.valueOf(v).pow(k) + "\nstrategy brute-force\nbrute-force\n");
        return new Path[] {model, cert};
    }

    private static CliRun check(Path[] mc, String... options) {
        String[] args = new String[options.length + 5];
        System.arraycopy(new String[] {"check", "--model", mc[0].toString(), "--cert", mc[1].toString()}, 0, args, 0, 5);
        System.arraycopy(options, 0, args, 5, options.length);
        return CliRun.of(args);
    }

    private static void refused(CliRun run, String where, String option) {
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(where), where + " in " + run);
        assertTrue(run.stderr().contains(option), option + " in " + run);
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
    }

    @Test
    void certificateBytesCountEveryByteOfTheText() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        long size = Files.size(mc[1]);
        assertEquals(ExitCodes.ACCEPTED, check(mc, "--max-certificate-bytes", "" + size).exitCode());
        refused(check(mc, "--max-certificate-bytes", "" + (size - 1)), mc[1] + ":6:12: certificate longer than "
                + (size - 1) + " bytes", "--max-certificate-bytes raises this limit");
    }

    /** A gzip certificate is limited by its text: 100 kB of gzip holding 20 MB of comments is refused. */
    @Test
    void gzipIsLimitedAfterDecompression() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        Path gz = dir.resolve("padded.cert.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(mc[1]));
            byte[] comment = ("#" + "x".repeat(998) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20_000; i++) {
                out.write(comment);
            }
        }
        assertTrue(Files.size(gz) < 200_000, "small on disk: " + Files.size(gz));
        Path[] mgz = {mc[0], gz};
        assertEquals(ExitCodes.ACCEPTED, check(mgz).exitCode());
        refused(check(mgz, "--max-certificate-bytes", "10000000"), gz + ":", "certificate longer than 10000000 bytes "
                + "(after decompression); --max-certificate-bytes raises this limit");
    }

    @Test
    void lineBytes() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        int longest = 13 + 64; // "model sha256:" and 64 hex digits
        assertEquals(ExitCodes.ACCEPTED, check(mc, "--max-line-bytes", "" + longest).exitCode());
        refused(check(mc, "--max-line-bytes", "" + (longest - 1)), mc[1] + ":2:" + longest + ": line longer than "
                + (longest - 1) + " bytes", "--max-line-bytes raises this limit");
        refused(check(mc, "--max-line-bytes", "0"), "error: every limit must be at least 1", "--max-line-bytes");
        refused(check(mc, "--max-model-bytes", "" + (1L << 31)), "error:", "--max-model-bytes at most");
    }

    @Test
    void modelBytes() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        long size = Files.size(mc[0]);
        assertEquals(ExitCodes.ACCEPTED, check(mc, "--max-model-bytes", "" + size).exitCode());
        refused(check(mc, "--max-model-bytes", "" + (size - 1)), mc[0] + ": file is " + size + " bytes",
                "--max-model-bytes raises this limit");
    }

    @Test
    void bruteForceInputs() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        assertEquals(ExitCodes.ACCEPTED, check(mc, "--max-brute-force-inputs", "216").exitCode());
        refused(check(mc, "--max-brute-force-inputs", "215"), mc[1] + ":6:1: rule brute-force: 6^3 = 216 inputs, "
                + "above the limit of 215", "--max-brute-force-inputs raises this limit");
    }

    /** Max-of-10 over 64 tokens: 64^10 inputs would overflow a long's worth of work; refused with the time. */
    @Test
    void bruteForceOfMaxOfTenIsRefusedWithItsTime() throws IOException {
        Path[] mc = bruteForce(64, 10, 4);
        CliRun run = check(mc, "--json");
        assertEquals(ExitCodes.UNUSABLE_INPUT, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("\"line\" : 6"), run.stdout());
        assertTrue(run.stdout().contains("64^10 = 1152921504606846976 inputs, above the limit of 2147483648; at about "
                + "14,000,000 inputs per second they would take about 2,610 years on one thread; "
                + "--max-brute-force-inputs raises this limit"), run.stdout());
        assertEquals(run.stdout(), check(mc, "--json", "--threads", "1").stdout(), "the same output on any threads");
    }

    /**
     * A hostile model of 32,768 tokens with d_model 1: vocab^2 * context = 2^31 keys would overflow the key
     * registry's int index. Refused at the task line, at the real cap, before any table is built.
     */
    @Test
    void caseKeysAreCappedAtTwoToTheTwentyFour() throws IOException {
        int v = 1 << 15;
        Path model = dir.resolve("wide.safetensors");
        Files.write(model, TestModels.randomModel(v, 2, 1, 1, 3));
        Path cert = dir.resolve("wide.cert");
        Files.writeString(cert, "compact-proofs certificate 1\nmodel sha256:" + ModelReader.read(model).sha256()
                + "\n# a comment\ntask max-of-k vocab " + v + " context 2 distribution uniform\nclaim correct 1 of "
                + (1L << 30) + "\nstrategy cubic\ncase query 0 max 1 nonmax 0 count 1\n");
        refused(check(new Path[] {model, cert}), cert + ":4:1: vocab^2 * context = 2147483648 case keys",
                "a fixed cap of the checker (at most 16777216 keys");
        Path[] mc = bruteForce(6, 3, 4);
        Limits keys = new Limits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 16, 1L << 40, 6 * 6 * 3 - 1, 100);
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> CertificateFile.check(mc[0], mc[1], 1, keys));
        assertTrue(e.overLimit() && e.getMessage().contains(":3:1: vocab^2 * context = 108 case keys"), e.getMessage());
        CertificateFile.check(mc[0], mc[1], 1, new Limits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 16, 1L << 40, 6 * 6 * 3, 100));
    }

    /**
     * --max-work: the tables' work is charged before any table is built, then every case's bound operations;
     * the check stops at the case that crosses the limit (seed 123's cubic check does 4.86 million).
     */
    @Test
    void workIsChargedForTheTablesUpFrontThenMeteredPerCase() {
        Path model = org.compactproofs.checker.RepositoryFiles.shippedModel(123);
        Path cert = org.compactproofs.checker.RepositoryFiles.root().resolve("certificates/max-of-4/seed-123/cubic.cert.gz");
        Path[] mc = {model, cert};
        long tables = org.compactproofs.checker.rules.Strategies.tableWork("cubic", ModelReader.read(model).model());
        refused(check(mc, "--max-work", "" + (tables - 1)), cert + ":6:10: the tables of strategy cubic on a model of vocab 64",
                "--max-work raises this limit");
        CliRun metered = check(mc, "--max-work", "" + (tables + 100_000));
        refused(metered, "the check has done ", "--max-work raises this limit");
        assertTrue(metered.stderr().contains("strategy cubic may need up to "), metered.stderr());
        assertTrue(metered.stderr().matches("(?s)error: " + java.util.regex.Pattern.quote(cert.toString())
                + ":([1-9][0-9]+):[0-9]+: rule case-row: the check has done .*"), metered.stderr());
        assertEquals(ExitCodes.ACCEPTED, check(mc, "--max-work", "" + (tables + 10_000_000)).exitCode());
        assertEquals(ExitCodes.ACCEPTED, check(mc).exitCode());
    }

    /** Line numbers are ints: a certificate of more lines than the cap is refused at the cap (here 5 lines). */
    @Test
    void linesAreCapped() throws IOException {
        Path[] mc = bruteForce(6, 3, 4);
        CertificateFile.check(mc[0], mc[1], 1, new Limits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 16, 1L << 40, 1 << 20, 6));
        Limits five = new Limits(1 << 20, 1 << 20, 1 << 20, 1 << 20, 1 << 16, 1L << 40, 1 << 20, 5);
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> CertificateFile.check(mc[0], mc[1], 1, five));
        assertTrue(e.overLimit() && e.getMessage().startsWith(mc[1] + ":5:1: the certificate goes on after line 5")
                && e.getMessage().contains("fixed cap"), e.getMessage());
    }

    /** A model within --max-model-bytes whose tensors do not fit in the heap: exit 2 naming the file, not exit 3. */
    @Test
    void aModelBeyondTheHeapIsUnusableNotAnInternalError() throws Exception {
        Path model = dir.resolve("mask.safetensors");
        byte[] header = "{\"blocks.0.attn.mask\":{\"dtype\":\"BOOL\",\"shape\":[4096,4096],\"data_offsets\":[0,16777216]}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[8 + header.length + (1 << 24)];
        java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(header.length).put(header);
        Files.write(model, file);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), CheckerMain.class.getName(), "inspect", "--model",
                model.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.UNUSABLE_INPUT, p.waitFor(), out);
        assertTrue(out.startsWith("error: " + model + ": does not fit in the Java heap"), out);
    }

    /**
     * A hostile shape under the key cap (v = 2,048, d_model 1: 8 million keys) whose exact v x v tables need far
     * more than a 64 MB heap: exit 2 with one line, never exit 3 or a stack trace.
     */
    @Test
    void tablesBeyondTheHeapAreUnusableNotAnInternalError() throws Exception {
        int v = 2048;
        Path model = dir.resolve("wide-tables.safetensors");
        Files.write(model, TestModels.randomModel(v, 2, 1, 1, 3));
        Path cert = dir.resolve("wide-tables.cert");
        Files.writeString(cert, "compact-proofs certificate 1\nmodel sha256:" + ModelReader.read(model).sha256()
                + "\ntask max-of-k vocab " + v + " context 2 distribution uniform\nclaim correct 1 of "
                + ((long) v * v) + "\nstrategy cubic\ncase query 0 max 1 nonmax 0 count 1\n");
        // with the previous default (2^28), refused before any table is built: the exact tables alone are above it
        String refused = run(model, cert, "--max-work", "" + (1L << 28));
        assertTrue(refused.contains("error: " + cert + ":5:10: the tables of strategy cubic on a model of vocab 2048"), refused);
        assertTrue(refused.contains("--max-work raises this limit"), refused);
        String out = run(model, cert); // within the default: the tables are charged, then do not fit in 64 MB
        assertTrue(out.contains("error: " + cert + ": the input needs more memory than this Java heap has"), out);
        assertFalse(out.contains("\tat "), out);
    }

    /** checker check in a JVM with a 64 MB heap: asserts exit 2 and returns what it printed. */
    private static String run(Path model, Path cert, String... options) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), CheckerMain.class.getName(), "check", "--model",
                model.toString(), "--cert", cert.toString()));
        command.addAll(List.of(options));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.UNUSABLE_INPUT, p.waitFor(), out);
        return out;
    }
}
