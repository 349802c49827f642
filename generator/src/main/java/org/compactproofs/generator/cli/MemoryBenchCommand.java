package org.compactproofs.generator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.PaddedCertificate;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Peak memory of the checker against certificate size: the cubic certificate of a model (the baseline) and the
 * same certificate padded to larger sizes ({@link PaddedCertificate}), each checked by {@code checker.jar check}
 * in its own JVM, whose peak resident set (VmHWM of /proc/PID/status, Linux) is sampled until it exits.
 */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Peak resident memory (VmHWM) and time (best of --repeat) of separate checker.jar check JVMs on a cubic certificate "
                + "(the baseline) and on the same certificate padded to the given sizes, with the JVM's default heap "
                + "and with -Xmx256m; ratios to the baseline. Linux only (reads /proc).")
final class MemoryBenchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
            description = "Model file (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--sizes", split = ",", defaultValue = "10000000,100000000",
            description = "Padded certificate sizes in bytes (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;
    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each (default: ${DEFAULT-VALUE}); the "
            + "shortest time and the highest peak are shown.")
    int repeat;

    /** A finished child process: exit code, wall-clock seconds, peak resident set in bytes (-1 if unknown). */
    record Run(int exitCode, double seconds, long peakRss, String stdout) {}

    /** Runs a command to its end, sampling its VmHWM every 5 ms; standard output is kept, stderr discarded. */
    static Run measure(List<String> command) throws IOException, InterruptedException {
        return measure(command, Integer.MAX_VALUE);
    }

    /** The same, stopping the command after {@code timeoutSeconds} (exit code -1). */
    static Run measure(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-memory", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = -1;
            while (!p.waitFor(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, vmHwm(status));
                if (System.nanoTime() - start > timeoutSeconds * 1e9) {
                    p.destroyForcibly().waitFor();
                    return new Run(-1, (System.nanoTime() - start) / 1e9, peak, Files.readString(out));
                }
            }
            return new Run(p.exitValue(), (System.nanoTime() - start) / 1e9, peak, Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static long vmHwm(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended between two samples: its last sample stands
        }
        return -1;
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(checkerJar)) {
            throw new UnusableInputException(checkerJar + ": no checker jar (build first: mvn -q package -DskipTests)");
        }
        Path dir = Files.createTempDirectory("bench-memory");
        try {
            List<Path> certs = new ArrayList<>();
            certs.add(dir.resolve("baseline.cert"));
            CubicProver.prove(ModelReader.read(model), certs.get(0));
            for (long size : sizes) {
                Path padded = dir.resolve("padded-" + size + ".cert");
                PaddedCertificate.write(certs.get(0), size, padded);
                certs.add(padded);
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            System.out.printf(Locale.ROOT, "checker.jar check of %s, one JVM per run, peak RSS = VmHWM%n", model);
            System.out.printf(Locale.ROOT, "%-17s %14s %-9s %8s %17s %12s %6s%n", "certificate", "bytes", "heap",
                    "seconds", "MB/s over baseline", "peak RSS MB", "ratio");
            for (String heap : new String[] {"default", "-Xmx256m"}) {
                double baseline = 0, baseSeconds = 0;
                long baseBytes = 0;
                for (Path cert : certs) {
                    List<String> cmd = new ArrayList<>(List.of(java));
                    if (!heap.equals("default")) {
                        cmd.add(heap);
                    }
                    cmd.addAll(List.of("-jar", checkerJar.toString(), "check", "--model", model.toString(),
                            "--cert", cert.toString(), "--threads", "1"));
                    Run r = null;
                    for (int i = 0; i < repeat; i++) {
                        Run next = measure(cmd);
                        if (next.exitCode() != 0 || !next.stdout().startsWith("ACCEPTED")) {
                            throw new IllegalStateException(cert + " not accepted (exit " + next.exitCode() + "): "
                                    + next.stdout());
                        }
                        r = r == null ? next : new Run(0, Math.min(r.seconds(), next.seconds()),
                                Math.max(r.peakRss(), next.peakRss()), r.stdout());
                    }
                    long size = Files.size(cert);
                    if (baseline == 0) {
                        baseline = r.peakRss();
                        baseSeconds = r.seconds();
                        baseBytes = size;
                    }
                    double rate = (size - baseBytes) / 1e6 / (r.seconds() - baseSeconds); // the JVM's start-up aside
                    System.out.printf(Locale.ROOT, "%-17s %,14d %-9s %8.2f %17s %12.1f %6.2f%n",
                            cert.getFileName().toString().replace(".cert", ""), size, heap, r.seconds(),
                            size == baseBytes ? "-" : String.format(Locale.ROOT, "%.1f", rate), r.peakRss() / 1e6,
                            r.peakRss() / baseline);
                }
            }
            return 0;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }
}
