package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archived certificates are gzipped: the checker reads them as they are, a file of several gzip members as the
 * concatenation of their texts (as gzip does); broken gzip, and anything after the last complete member, is
 * unusable input.
 */
class GzipCertificateTest {
    @TempDir
    Path dir;

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    @Test
    void gzippedCertificateIsCheckedLikeItsText() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7));
        String sha = ModelReader.read(model).sha256();
        String text = "compact-proofs certificate 1\nmodel sha256:" + sha + "\ntask max-of-k vocab 6 context 3 distribution"
                + " uniform\nclaim correct 0 of 216\nstrategy brute-force\nbrute-force\n";
        Path plain = dir.resolve("c.cert");
        Files.writeString(plain, text);
        long proven = CertificateFile.check(model, plain, 1).proven().longValueExact();
        String claimed = text.replace("claim correct 0", "claim correct " + proven);
        Path gz = dir.resolve("c.cert.gz");
        Files.write(gz, gzip(claimed.getBytes(StandardCharsets.UTF_8)));
        CliRun ok = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(0, ok.exitCode(), ok.toString());
        Files.write(gz, gzip(claimed.replace("correct " + proven, "correct " + (proven + 1)).getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, CliRun.of("check", "--model", model.toString(), "--cert", gz.toString()).exitCode());
        byte[] whole = gzip(claimed.getBytes(StandardCharsets.UTF_8));
        Files.write(gz, Arrays.copyOf(whole, whole.length / 2));
        CliRun cut = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(2, cut.exitCode(), cut.toString());
        assertTrue(cut.stderr().contains("gzip"), cut.stderr());
        assertFalse(cut.stderr().contains("Exception"), cut.stderr());
        whole[whole.length / 2] ^= 0x55;
        Files.write(gz, whole);
        CliRun corrupt = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertTrue(corrupt.exitCode() == 2 || corrupt.exitCode() == 1, corrupt.toString());
        assertFalse(corrupt.stderr().contains("Exception") || corrupt.stderr().contains("\tat "), corrupt.stderr());
    }

    /**
     * A gzip bomb: 200 kB expanding to 200 MB of comment lines after a valid certificate. It is read as a stream,
     * line by line (bounded memory), and still judged: the comments change nothing.
     */
    @Test
    @org.junit.jupiter.api.Timeout(120)
    void aGzipBombIsStreamedAndJudged() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7));
        String sha = ModelReader.read(model).sha256();
        String text = "compact-proofs certificate 1\nmodel sha256:" + sha + "\ntask max-of-k vocab 6 context 3 distribution"
                + " uniform\nclaim correct 1 of 216\nstrategy brute-force\nbrute-force\n";
        Path gz = dir.resolve("bomb.cert.gz");
        byte[] comment = ("#" + "x".repeat(998) + "\n").getBytes(StandardCharsets.UTF_8);
        try (GZIPOutputStream z = new GZIPOutputStream(Files.newOutputStream(gz))) {
            z.write(text.getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 200_000; i++) {
                z.write(comment);
            }
        }
        assertTrue(Files.size(gz) < 2_000_000, "a small file: " + Files.size(gz));
        CliRun run = CliRun.of("check", "--model", model.toString(), "--cert", gz.toString());
        assertEquals(0, run.exitCode(), run.toString());
    }

    /** A model and a certificate of it the checker accepts: [model file, certificate text]. */
    private Object[] accepted() throws Exception {
        Path model = dir.resolve("m.safetensors");
        Files.write(model, TestModels.randomModel(6, 3, 4, 4, 7));
        String sha = ModelReader.read(model).sha256();
        String text = "compact-proofs certificate 1\nmodel sha256:" + sha + "\ntask max-of-k vocab 6 context 3 distribution"
                + " uniform\nclaim correct 0 of 216\nstrategy brute-force\n# a comment line\nbrute-force\n";
        Path plain = dir.resolve("c.cert");
        Files.writeString(plain, text);
        long proven = CertificateFile.check(model, plain, 1).proven().longValueExact();
        return new Object[] {model, text.replace("claim correct 0", "claim correct " + proven)};
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * A gzip member built by hand (RFC 1952), with the optional header fields of {@code flags}: FHCRC 2, FEXTRA 4,
     * FNAME 8, FCOMMENT 16.
     */
    private static byte[] member(byte[] data, int flags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 1, 2, 3, 4, 0, 3});
        if ((flags & 4) != 0) {
            out.writeBytes(new byte[] {5, 0, 'A', 'B', 2, 0, 'x'});
        }
        if ((flags & 8) != 0) {
            out.writeBytes(bytes("c.cert\0"));
        }
        if ((flags & 16) != 0) {
            out.writeBytes(bytes("the second half\0"));
        }
        if ((flags & 2) != 0) {
            CRC32 header = new CRC32();
            header.update(out.toByteArray());
            out.write((int) header.getValue() & 0xff);
            out.write((int) (header.getValue() >> 8) & 0xff);
        }
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] buffer = new byte[1024];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        for (long word : new long[] {crc.getValue(), data.length}) {
            for (int i = 0; i < 4; i++) {
                out.write((int) (word >> (8 * i)) & 0xff);
            }
        }
        return out.toByteArray();
    }

    private CliRun check(Path model, byte[] gz) throws Exception {
        Path file = dir.resolve("c.cert.gz");
        Files.write(file, gz);
        return CliRun.of("check", "--model", model.toString(), "--cert", file.toString());
    }

    /** Exit 2, one line naming the file and saying what is wrong, no stack trace. */
    private void unusable(CliRun run, String... says) {
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.stderr().contains(dir.resolve("c.cert.gz").toString()), run.toString());
        for (String s : says) {
            assertTrue(run.stderr().contains(s), "expected '" + s + "' in: " + run.stderr());
        }
        assertFalse(run.stderr().contains("Exception") || run.stderr().contains("\tat "), run.stderr());
        assertEquals(1, run.stderr().strip().lines().count(), run.stderr());
    }

    /** Bytes after the last member that are not another member: garbage, zero padding, a lone byte. */
    @Test
    void bytesAfterTheLastMemberAreUnusable() throws Exception {
        Object[] mc = accepted();
        Path model = (Path) mc[0];
        byte[] whole = gzip(bytes((String) mc[1]));
        assertEquals(0, check(model, whole).exitCode(), "the plain member is accepted");
        byte[] garbage = bytes("not gzip at all, 37 bytes of garbage\n");
        assertEquals(37, garbage.length);
        unusable(check(model, concat(whole, garbage)), "37 bytes after the last complete gzip member (member 1, "
                + "which ends at byte " + whole.length + ")");
        unusable(check(model, concat(whole, new byte[512])), "512 bytes after the last complete gzip member");
        unusable(check(model, concat(whole, new byte[] {0})), "1 byte after the last complete gzip member");
        unusable(check(model, concat(whole, new byte[] {0x1f})), "1 byte after the last complete gzip member");
        byte[] comment = gzip(bytes("# a comment in a second member\n"));
        unusable(check(model, concat(whole, comment, new byte[] {0x1f, 0x00})), "2 bytes after the last complete gzip "
                + "member (member 2, which ends at byte " + (whole.length + comment.length) + ")");
    }

    /**
     * A file of several complete members is their concatenation, as gzip -d reads it: the text cut at arbitrary
     * places (inside the header, inside a line) into members, the later ones with every optional header field.
     */
    @Test
    void completeMembersAreReadAsTheirConcatenation() throws Exception {
        Object[] mc = accepted();
        Path model = (Path) mc[0];
        byte[] text = bytes((String) mc[1]);
        int a = 20, b = ((String) mc[1]).indexOf("claim correct") + 15; // inside "model", inside the claim's count
        byte[] three = concat(gzip(Arrays.copyOfRange(text, 0, a)), member(Arrays.copyOfRange(text, a, b), 2 | 4 | 8 | 16),
                member(Arrays.copyOfRange(text, b, text.length), 8));
        CliRun ok = check(model, three);
        assertEquals(0, ok.exitCode(), ok.toString());
        // the later members count: a claim one too high in the last member is rejected
        String proven = ((String) mc[1]).replaceAll("(?s).*claim correct (\\d+) .*", "$1");
        String wrong = ((String) mc[1]).replace("claim correct " + proven, "claim correct " + (Long.parseLong(proven) + 1));
        byte[] w = bytes(wrong);
        int c = wrong.indexOf("claim");
        CliRun rejected = check(model, concat(gzip(Arrays.copyOfRange(w, 0, c)), gzip(Arrays.copyOfRange(w, c, w.length))));
        assertEquals(1, rejected.exitCode(), rejected.toString());
        // a damaged header checksum (FHCRC) in a later member is unusable
        byte[] second = member(Arrays.copyOfRange(text, a, text.length), 2 | 8);
        second[10 + "c.cert\0".length()] ^= 1;
        unusable(check(model, concat(gzip(Arrays.copyOfRange(text, 0, a)), second)),
                "gzip member 2 (from byte ", "damaged header");
    }

    /** A member cut short, in its header, its compressed data or its trailer, first or later: unusable. */
    @Test
    void aTruncatedMemberIsUnusable() throws Exception {
        Object[] mc = accepted();
        Path model = (Path) mc[0];
        byte[] whole = gzip(bytes((String) mc[1]));
        byte[] more = gzip(bytes("# more comment lines\n".repeat(40))); // a second member that would be valid
        for (byte[] m : new byte[][] {whole, more}) {
            for (int cut : new int[] {2, 5, 9, 10, m.length / 2, m.length - 8, m.length - 1}) {
                String where = cut < 10 ? "header" : cut < m.length - 8 ? "compressed data" : "trailer";
                unusable(check(model, Arrays.copyOf(m, cut)), "gzip member 1 (from byte 0) is truncated: the file "
                        + "ends inside its " + where);
                if (m == more) { // (a second copy of the certificate would be a duplicated header before its end)
                    unusable(check(model, concat(whole, Arrays.copyOf(m, cut))), "gzip member 2 (from byte "
                            + whole.length + ") is truncated: the file ends inside its " + where);
                }
            }
        }
        byte[] damaged = whole.clone();
        damaged[damaged.length - 6] ^= 1; // the trailer's CRC-32
        unusable(check(model, damaged), "CRC-32");
        damaged = whole.clone();
        damaged[damaged.length - 2] ^= 1; // the trailer's length
        unusable(check(model, damaged), "its trailer says");
    }

    /** An empty member adds nothing to the text: accepted anywhere, as gzip reads it; not so a broken one. */
    @Test
    void anEmptyTrailingMemberAddsNothing() throws Exception {
        Object[] mc = accepted();
        Path model = (Path) mc[0];
        byte[] whole = gzip(bytes((String) mc[1])), empty = gzip(new byte[0]);
        assertEquals(20, empty.length, "header, the empty deflate block, trailer");
        CliRun ok = check(model, concat(empty, whole, empty, empty));
        assertEquals(0, ok.exitCode(), ok.toString());
        unusable(check(model, concat(whole, Arrays.copyOf(empty, 11))), "gzip member 2 (from byte " + whole.length
                + ") is truncated: the file ends inside its compressed data");
        unusable(check(model, concat(whole, Arrays.copyOf(empty, 12))), "gzip member 2 (from byte " + whole.length
                + ") is truncated: the file ends inside its trailer");
        unusable(check(model, concat(whole, empty, new byte[] {'\n'})), "1 byte after the last complete gzip member "
                + "(member 2, which ends at byte " + (whole.length + 20) + ")");
    }

    /** The limit on the text counts every member's data: members within it but together beyond it are refused. */
    @Test
    void theTextLimitCountsAllMembers() throws Exception {
        Object[] mc = accepted();
        Path model = (Path) mc[0];
        byte[] text = bytes((String) mc[1]), pad = bytes(("#" + "x".repeat(98) + "\n").repeat(100));
        Path file = dir.resolve("c.cert.gz");
        Files.write(file, concat(gzip(text), gzip(pad), gzip(pad)));
        String[] args = {"check", "--model", model.toString(), "--cert", file.toString(), "--max-certificate-bytes", ""};
        args[6] = "" + (text.length + 2 * pad.length);
        assertEquals(0, CliRun.of(args).exitCode());
        args[6] = "" + (text.length + 2 * pad.length - 1);
        CliRun refused = CliRun.of(args);
        assertEquals(2, refused.exitCode(), refused.toString());
        assertTrue(refused.stderr().contains("certificate longer than " + args[6] + " bytes (after decompression)"),
                refused.stderr());
    }
}
