package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child process run to its end while its peak resident set (VmHWM of /proc/PID/status, Linux) is sampled every
 * 5 ms: the measurement of {@code bench memory} and {@code bench hostile}.
 */
public final class PeakMemory {
    /** A finished child process: exit code, wall-clock seconds, peak resident set in bytes (-1 if unknown). */
    public record Run(int exitCode, double seconds, long peakRss, String stdout) {}

    private PeakMemory() {}

    /** Runs a command to its end; standard output is kept, stderr discarded. */
    public static Run measure(List<String> command) throws IOException, InterruptedException {
        return measure(command, Integer.MAX_VALUE);
    }

    /** The same, stopping the command after {@code timeoutSeconds} (exit code -1). */
    public static Run measure(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bench-memory", ".out");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Path status = Path.of("/proc", Long.toString(p.pid()), "status");
            long peak = -1;
            while (!p.waitFor(5, TimeUnit.MILLISECONDS)) {
                peak = Math.max(peak, vmHwm(status));
                if (System.nanoTime() - start > timeoutSeconds * 1e9) {
                    p.destroyForcibly().waitFor();
                    return new Run(-1, Clock.seconds(start), peak, Files.readString(out));
                }
            }
            return new Run(p.exitValue(), Clock.seconds(start), peak, Files.readString(out));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** The command line of {@code java} itself (this JVM's), to start checker jars with. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
}
