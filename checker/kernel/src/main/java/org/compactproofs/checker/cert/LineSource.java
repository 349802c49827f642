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
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;

/**
 * Lines of a UTF-8 text, read one at a time within the {@link Limits}: a line of more than
 * {@link Limits#lineBytes()} bytes, more than {@link Limits#certificateBytes()} bytes in all (as read, that is after
 * decompression), or more than {@link Limits#lines()} lines is an error, not an allocation. Each line's bytes are
 * decoded on their own, so a malformed byte is reported at its exact line and column.
 */
final class LineSource implements AutoCloseable {
    private final Path file;
    private final InputStream in;
    private final Limits limits;
    private byte[] buffer; // grows with the longest line, up to limits.lineBytes()
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] chunk = new byte[1 << 16]; // read in blocks: InputStream.read() a byte at a time is slow
    private int chunkPosition, chunkEnd;
    private CharBuffer chars = CharBuffer.allocate(1 << 12); // reused: a line has at most as many chars as bytes
    private int lineNumber;
    private long bytes;
    private boolean eof;

    LineSource(Path file, InputStream stream, Limits limits) {
        this.file = file;
        this.in = stream;
        this.limits = limits;
        this.buffer = new byte[Math.min(1 << 12, limits.lineBytes())];
    }

    int lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator (LF or CRLF), or null at the end. */
    String next() {
        if (eof) {
            return null;
        }
        int length = 0;
        try {
            int b = read();
            if (b != -1 && lineNumber == limits.lines()) {
                throw Limits.exceeded(file, lineNumber, 1, "the certificate goes on after line " + lineNumber,
                        "at most " + limits.lines() + " lines");
            }
            lineNumber += lineNumber < Integer.MAX_VALUE ? 1 : 0;
            for (; b != -1; b = read()) {
                if (++bytes > limits.certificateBytes()) {
                    throw Limits.exceeded(file, lineNumber, length + 1, "certificate longer than "
                            + limits.certificateBytes() + " bytes (after decompression)", "--max-certificate-bytes");
                }
                if (b == '\n') {
                    break;
                }
                if (length == buffer.length) {
                    if (length == limits.lineBytes()) {
                        throw Limits.exceeded(file, lineNumber, length + 1, "line longer than " + length + " bytes",
                                "--max-line-bytes");
                    }
                    buffer = java.util.Arrays.copyOf(buffer, (int) Math.min(2L * length, limits.lineBytes()));
                }
                buffer[length++] = (byte) b;
            }
            if (b == -1) {
                eof = true;
                if (length == 0) {
                    return null;
                }
            }
        } catch (IOException e) { // a decompressing stream reports damaged data itself, naming the file
            throw new UnusableInputException(file + ": cannot read: " + UnusableInputException.describe(e));
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return decode(length);
    }

    private int read() throws IOException {
        if (chunkPosition == chunkEnd) {
            chunkPosition = 0;
            chunkEnd = Math.max(0, in.read(chunk));
            if (chunkEnd == 0) {
                return -1;
            }
        }
        return chunk[chunkPosition++] & 0xff;
    }

    private String decode(int length) {
        if (chars.capacity() < length) {
            chars = CharBuffer.allocate(Math.max(length, Math.min(2 * chars.capacity(), limits.lineBytes())));
        }
        CharBuffer out = chars.clear();
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
