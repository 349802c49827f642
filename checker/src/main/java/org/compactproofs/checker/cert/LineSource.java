package org.compactproofs.checker.cert;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.compactproofs.checker.UnusableInputException;

/**
 * Lines of a UTF-8 text, read one at a time with a bound on the length of a line, so that memory stays bounded
 * whatever the input (a line longer than {@link #MAX_LINE} bytes is an error, not an allocation). Each line's
 * bytes are decoded on their own, so a malformed byte is reported at its exact line and column.
 */
final class LineSource implements AutoCloseable {
    static final int MAX_LINE = 1 << 20;

    private final Path file;
    private final InputStream in;
    private final byte[] buffer = new byte[MAX_LINE];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private int lineNumber;
    private boolean eof;

    LineSource(Path file, InputStream stream) {
        this.file = file;
        this.in = stream;
    }

    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    String next() {
        if (eof) {
            return null;
        }
        lineNumber++;
        int length = 0;
        try {
            int b;
            while ((b = in.read()) != -1 && b != '\n') {
                if (length == MAX_LINE) {
                    throw new CertificateFormatException(file, lineNumber, MAX_LINE + 1,
                            "line longer than " + MAX_LINE + " bytes");
                }
                buffer[length++] = (byte) b;
            }
            if (b == -1) {
                eof = true;
                if (length == 0) {
                    return null;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new CertificateFormatException(file, lineNumber, length + 1, "corrupt gzip data: " + e.getMessage());
        } catch (java.io.EOFException e) {
            throw new CertificateFormatException(file, lineNumber, length + 1, "gzip data ends too early");
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot read: " + UnusableInputException.describe(e));
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private String decode(int length) {
        CharBuffer out = CharBuffer.allocate(length);
        decoder.reset();
        CoderResult result = decoder.decode(ByteBuffer.wrap(buffer, 0, length), out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new CertificateFormatException(file, lineNumber, out.position() + 1, "not valid UTF-8");
        }
        return out.flip().toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
