package org.compactproofs.generator.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.model.SampledAccuracy;
import org.compactproofs.generator.train.PaperSeeds;
import org.compactproofs.generator.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a list of seeds into a model directory ({@code seed-<N>.safetensors}) and keeps its {@code index.json}
 * up to date: per seed the file, SHA-256, the float accuracy over every input where that is feasible
 * (vocab^K <= 2^31), a sampled ESTIMATE of it with a 95% Wilson interval (always), the training time, and whether
 * it meets the accuracy target. Resumable: a seed whose file exists with the SHA-256 the index records is not
 * retrained; its missing sampled estimate is filled in from the file.
 */
@Command(name = "train-seeds", mixinStandardHelpOptions = true,
        description = "Train many seeds (default: the paper's 151) into a directory with an index.json.")
final class TrainSeedsCommand implements Callable<Integer> {
    /**
     * One row of index.json. {@code correct}, {@code inputs} and {@code accuracy} are exhaustive float evaluation
     * ({@code correct} and {@code accuracy} absent where there are too many inputs); the {@code sampled*} fields
     * are an estimate from {@code samples} random inputs with its 95% Wilson interval, never a certified bound.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record IndexEntry(long seed, String file, String sha256, Long correct, BigInteger inputs, String accuracy,
                             String sampledAccuracyEstimate, String sampledAccuracy95Low,
                             String sampledAccuracy95High, Long samples, Long sampledCorrect, Long sampleSeed,
                             String sampledAccuracyMethod, double trainingSeconds, boolean meetsTarget, String note) {

        IndexEntry withEstimate(SampledAccuracy.Estimate e) {
            return new IndexEntry(seed, file, sha256, correct, inputs, accuracy,
                    Inputs.decimal(e.correct(), e.samples()), rounded(e.low(), RoundingMode.FLOOR),
                    rounded(e.high(), RoundingMode.CEILING), e.samples(), e.correct(), e.seed(), ESTIMATE_METHOD,
                    trainingSeconds, meetsTarget, note);
        }

        boolean hasEstimate(long wantedSamples) {
            return samples != null && samples == wantedSamples && sampleSeed != null && sampleSeed == seed;
        }
    }

    static final String ESTIMATE_METHOD = "ESTIMATE, not a certified bound: the fraction of uniformly random inputs "
            + "that the float forward pass gets right (ties wrong), with its 95% Wilson score interval";

    @Option(names = "--seeds", defaultValue = "paper", split = ",",
            description = "Comma-separated seeds, or 'paper' for the reference's 151 seeds (default).")
    List<String> seeds;
    @Option(names = "--dir", description = "Output directory (default: certificates/models/max-of-<K>).")
    Path dir;
    @Option(names = "--jobs", defaultValue = "0", description = "Seeds trained at once (0 = one per core).")
    int jobs;
    @Option(names = "--target", defaultValue = "0.99", description = "Accuracy every model should reach (default: ${DEFAULT-VALUE}).")
    double target;
    @Option(names = "--samples", defaultValue = "1000000",
            description = "Random inputs for each model's sampled accuracy estimate (default: ${DEFAULT-VALUE}).")
    long samples;
    @Option(names = "--force", description = "Retrain seeds that are already in the index.")
    boolean force;
    @Mixin
    ModelSizeOptions sizes;

    @Override
    public Integer call() throws Exception {
        long[] wanted = seeds.equals(List.of("paper")) ? PaperSeeds.all() : parseSeeds();
        if (samples <= 0) {
            throw new UnusableInputException("--samples must be positive");
        }
        if (dir == null) {
            dir = Path.of("certificates/models/max-of-" + sizes.context);
        }
        Path indexFile = dir.resolve("index.json");
        Map<Long, IndexEntry> index = readIndex(indexFile);
        ExecutorService pool = Executors.newFixedThreadPool(Threads.resolve(jobs));
        List<Future<IndexEntry>> pending = new ArrayList<>();
        int upToDate = 0;
        for (long seed : wanted) {
            IndexEntry known = index.get(seed);
            if (!force && upToDate(known)) {
                if (known.hasEstimate(samples)) {
                    upToDate++;
                } else {
                    pending.add(pool.submit(() -> known.withEstimate(estimate(
                            ModelReader.read(dir.resolve(known.file())).model(), seed))));
                }
                continue;
            }
            pending.add(pool.submit(() -> trainOne(seed)));
        }
        System.err.printf("training %d seeds (%d already up to date)%n", pending.size(), upToDate);
        try {
            for (Future<IndexEntry> f : pending) {
                IndexEntry e = org.compactproofs.checker.bruteforce.Parallel.get(f);
                synchronized (index) {
                    index.put(e.seed(), e);
                    writeIndex(indexFile, index);
                }
                System.out.printf("seed %d: accuracy %s, sampled ESTIMATE %s [95%%: %s, %s], %.1f s%s%n", e.seed(),
                        e.accuracy() == null ? "not enumerated" : e.accuracy(), e.sampledAccuracyEstimate(),
                        e.sampledAccuracy95Low(), e.sampledAccuracy95High(), e.trainingSeconds(),
                        e.meetsTarget() ? "" : "  BELOW TARGET " + target);
            }
        } finally {
            pool.shutdownNow();
        }
        long below = index.values().stream().filter(e -> !e.meetsTarget()).count();
        System.out.printf("index %s: %d models, %d below the %.4f target%n", indexFile, index.size(), below, target);
        return 0;
    }

    private long[] parseSeeds() {
        try {
            return seeds.stream().mapToLong(Long::parseLong).toArray();
        } catch (NumberFormatException e) {
            throw new UnusableInputException("--seeds: not a list of integers: " + seeds);
        }
    }

    private IndexEntry trainOne(long seed) {
        // the cores left to each seed (trainer 2 uses them, with the same bits whatever their count)
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() / Threads.resolve(jobs));
        TrainedModel t = TrainedModel.train(sizes.config(seed), (step, steps, loss) -> { }, threads);
        Model m = t.model();
        Path file = dir.resolve("seed-" + seed + ".safetensors");
        byte[] bytes = SafetensorsWriter.write(m, file);
        AccuracyEvaluator.Result exact = t.accuracy() != null || !Inputs.enumerable(m)
                ? t.accuracy() : AccuracyEvaluator.evaluate(FloatCircuits.of(m), 1);
        SampledAccuracy.Estimate sampled = estimate(m, seed);
        boolean meets = (exact != null ? exact.accuracy() : sampled.estimate()) >= target;
        String note = meets ? "" : (exact != null ? "float accuracy" : "sampled accuracy estimate") + " below "
                + target + " after " + sizes.steps + " steps; shipped as trained";
        return new IndexEntry(seed, file.getFileName().toString(), ModelReader.sha256(bytes),
                exact == null ? null : exact.correct(), Inputs.count(m),
                exact == null ? null : Inputs.decimal(exact.correct(), exact.total()),
                null, null, null, null, null, null, null,
                Math.round(t.trainingSeconds() * 100) / 100.0, meets, note).withEstimate(sampled);
    }

    /**
     * The model's sampled estimate. The sampling seed is the model's seed, so different models see independent
     * samples (their errors can then calibrate the intervals, docs/benchmarks.md) and each estimate is
     * reproducible with {@code generator accuracy FILE --samples N --sample-seed SEED}.
     */
    private SampledAccuracy.Estimate estimate(Model m, long seed) {
        return SampledAccuracy.estimate(FloatCircuits.of(m), samples, seed, 1);
    }

    private static String rounded(double x, RoundingMode mode) {
        return new BigDecimal(x).setScale(7, mode).toPlainString();
    }

    private boolean upToDate(IndexEntry e) {
        if (e == null) {
            return false;
        }
        try {
            Path file = dir.resolve(e.file());
            return Files.exists(file) && ModelReader.sha256(Files.readAllBytes(file)).equals(e.sha256());
        } catch (IOException ex) {
            return false;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static Map<Long, IndexEntry> readIndex(Path file) {
        Map<Long, IndexEntry> index = new TreeMap<>();
        if (!Files.exists(file)) {
            return index;
        }
        try {
            for (IndexEntry e : JSON.readValue(file.toFile(), IndexEntry[].class)) {
                index.put(e.seed(), e);
            }
            return index;
        } catch (IOException e) {
            throw new UnusableInputException(file + ": not a readable model index: " + e.getMessage());
        }
    }

    private static void writeIndex(Path file, Map<Long, IndexEntry> index) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), index.values());
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
