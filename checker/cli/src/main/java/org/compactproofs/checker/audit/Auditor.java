package org.compactproofs.checker.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.bruteforce.Parallel;

/**
 * Re-checks every certificate of an archive: both files' hashes against the manifest, then the certificate
 * against its model, which must be ACCEPTED with exactly the manifest's claim and strategy. Certificates are
 * independent, so they are checked in parallel (one thread each); results come back in the manifest's order.
 */
public final class Auditor {
    private Auditor() {}

    /** One certificate's outcome: accepted, or the reason it is not (overLimit: beyond the limits, not judged). */
    public record Outcome(Manifest.Entry entry, boolean accepted, String problem, double seconds,
                          java.util.Map<String, Long> operations, boolean overLimit) implements java.io.Serializable {}

    public static List<Outcome> audit(Manifest manifest, int threads, Limits limits) {
        List<java.util.concurrent.Callable<Outcome>> checks = new ArrayList<>();
        for (Manifest.Entry e : manifest.entries()) {
            checks.add(() -> one(manifest.directory(), e, limits));
        }
        return Parallel.map(checks, threads);
    }

    /** One certificate of the archive in {@code directory}: the unit of work of this class and of distributed/. */
    public static Outcome one(Path directory, Manifest.Entry e, Limits limits) {
        long start = System.nanoTime();
        Path model = directory.resolve(e.model()), cert = directory.resolve(e.certificate());
        String problem;
        java.util.Map<String, Long> operations = java.util.Map.of();
        boolean overLimit = false;
        try {
            String modelHash = sha256(inside(directory, model, limits.modelBytes(), "--max-model-bytes"));
            String certHash = modelHash.equals(e.modelSha256())
                    ? sha256(inside(directory, cert, limits.certificateBytes(), "--max-certificate-bytes")) : null;
            if (certHash == null) {
                problem = "model " + e.model() + ": SHA-256 " + modelHash + ", the manifest says " + e.modelSha256();
            } else if (!certHash.equals(e.certificateSha256())) {
                problem = "certificate " + e.certificate() + ": SHA-256 " + certHash + ", the manifest says "
                        + e.certificateSha256();
            } else {
                Verdict v = Checker.check(model, cert, org.compactproofs.checker.cli.CertificateFile::open, 1, limits);
                operations = new java.util.LinkedHashMap<>(v.operations());
                if (!v.accepted()) {
                    problem = "REJECTED at line " + v.failure().line() + ": " + v.failure().message();
                } else if (!v.header().strategy().equals(e.strategy())) {
                    problem = "strategy " + v.header().strategy() + ", the manifest says " + e.strategy();
                } else if (!v.certifiedCount().toString().equals(e.claim()) || !v.header().total().toString().equals(e.total())) {
                    problem = "certified " + v.certifiedCount() + " of " + v.header().total() + ", the manifest says "
                            + e.claim() + " of " + e.total();
                } else {
                    problem = null;
                }
            }
        } catch (UnusableInputException x) {
            problem = "unusable: " + x.getMessage();
            overLimit = x.overLimit();
        } catch (OutOfMemoryError x) { // a hostile shape within the limits: this certificate is not judged, the rest are
            problem = "unusable: " + cert + ": needs more memory than this Java heap has (raise it with -Xmx)";
            overLimit = true;
        }
        return new Outcome(e, problem == null, problem, (System.nanoTime() - start) / 1e9, operations, overLimit);
    }

    /**
     * The file, once it is known to be a regular file inside the archive (symbolic links resolved: nothing outside
     * the archive is read) of at most {@code bytes} bytes (a gzip file is never much longer than its text), so that
     * hashing it is bounded by the same limits as checking it.
     */
    static Path inside(Path directory, Path file, long bytes, String option) {
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(directory.toRealPath()) || !Files.isRegularFile(real)) {
                throw new UnusableInputException(file + ": not a regular file inside the archive " + directory);
            }
            if (Files.size(real) > bytes) {
                throw Limits.mark(new UnusableInputException(file + ": " + Files.size(real) + " bytes, more than "
                        + bytes + Limits.raising(option)));
            }
            return real;
        } catch (IOException x) {
            throw new UnusableInputException(file + ": " + UnusableInputException.describe(x), x);
        }
    }

    /** The SHA-256 of a file's bytes, read as a stream, in lower-case hex. */
    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                md.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException x) {
            throw new UnusableInputException(file + ": " + UnusableInputException.describe(x), x);
        } catch (NoSuchAlgorithmException x) {
            throw new IllegalStateException(x);
        }
    }
}
