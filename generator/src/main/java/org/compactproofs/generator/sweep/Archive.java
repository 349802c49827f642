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

    /** Where a seed's certificate of a strategy is archived, relative to the archive root. */
    static String certificate(int context, long seed, String strategy) {
        return task(context) + "/seed-" + seed + "/" + strategy + ".cert.gz";
    }

    /** Where an external model's certificate of a strategy is archived, relative to the archive root. */
    static String externalCertificate(String name, String strategy) {
        return EXTERNAL + name + "/" + strategy + ".cert.gz";
    }

    /** A file of the archive, by its path relative to the root. */
    Path resolve(String relative) {
        return root.resolve(relative);
    }

    /** K's results, {@code results/max-of-K.json}. */
    Path results(int context) {
        return resolve("results/" + task(context) + ".json");
    }

    /** K's results as CSV, {@code results/max-of-K.csv}. */
    Path csv(int context) {
        return resolve("results/" + task(context) + ".csv");
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
