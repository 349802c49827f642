package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.bruteforce.BruteForce;
import org.compactproofs.checker.bruteforce.Parallel;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/**
 * Errors in worker threads (issue 14, item 2): whatever a task throws reaches the caller unchanged, so the one
 * mapping of cli/Commands gives a worker's out-of-memory exit 2 and the -Xmx line, as for the main thread (it
 * was an IllegalStateException around the cause: exit 3).
 */
class WorkerErrorTest {
    @TempDir
    Path dir;

    @Test
    void parallelRethrowsWhatATaskThrewUnchanged() {
        OutOfMemoryError oom = new OutOfMemoryError("in a worker");
        List<Callable<Integer>> tasks = List.of(() -> 1, () -> {
            throw oom;
        }, () -> 3);
        assertSame(oom, assertThrows(OutOfMemoryError.class, () -> Parallel.map(tasks, 2)));
        UnusableInputException unusable = new UnusableInputException("x: unusable");
        assertSame(unusable, assertThrows(UnusableInputException.class,
                () -> Parallel.map(List.<Callable<Integer>>of(() -> {
                    throw unusable;
                }), 2)));
        IOException io = new IOException("disk");
        assertSame(io, assertThrows(UncheckedIOException.class, () -> Parallel.map(List.<Callable<Integer>>of(() -> {
            throw io;
        }), 1)).getCause());
        assertEquals(List.of(1, 2, 3), Parallel.map(List.<Callable<Integer>>of(() -> 1, () -> 2, () -> 3), 3));
    }

    /** A command whose work runs on worker threads, one of which runs out of memory. */
    @Command(name = "work")
    static final class Work implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--in-worker")
        boolean inWorker;

        @Override
        public Integer call() {
            Callable<Integer> fail = () -> {
                throw new OutOfMemoryError("Java heap space");
            };
            if (inWorker) {
                Parallel.map(List.of(() -> 0, fail), 2);
            } else {
                try {
                    fail.call();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return 0;
        }
    }

    @Test
    void aWorkersOutOfMemoryIsReportedAsTheMainThreadsIs() {
        CliRun worker = CliRun.of(new Work(), "--in-worker"), main = CliRun.of(new Work());
        assertEquals(ExitCodes.UNUSABLE_INPUT, worker.exitCode(), worker.toString());
        assertEquals(main.toString(), worker.toString());
        assertEquals("error: " + Commands.OUT_OF_MEMORY + "\n", worker.stderr());
    }

    /**
     * A real out-of-memory inside a brute-force worker, in a JVM whose heap (192 MB) holds the tables of a
     * vocabulary-2,048 model of small integer weights (shared BigIntegers) but not two workers' 64 MB walks: exit 2
     * with the -Xmx line and no stack trace (the previous build: exit 3, "internal error ... IllegalStateException:
     * java.lang.OutOfMemoryError"). With COMPACT_PROOFS_DEBUG the trace shows the error came from a worker.
     */
    @Test
    void aBruteForceWorkersOutOfMemoryIsExitTwo() throws Exception {
        int v = 2048;
        Path model = dir.resolve("ones.safetensors"), cert = dir.resolve("ones.cert");
        double[][] one = {{1}};
        double[][] wE = new double[v][1], wU = new double[1][v];
        for (int t = 0; t < v; t++) {
            wE[t][0] = 1;
            wU[0][t] = 1;
        }
        org.compactproofs.checker.model.Model m = new org.compactproofs.checker.model.Model(v, 2, 1, 1, wE,
                new double[2][1], one, one, one, one, wU, java.util.Map.of());
        Files.write(model, TestModels.bytes(m));
        Files.writeString(cert, header(model, v, 2, "0", "" + v * v) + "strategy brute-force\nbrute-force\n");
        for (boolean debug : new boolean[] {false, true}) {
            ProcessBuilder b = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx192m", "-cp", System.getProperty("java.class.path"), CheckerMain.class.getName(), "check",
                    "--model", model.toString(), "--cert", cert.toString(), "--threads", "2", "--max-work",
                    "" + Long.MAX_VALUE, "--max-exact-path-inputs", "" + Long.MAX_VALUE).redirectErrorStream(true);
            if (debug) {
                b.environment().put("COMPACT_PROOFS_DEBUG", "1");
            }
            Process p = b.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(ExitCodes.UNUSABLE_INPUT, p.waitFor(), out);
            assertTrue(out.contains("error: " + cert + ": " + Commands.OUT_OF_MEMORY), out);
            if (debug) {
                assertTrue(out.contains("BruteForce$QueryWalk"), "the error was raised in a worker: " + out);
            } else {
                assertEquals("error: " + cert + ": " + Commands.OUT_OF_MEMORY + "\n", out);
            }
        }
    }

