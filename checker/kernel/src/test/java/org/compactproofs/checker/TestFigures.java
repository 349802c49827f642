package org.compactproofs.checker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The one way a test reports its figures (soundness tallies, fuzzing counts, timings) without making the build
 * noisy.
 *
 * <p>Guarantees: every reported line is appended, whole, to {@link #FILE} ({@code target/test-figures.txt} of the
 * module whose tests run, surefire's working directory), always; and it is printed to standard output as well only
 * when the system property {@code verbose} is set to anything but {@code false} ({@code mvn verify -Dverbose}; the
 * root pom passes the property to surefire's forked JVM). Lines from concurrent tests are not interleaved.
 */
public final class TestFigures {
    private TestFigures() {}

    /** The report file, relative to the working directory (the module's base directory under Maven). */
    public static final Path FILE = Path.of("target", "test-figures.txt");

    /** Whether the figures are also printed: the system property {@code verbose} is set and not "false". */
    public static boolean verbose() {
        String v = System.getProperty("verbose");
        return v != null && !v.isBlank() && !v.equalsIgnoreCase("false");
    }

    /** Reports {@code String.format(Locale.ROOT, format, args)} as one line (a trailing newline is not needed). */
    public static synchronized void report(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args).stripTrailing();
        try {
            Files.createDirectories(FILE.toAbsolutePath().getParent());
            Files.writeString(FILE, line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + FILE.toAbsolutePath(), e);
        }
        if (verbose()) {
            System.out.println(line);
        }
    }
}
