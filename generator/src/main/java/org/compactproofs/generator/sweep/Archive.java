package org.compactproofs.generator.sweep;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The archive's layout ({@code certificates/} by default): each seed's certificate of a strategy at
 * {@code max-of-K/seed-<N>/<strategy>.cert.gz}, an external model's at {@code external/NAME/<strategy>.cert.gz},
 * the results in {@code results/}, and {@code MANIFEST.json}.
 */
public final class Archive {
    /** The archive's directory of external models' certificates (and their MANIFEST entries' prefix). */
    static final String EXTERNAL = "external/";

    private final Path root;

    public Archive(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The name of K's directories and files: max-of-K. */
    public static String task(int context) {
        return "max-of-" + context;
    }

    /**
     * The task of a model directory: its name when that is a larger vocabulary's, {@code max-of-K-vocab-V} (issue 16),
     * so that those sizes are archived and recorded apart from K's vocabulary-64 seeds; else {@code max-of-K}.
     */
    public static String task(int context, Path models) {
        String name = models == null || models.getFileName() == null ? "" : models.getFileName().toString();
        return name.matches(task(context) + "-vocab-[1-9][0-9]*") ? name : task(context);
    }

    /** Whether a task is a larger vocabulary's ({@link #task(int, Path)}). */
    public static boolean isScale(String task) {
        return task.contains("-vocab-");
    }

    /** Where a seed's certificate of a strategy is archived, relative to the archive root. */
    static String certificate(String task, long seed, String strategy) {
        return task + "/seed-" + seed + "/" + strategy + ".cert.gz";
    }

    /** Where an external model's certificate of a strategy is archived, relative to the archive root. */
    static String externalCertificate(String name, String strategy) {
        return EXTERNAL + name + "/" + strategy + ".cert.gz";
    }

    /** A file of the archive, by its path relative to the root. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** A task's results, {@code results/TASK.json}. */
    Path results(String task) {
        return resolve("results/" + task + ".json");
    }

    /** A task's results as CSV, {@code results/TASK.csv}. */
    Path csv(String task) {
        return resolve("results/" + task + ".csv");
    }

    /** The external models' results, {@code results/external.json}. */
    Path externalResults() {
        return resolve("results/external.json");
    }

    Path manifest() {
        return resolve("MANIFEST.json");
    }

    /** Copies a judged certificate to its place (relative to the root), replacing what was there. */
    void store(Path certificate, String relative) throws IOException {
        Path archived = resolve(relative);
        Files.createDirectories(archived.getParent());
        Files.copy(certificate, archived, StandardCopyOption.REPLACE_EXISTING);
    }
}
