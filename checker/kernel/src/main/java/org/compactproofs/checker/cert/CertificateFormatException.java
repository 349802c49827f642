package org.compactproofs.checker.cert;

import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/** A certificate that cannot be read as one (exit code 2); the message starts with file:line:column. */
public final class CertificateFormatException extends UnusableInputException {
    private final int line, column;

    public CertificateFormatException(Path file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + abbreviate(problem));
        this.line = line;
        this.column = column;
    }

    /** Messages quote certificate text; a hostile certificate must not turn them into megabytes. */
    public static String abbreviate(String problem) {
        int limit = 400;
        return problem.length() <= limit ? problem
                : problem.substring(0, limit) + "... (message of " + problem.length() + " characters cut)";
    }

    /** A name from the certificate, shortened if it is long, for quoting in a message. */
    public static String quote(String name) {
        return name.length() <= 60 ? name : name.substring(0, 40) + "...(" + name.length() + " characters)";
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
