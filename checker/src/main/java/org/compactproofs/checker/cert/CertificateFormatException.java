package org.compactproofs.checker.cert;

import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/** A certificate that cannot be read as one (exit code 2); the message starts with file:line:column. */
public final class CertificateFormatException extends UnusableInputException {
    private final int line, column;

    public CertificateFormatException(Path file, int line, int column, String problem) {
        super(file + ":" + line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
