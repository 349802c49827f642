package org.compactproofs.checker;

import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.compactproofs.checker.cert.CertificateReader;
import org.compactproofs.checker.cert.Header;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;

/**
 * One certificate checked in shards (docs/rules.md, Lemma D1): shard [from, to) verifies the steps whose
 * {@code max} key lies in it ({@link Checker#checkShard}); {@link #combine} alone decides, from the shards'
 * results, whatever carried them (the distributed module is untrusted transport).
 */
public final class Shards {
    private Shards() {}

    /** What one shard checked and found: the model's and the text's SHA-256, the claim, its range, its count. */
    public record Result(String modelSha256, String certificateSha256, BigInteger claim, int from, int to,
                         BigInteger proven, Failure failure) implements java.io.Serializable {}

    /** The certificate as the combining side reads it itself: its header and its text's SHA-256. */
    public record Identity(Header header, String certificateSha256) {}

    /** A step's key: its {@code max} field when that is an integer in [0, vocab), else -1 (no key). */
    static int key(Step step, ProofState state) {
        Step.Field f = Fields.field(step, state, "max");
        BigInteger n = f != null && f.number() ? Numbers.integer(f.value()) : null;
        return n != null && n.signum() >= 0 && n.compareTo(BigInteger.valueOf(state.model().vocab())) < 0
                ? n.intValue() : -1;
    }

    /**
     * The header and the SHA-256 of the whole text, read once with the kernel's reader under its limits (every line
     * is read, as a shard reads it, so a huge or endless text is refused as the check would refuse it).
     */
    public static Identity identify(Path certificate, Function<Path, InputStream> open, Limits limits) {
        MessageDigest digest = ModelReader.digest();
        try (CertificateReader reader = new CertificateReader(certificate,
                new DigestInputStream(open.apply(certificate), digest), limits)) {
            Header h = reader.header();
            for (Step s = reader.nextStep(); s != null; s = reader.nextStep()) {
                continue; // syntax only: the steps are the shards' to check
            }
            return new Identity(h, HexFormat.of().formatHex(digest.digest()));
        }
    }

    /**
     * Lemma D1: null (accepted) iff no shard failed, every shard checked this model and this text with this claim,
     * their ranges partition [0, vocab) exactly, and their counts sum to at least the claim; else the failure: the
     * first failing shard's (in range order), or one of rule "shards" at the claim line.
     */
    public static Failure combine(Identity id, String modelSha256, List<Result> shards) {
        Header h = id.header();
        List<Result> sorted = new ArrayList<>(shards);
        sorted.sort(Comparator.comparingInt(Result::from).thenComparingInt(Result::to));
        int next = 0;
        BigInteger sum = BigInteger.ZERO;
        for (Result r : sorted) {
            if (r.failure() != null) {
                return r.failure();
            }
            if (!r.modelSha256().equals(modelSha256) || !modelSha256.equals(h.modelSha256())
                    || !r.certificateSha256().equals(id.certificateSha256()) || !r.claim().equals(h.claimedCorrect())) {
                return shards(h, "every shard checked this model and this certificate", "shard " + r.from() + ".."
                        + r.to(), "model " + r.modelSha256() + ", certificate " + r.certificateSha256());
            }
            if (r.from() != next || r.to() <= r.from()) {
                return shards(h, "the shards' ranges of max partition 0..vocab-1", "range " + r.from() + ".." + r.to(),
                        "the next range starts at " + next);
            }
            next = r.to();
            sum = sum.add(r.proven());
        }
        if (next != h.vocab()) {
            return shards(h, "the shards' ranges of max partition 0..vocab-1", "covered up to " + next, "vocab " + h.vocab());
        }
        return sum.compareTo(h.claimedCorrect()) >= 0 ? null : new Failure(h.claimLine(), 1, "claim",
                "proven count >= claimed count", sum.toString(), h.claimedCorrect().toString());
    }

    private static Failure shards(Header h, String inequality, String left, String right) {
        return new Failure(h.claimLine(), 1, "shards", inequality, left, right);
    }
}
