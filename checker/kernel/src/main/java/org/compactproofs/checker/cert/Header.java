package org.compactproofs.checker.cert;

import java.math.BigInteger;

/**
 * The certificate's header: language version, the SHA-256 of the model file it is about, the task (Max-of-K with
 * vocabulary and context length, uniform distribution), the claim (an exact count of correct inputs out of
 * vocab^context) and the strategy name. {@code lines} holds the line number of each header line, in order
 * (version, model, task, claim, strategy), for error reports.
 */
public record Header(int version, String modelSha256, int vocab, int context, BigInteger claimedCorrect,
                     BigInteger total, String strategy, int[] lines) {
    public int modelLine() {
        return lines[1];
    }

    public int taskLine() {
        return lines[2];
    }

    public int claimLine() {
        return lines[3];
    }

    public int strategyLine() {
        return lines[4];
    }
}
