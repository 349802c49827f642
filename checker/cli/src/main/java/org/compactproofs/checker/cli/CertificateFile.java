package org.compactproofs.checker.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.Verdict;

/**
 * A certificate file as the command line reads it: plain text, or gzip (as archived, {@code *.cert.gz}, recognised
 * by its magic bytes and decompressed strictly by {@link GzipInput}). Outside the trusted kernel, which checks the
 * text it is given: a verdict is about the text read, whose header names the model and the claim.
 */
public final class CertificateFile {
    private CertificateFile() {}

    /** {@link Checker#check(Path, Path, java.util.function.Function, int, Limits)} of a file, plain or gzip. */
    public static Verdict check(Path model, Path certificate, int threads, Limits limits) {
        return Checker.check(model, certificate, CertificateFile::open, threads, limits);
    }

    /** {@link #check(Path, Path, int, Limits)} within the default limits. */
    public static Verdict check(Path model, Path certificate, int threads) {
        return check(model, certificate, threads, Limits.DEFAULT);
    }

    /** The text of a certificate file (a regular file) as a stream, so memory stays bounded as for plain text. */
    public static InputStream open(Path file) {
        java.io.BufferedInputStream in;
        try {
            if (!Files.isRegularFile(file)) {
                throw new UnusableInputException(file + ": " + (Files.exists(file) ? "not a regular file" : "no such file"));
            }
            in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16);
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot read: " + UnusableInputException.describe(e));
        }
        try {
            in.mark(2);
            int b0 = in.read(), b1 = in.read();
            in.reset();
            return b0 == 0x1f && b1 == 0x8b ? new GzipInput(file, in) : in;
        } catch (IOException e) {
            try {
                in.close();
            } catch (IOException ignored) { // the read's error is the one reported
            }
            throw new UnusableInputException(file + ": cannot read: " + UnusableInputException.describe(e));
        }
    }
}
