package org.compactproofs.checker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.compactproofs.checker.UnusableInputException;

/**
 * A gzip file (RFC 1952) read as {@code gzip -d} reads it: the concatenation of its members' data. Anything else
 * is unusable input, with a message naming the file: bytes after the last complete member that do not start
 * another one (garbage, padding, a lone byte), a member cut short (in its header, data or trailer), a malformed
 * header, corrupt deflate data, or a trailer whose CRC-32 or length does not match the data. The end of the data
 * is reported only once all of this is known, so a certificate is never accepted from a damaged file.
 *
 * <p>Why not {@code java.util.zip.GZIPInputStream}: after a member it reads on only when its input says more is
 * available, and treats bytes that do not parse as a member header as the end of the data, silently; a file with
 * garbage (or a member cut inside its header) after the first member would read as a valid certificate.
 *
 * <p>Memory is bounded: one input buffer and the inflater's window, whatever the member count and sizes.
 */
final class GzipInput extends InputStream {
    private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xe0;

    private final Path file;
    private final InputStream in;
    private final Inflater inflater = new Inflater(true); // raw deflate: the gzip framing is read here
    private final CRC32 dataCrc = new CRC32(), headerCrc = new CRC32();
    private final byte[] input = new byte[1 << 16];
    private int position, end; // input[position, end) is read from the file and not yet used
    private long base; // the file offset of input[0]
    private int member; // members begun so far (the current one's number, from 1)
    private long memberStart; // the file offset of the current member's first byte
    private long memberEnd; // the file offset just after the last complete member
    private long size; // bytes of data the current member has given so far
    private boolean inData, finished;

    GzipInput(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!finished) {
            if (!inData) {
                startMember();
                continue;
            }
            int n;
            try {
                n = inflater.inflate(b, off, len);
            } catch (DataFormatException e) {
                throw bad(here() + " has corrupt compressed data"
                        + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
            if (n > 0) {
                dataCrc.update(b, off, n);
                size += n;
                return n;
            }
            if (inflater.finished()) {
                position = end - inflater.getRemaining();
                endMember();
            } else if (inflater.needsInput()) {
                if (!fill()) {
                    throw truncated("its compressed data");
                }
                inflater.setInput(input, 0, end);
                position = end;
            } else {
                // raw deflate has no preset dictionary; with room for output and input to spare zlib always progresses
                throw new IllegalStateException("the inflater made no progress in gzip member " + member);
            }
        }
        return -1;
    }

    /** Reads a member's header (RFC 1952, 2.3), or notes the end of the file after a complete member. */
    private void startMember() throws IOException {
        int id1 = nextByte();
        if (id1 < 0 && member > 0) {
            finished = true;
            return;
        }
        int id2 = id1 == 0x1f ? nextByte() : -1;
        if (id1 != 0x1f || id2 != 0x8b) {
            if (member == 0) {
                throw bad("not gzip data (it does not start with the gzip magic bytes 1f 8b)");
            }
            throw bad(trailing() + " after the last complete gzip member (member " + member + ", which ends at "
                    + "byte " + memberEnd + "): they are not another gzip member; a .gz certificate must end with a "
                    + "complete member");
        }
        member++;
        memberStart = base + position - 2;
        headerCrc.reset();
        headerCrc.update(0x1f);
        headerCrc.update(0x8b);
        int method = headerByte();
        if (method != 8) {
            throw bad(here() + " uses compression method " + method
                    + ", not deflate (8)");
        }
        int flags = headerByte();
        if ((flags & RESERVED) != 0) {
            throw bad(here() + " sets reserved header flags ("
                    + Integer.toHexString(flags) + ")");
        }
        for (int i = 0; i < 6; i++) { // modification time, extra flags, operating system: not used
            headerByte();
        }
        if ((flags & FEXTRA) != 0) {
            int length = headerByte() | headerByte() << 8;
            for (int i = 0; i < length; i++) {
                headerByte();
            }
        }
        for (int field : new int[] {FNAME, FCOMMENT}) { // zero-terminated file name and comment
            if ((flags & field) != 0) {
                while (headerByte() != 0) {
                    continue;
                }
            }
        }
        if ((flags & FHCRC) != 0) {
            int expected = (int) (headerCrc.getValue() & 0xffff);
            int stored = headerByte() | headerByte() << 8;
            if (stored != expected) {
                throw bad(here() + " has a damaged header (its CRC-16 "
                        + "does not match)");
            }
        }
        inflater.reset();
        dataCrc.reset();
        size = 0;
        if (position < end) {
            inflater.setInput(input, position, end - position);
            position = end;
        }
        inData = true;
    }

    /** Reads and checks a member's trailer: the CRC-32 and the length (mod 2^32) of its data. */
    private void endMember() throws IOException {
        long crc = trailerWord(), length = trailerWord();
        if (crc != dataCrc.getValue()) {
            throw bad(here() + " is damaged: the CRC-32 of its data "
                    + "does not match its trailer");
        }
        if (length != (size & 0xffffffffL)) {
            throw bad(here() + " is damaged: its trailer says "
                    + length + " bytes (mod 2^32), its data has " + size);
        }
        inData = false;
        memberEnd = base + position;
    }

    private long trailerWord() throws IOException {
        long word = 0;
        for (int i = 0; i < 4; i++) {
            int b = nextByte();
            if (b < 0) {
                throw truncated("its trailer");
            }
            word |= (long) b << (8 * i);
        }
        return word;
    }

    private int headerByte() throws IOException {
        int b = nextByte();
        if (b < 0) {
            throw truncated("its header");
        }
        headerCrc.update(b);
        return b;
    }

    /** The next byte of the file outside compressed data, or -1 at its end. */
    private int nextByte() throws IOException {
        if (position == end && !fill()) {
            return -1;
        }
        return input[position++] & 0xff;
    }

    /** Reads the next block of the file into an emptied buffer; false at the end of the file. */
    private boolean fill() throws IOException {
        base += end;
        position = 0;
        end = 0;
        int n;
        do {
            n = in.read(input, 0, input.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        end = n;
        return true;
    }

    /** How many bytes follow the last complete member ("37 bytes"), exactly when the file's size can be read. */
    private String trailing() {
        try {
            long n = Files.size(file) - memberEnd;
            return n == 1 ? "1 byte" : String.format(java.util.Locale.ROOT, "%,d bytes", n);
        } catch (IOException e) {
            return "bytes";
        }
    }

    /** The member being read, for messages: "gzip member 2 (from byte 485)". */
    private String here() {
        return "gzip member " + member + " (from byte " + memberStart + ")";
    }

    private UnusableInputException truncated(String where) {
        return bad(here() + " is truncated: the file ends inside "
                + where);
    }

    private UnusableInputException bad(String problem) {
        return new UnusableInputException(file + ": " + problem);
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
