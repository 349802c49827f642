package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.train.PaperSeeds;
import org.compactproofs.generator.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Trains a list of seeds into a model directory ({@code seed-<N>.safetensors}) and keeps its {@code index.json}
 * up to date: per seed the file, SHA-256, float accuracy, training time, and whether it meets the accuracy
 * target. Resumable: a seed whose file exists with the SHA-256 the index records is not retrained.
 */
@Command(name = "train-seeds", mixinStandardHelpOptions = true,
        description = "Train many seeds (default: the paper's 151) into a directory with an index.json.")
final class TrainSeedsCommand implements Callable<Integer> {
    /** One row of index.json. */
    public record IndexEntry(long seed, String file, String sha256, long correct, long inputs, String accuracy,
                             double trainingSeconds, boolean meetsTarget, String note) {}

    @Option(names = "--seeds", defaultValue = "paper", split = ",",
            description = "Comma-separated seeds, or 'paper' for the reference's 151 seeds (default).")
    List<String> seeds;
    @Option(names = "--dir", defaultValue = "certificates/models/max-of-4", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path dir;
    @Option(names = "--jobs", defaultValue = "0", description = "Seeds trained at once (0 = one per core).")
    int jobs;
    @Option(names = "--target", defaultValue = "0.99", description = "Accuracy every model should reach (default: ${DEFAULT-VALUE}).")
    double target;
    @Option(names = "--force", description = "Retrain seeds that are already in the index.")
    boolean force;
    @Mixin
    ModelSizeOptions sizes;

    @Override
    public Integer call() throws Exception {
        long[] wanted = seeds.equals(List.of("paper")) ? PaperSeeds.all() : parseSeeds();
        Path indexFile = dir.resolve("index.json");
        Map<Long, IndexEntry> index = readIndex(indexFile);
        ExecutorService pool = Executors.newFixedThreadPool(Threads.resolve(jobs));
        List<Future<IndexEntry>> pending = new ArrayList<>();
        for (long seed : wanted) {
            if (!force && upToDate(index.get(seed))) {
                continue;
            }
            pending.add(pool.submit(() -> trainOne(seed)));
        }
        System.err.printf("training %d seeds (%d already up to date)%n", pending.size(), wanted.length - pending.size());
        try {
            for (Future<IndexEntry> f : pending) {
                IndexEntry e = f.get();
                synchronized (index) {
                    index.put(e.seed(), e);
                    writeIndex(indexFile, index);
                }
                System.out.printf("seed %d: accuracy %s, %.1f s%s%n", e.seed(), e.accuracy(), e.trainingSeconds(),
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
        TrainedModel t = TrainedModel.train(sizes.config(seed), (step, steps, loss) -> { }, 1);
        Path file = dir.resolve("seed-" + seed + ".safetensors");
        byte[] bytes = SafetensorsWriter.write(t.model(), file);
        boolean meets = t.accuracy().accuracy() >= target;
        return new IndexEntry(seed, file.getFileName().toString(), ModelReader.sha256(bytes), t.accuracy().correct(),
                t.accuracy().total(), TrainedModel.decimal(t.accuracy().correct(), t.accuracy().total()),
                Math.round(t.trainingSeconds() * 100) / 100.0, meets,
                meets ? "" : "float accuracy below " + target + " after " + sizes.steps + " steps; shipped as trained");
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
