package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A benchmark's temporary directory of files (no subdirectories), removed with them on {@link #close}. */
final class TempDirectory implements AutoCloseable {
    private final Path dir;

    TempDirectory(String prefix) throws IOException {
        this.dir = Files.createTempDirectory(prefix);
    }

    Path path() {
        return dir;
    }

    @Override
    public void close() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
