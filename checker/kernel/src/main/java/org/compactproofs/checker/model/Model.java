package org.compactproofs.checker.model;

import java.util.Arrays;
import java.util.Map;

/**
 * The weights of a one-layer, one-head, attention-only transformer with zero biases, named as in
 * TransformerLens (head dimension dropped). Every entry is the exact value stored in the file (float32 or
 * float64, widened to double without rounding).
 *
 * <p>Invariant (checked on construction): {@code wE} is [vocab][dModel], {@code wPos} [context][dModel],
 * {@code wQ}, {@code wK}, {@code wV} [dModel][dHead], {@code wO} [dHead][dModel], {@code wU} [dModel][vocab];
 * every value is finite; vocab >= 2, context >= 1.
 */
public record Model(int vocab, int context, int dModel, int dHead,
                    double[][] wE, double[][] wPos,
                    double[][] wQ, double[][] wK, double[][] wV, double[][] wO,
                    double[][] wU, Map<String, String> metadata) {

    public Model {
        if (vocab < 2 || context < 1 || dModel < 1 || dHead < 1) {
            throw new IllegalArgumentException("bad dimensions: vocab " + vocab + ", context " + context
                    + ", d_model " + dModel + ", d_head " + dHead);
        }
        requireShape(W_E, wE, vocab, dModel);
        requireShape(W_POS, wPos, context, dModel);
        requireShape(W_Q, wQ, dModel, dHead);
        requireShape(W_K, wK, dModel, dHead);
        requireShape(W_V, wV, dModel, dHead);
        requireShape(W_O, wO, dHead, dModel);
        requireShape(W_U, wU, dModel, vocab);
        metadata = Map.copyOf(metadata);
    }

    /** Checks that {@code m} is a rows x cols matrix of finite values. */
    private static void requireShape(String name, double[][] m, int rows, int cols) {
        if (m.length != rows || Arrays.stream(m).anyMatch(row -> row.length != cols)) {
            throw new IllegalArgumentException(name + " is not a " + rows + " x " + cols + " matrix");
        }
        if (!Arrays.stream(m).flatMapToDouble(Arrays::stream).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException(name + " holds a non-finite value");
        }
    }

    /** The number of inputs, vocab^context, as a long (callers with larger tasks use BigInteger). */
    public long inputCount() {
        long n = 1;
        for (int i = 0; i < context; i++) {
            n = Math.multiplyExact(n, (long) vocab);
        }
        return n;
    }

    /** Tensor names of the weights, in TransformerLens naming. */
    public static final String W_E = "embed.W_E", W_POS = "pos_embed.W_pos", W_Q = "blocks.0.attn.W_Q",
            W_K = "blocks.0.attn.W_K", W_V = "blocks.0.attn.W_V", W_O = "blocks.0.attn.W_O", W_U = "unembed.W_U";
}
