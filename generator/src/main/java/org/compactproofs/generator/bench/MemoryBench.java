package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.PaddedCertificate;
import org.compactproofs.generator.strategy.cubic.CubicProver;

/**
 * Peak memory of the checker against certificate size: the cubic certificate of a model (the baseline) and the
 * same certificate padded to larger sizes ({@link PaddedCertificate}), each checked by {@code checker.jar check}
 * in its own JVM ({@link PeakMemory}), with the JVM's default heap and with -Xmx256m. The certificates live in a
 * temporary directory until {@link #close}.
 */
public final class MemoryBench implements AutoCloseable {
    /** The heaps measured: the JVM's default, then 256 MB. */
    public static final List<String> HEAPS = List.of("default", "-Xmx256m");

    /**
     * One certificate under one heap: its name, bytes, the shortest time of the runs, the rate over the baseline in
     * MB/s (null for the baseline itself), the highest peak RSS in bytes and its ratio to the baseline's.
     */
    public record Row(String certificate, long bytes, String heap, double seconds, Double rateOverBaseline,
                      long peakRss, double ratio) {}

    private final Path model;
    private final TempDirectory dir = new TempDirectory("bench-memory");
    private final List<Path> certificates = new ArrayList<>();

    /** Writes the model's cubic certificate and its padded copies of the given sizes. */
    public MemoryBench(Path model, List<Long> sizes) throws IOException {
        this.model = model;
        try {
            certificates.add(dir.path().resolve("baseline.cert"));
            CubicProver.prove(ModelReader.read(model), certificates.get(0));
            for (long size : sizes) {
                Path padded = dir.path().resolve("padded-" + size + ".cert");
                PaddedCertificate.write(certificates.get(0), size, padded);
                certificates.add(padded);
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** Checks each certificate {@code repeat} times under each heap, giving {@code out} a row per certificate and heap. */
    public void run(Path checkerJar, int repeat, Consumer<Row> out) throws IOException, InterruptedException {
        for (String heap : HEAPS) {
            double baseline = 0, baseSeconds = 0;
            long baseBytes = 0;
            for (Path cert : certificates) {
                List<String> cmd = new ArrayList<>(List.of(PeakMemory.java()));
                if (!heap.equals("default")) {
                    cmd.add(heap);
                }
                cmd.addAll(List.of("-jar", checkerJar.toString(), "check", "--model", model.toString(),
                        "--cert", cert.toString(), "--threads", "1"));
                PeakMemory.Run r = null;
                for (int i = 0; i < repeat; i++) {
                    PeakMemory.Run next = PeakMemory.measure(cmd);
                    if (next.exitCode() != 0 || !next.stdout().startsWith("ACCEPTED")) {
                        throw new IllegalStateException(cert + " not accepted (exit " + next.exitCode() + "): "
                                + next.stdout());
                    }
                    r = r == null ? next : new PeakMemory.Run(0, Math.min(r.seconds(), next.seconds()),
                            Math.max(r.peakRss(), next.peakRss()), r.stdout());
                }
                long size = Files.size(cert);
                if (baseline == 0) {
                    baseline = r.peakRss();
                    baseSeconds = r.seconds();
                    baseBytes = size;
                }
                double rate = (size - baseBytes) / 1e6 / (r.seconds() - baseSeconds); // the JVM's start-up aside
                out.accept(new Row(cert.getFileName().toString().replace(".cert", ""), size, heap, r.seconds(),
                        size == baseBytes ? null : rate, r.peakRss(), r.peakRss() / baseline));
            }
        }
    }

    /** Removes the certificates. */
    @Override
    public void close() throws IOException {
        dir.close();
    }
}
