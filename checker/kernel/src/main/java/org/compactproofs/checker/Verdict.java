package org.compactproofs.checker;

import java.math.BigInteger;
import java.util.Map;
import org.compactproofs.checker.cert.Header;
import org.compactproofs.checker.rules.Failure;

/**
 * The outcome of checking a well-formed certificate: accepted (the proven count reaches the claim) or rejected
 * with the first failing step. {@code proven} is what the steps proved; the certified bound of an accepted
 * certificate is its claim, proven / total only when they are equal.
 */
public record Verdict(Header header, String modelSha256, BigInteger proven, Map<String, Long> operations,
                      Work work, Failure failure) {
    /**
     * The check's work, typed (the operations map names each counter for people): the case steps checked, and the
     * bound operations of the case rules including S2's tables (what a rule's cost is measured in).
     */
    public record Work(long cases, long boundOperations) {}

    public boolean accepted() {
        return failure == null;
    }

    /** The certified number of correct inputs: the claim, when accepted. */
    public BigInteger certifiedCount() {
        return accepted() ? header.claimedCorrect() : BigInteger.ZERO;
    }
}
