package org.compactproofs.checker.cert;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/**
 * Lines of a UTF-8 text, read one at a time with a bound on the length of a line, so that memory stays bounded
 * whatever the input (a line longer than {@link #MAX_LINE} characters is an error, not an allocation).
 */
final class LineSource implements AutoCloseable {
    static final int MAX_LINE = 1 << 20;

    private final Path file;
    private final Reader in;
    private int lineNumber;
    private boolean eof;

    LineSource(Path file, InputStream stream) {
        this.file = file;
        this.in = new InputStreamReader(stream, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator, or null at the end. */
    String next() {
        if (eof) {
            return null;
        }
        StringBuilder line = new StringBuilder();
        lineNumber++;
        try {
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    return stripCr(line);
                }
                if (line.length() >= MAX_LINE) {
                    throw new CertificateFormatException(file, lineNumber, MAX_LINE + 1,
                            "line longer than " + MAX_LINE + " characters");
                }
                line.append((char) c);
            }
        } catch (MalformedInputException e) {
            throw new CertificateFormatException(file, lineNumber, line.length() + 1, "not valid UTF-8");
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot read: " + UnusableInputException.describe(e));
        }
        eof = true;
        return line.length() == 0 ? null : stripCr(line);
    }

    private static String stripCr(StringBuilder line) {
        int n = line.length();
        return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
