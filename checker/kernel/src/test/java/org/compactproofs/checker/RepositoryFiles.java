package org.compactproofs.checker;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of the repository (models under certificates/) from a test's working directory. */
public final class RepositoryFiles {
    private RepositoryFiles() {}

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("certificates")) ) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no certificates/ directory above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path pytorchFixture() {
        return root().resolve("certificates/models/external/pytorch-max-of-4-seed7.safetensors");
    }

    /** The hand-built vocabulary-8 Max-of-4 model on which the reference's mean_query+diff step over-counts. */
    public static Path craftedFixture() {
        return root().resolve("certificates/models/external/crafted-max-of-4-vocab8.safetensors");
    }

    public static Path shippedModel(long seed) {
        return root().resolve("certificates/models/max-of-4/seed-" + seed + ".safetensors");
    }

    /** A plain certificate file's bytes, for {@link Checker#check}'s {@code open} in tests without the command line. */
    public static java.io.InputStream open(Path file) {
        try {
            return new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