    /**
     * A real out-of-memory inside the audit's worker thread, in a JVM with a 64 MB heap: the certificate whose
     * tables do not fit (vocabulary 2,048, with --max-work raised) fails with the -Xmx line; the other one is
     * judged; exit 2; no stack trace.
     */
    @Test
    void anAuditWorkerOutOfMemoryFailsThatCertificateOnly() throws Exception {
        Files.createDirectories(dir.resolve("m"));
        Path small = dir.resolve("m/small.safetensors"), wide = dir.resolve("m/wide.safetensors");
        Files.write(small, TestModels.randomModel(6, 3, 4, 4, 7));
        Files.write(wide, TestModels.randomModel(2048, 2, 1, 1, 3));
        Path smallCert = dir.resolve("small.cert"), wideCert = dir.resolve("wide.cert");
        Files.writeString(smallCert, header(small, 6, 3, "0", "216") + "strategy brute-force\nbrute-force\n");
        String claim = CertificateFile.check(small, smallCert, 1).proven().toString();
        Files.writeString(smallCert, header(small, 6, 3, claim, "216") + "strategy brute-force\nbrute-force\n");
        Files.writeString(wideCert, header(wide, 2048, 2, "1", "" + 2048 * 2048)
                + "strategy cubic\ncase query 0 max 1 nonmax 0 count 1\n");
        Files.writeString(dir.resolve("MANIFEST.json"), "{\"format\":\"compact-proofs manifest 1\",\"checker\":\"x\","
                + "\"entries\":[\n" + entry("small.cert", "m/small.safetensors", "brute-force", claim, "216") + ",\n"
                + entry("wide.cert", "m/wide.safetensors", "cubic", "1", "" + 2048 * 2048) + "]}\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m",
                "-cp", System.getProperty("java.class.path"), CheckerMain.class.getName(), "audit", dir.toString(),
                "--threads", "2", "--max-work", "" + Long.MAX_VALUE).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.UNUSABLE_INPUT, p.waitFor(), out);
        assertTrue(out.contains("OK      small.cert"), out);
        assertTrue(out.contains("FAILED  wide.cert  unusable: ") && out.contains("(raise it with -Xmx)"), out);
        assertTrue(out.contains("2 certificates listed = 1 accepted + 1 failed (1 of them beyond the limits)"), out);
        assertFalse(out.contains("\tat ") || out.contains("Exception"), out);
    }

    private static String header(Path model, int v, int k, String claim, String total) {
        return "compact-proofs certificate 1\nmodel sha256:" + ModelReader.read(model).sha256() + "\ntask max-of-k vocab "
                + v + " context " + k + " distribution uniform\nclaim correct " + claim + " of " + total + "\n";
    }

    private String entry(String cert, String model, String strategy, String claim, String total) {
        return String.format("{\"certificate\":\"%s\",\"certificateSha256\":\"%s\",\"model\":\"%s\",\"modelSha256\":\"%s\","
                + "\"strategy\":\"%s\",\"claim\":\"%s\",\"total\":\"%s\"}", cert, Auditor.sha256(dir.resolve(cert)),
                model, Auditor.sha256(dir.resolve(model)), strategy, claim, total);
    }
}
