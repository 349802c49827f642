package org.compactproofs.distributed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;

/**
 * Files named by a Hadoop-compatible URI ({@code hdfs://}, {@code s3a://}, {@code file://}, ...): copied, after
 * their size is checked against the limit, into a local directory, where the checker reads them as it reads any
 * local file (its size, symbolic-link and hash checks included). A plain path is used as it is.
 */
public final class HadoopFiles {
    private HadoopFiles() {}

    /** Whether {@code path} is a URI with a scheme (then read through Hadoop), not a local path. */
    public static boolean remote(String path) {
        return path.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*");
    }

    /**
     * {@code base/relative} copied to {@code local/relative} (at most {@code bytes} bytes, else unusable input with
     * the option that raises the limit); returns the local copy.
     */
    public static Path copy(String base, String relative, Path local, long bytes, String option) {
        org.apache.hadoop.fs.Path from = new org.apache.hadoop.fs.Path(base.endsWith("/") ? base + relative : base + "/" + relative);
        Path to = local.resolve(relative).normalize();
        if (!to.startsWith(local)) {
            throw new UnusableInputException(from + ": not inside the archive");
        }
        try {
            FileSystem fs = from.getFileSystem(new Configuration());
            long length = fs.getFileStatus(from).getLen();
            if (length > bytes) {
                throw Limits.mark(new UnusableInputException(from + ": " + length + " bytes, more than " + bytes
                        + Limits.raising(option)));
            }
            Files.createDirectories(to.getParent());
            fs.copyToLocalFile(false, from, new org.apache.hadoop.fs.Path(to.toUri()), true);
            return to;
        } catch (IOException e) {
            throw new UnusableInputException(from + ": " + UnusableInputException.describe(e), e);
        }
    }

    /** A fresh local scratch directory, deleted with {@link #delete}. */
    public static Path scratch() {
        try {
            return Files.createTempDirectory("compact-proofs-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // scratch space only: what is left is the temporary directory's
        }
    }
}
