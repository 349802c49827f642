package org.compactproofs.checker.model;

import java.util.Arrays;
import java.util.Map;

/**
 * The weights and biases of a one-layer, one-head, attention-only transformer, named as in TransformerLens
 * (head dimension dropped). Every entry is the exact value stored in the file (float16, bfloat16, float32 or
 * float64, widened to double without rounding).
 *
 * <p>Invariant (checked on construction): {@code wE} is [vocab][dModel], {@code wPos} [context][dModel],
 * {@code wQ}, {@code wK}, {@code wV} [dModel][dHead], {@code wO} [dHead][dModel], {@code wU} [dModel][vocab];
 * the biases b_Q, b_K, b_V have dHead entries, b_O dModel, b_U vocab; every value is finite; vocab >= 2,
 * context >= 1.
 */
public record Model(int vocab, int context, int dModel, int dHead,
                    double[][] wE, double[][] wPos,
                    double[][] wQ, double[][] wK, double[][] wV, double[][] wO,
                    double[][] wU, Biases biases, Map<String, String> metadata) {

    /** TransformerLens' b_Q, b_K, b_V (head dimension dropped), b_O and b_U. */
    public record Biases(double[] q, double[] k, double[] v, double[] o, double[] u) {
        public static Biases zero(int dHead, int dModel, int vocab) {
            return new Biases(new double[dHead], new double[dHead], new double[dHead], new double[dModel], new double[vocab]);
        }

        /** Whether any bias is non-zero (only then do the circuit tables gain the bias terms). */
        public boolean any() {
            return java.util.stream.Stream.of(q, k, v, o, u).flatMapToDouble(Arrays::stream).anyMatch(x -> x != 0);
        }
    }

    /** A model without biases (every bias zero). */
    public Model(int vocab, int context, int dModel, int dHead, double[][] wE, double[][] wPos, double[][] wQ,
                 double[][] wK, double[][] wV, double[][] wO, double[][] wU, Map<String, String> metadata) {
        this(vocab, context, dModel, dHead, wE, wPos, wQ, wK, wV, wO, wU, Biases.zero(dHead, dModel, vocab), metadata);
    }

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
        requireShape("biases b_Q, b_K, b_V", new double[][] {biases.q(), biases.k(), biases.v()}, 3, dHead);
        requireShape(B_O, new double[][] {biases.o()}, 1, dModel);
        requireShape(B_U, new double[][] {biases.u()}, 1, vocab);
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

    /** The columns of Eq in the tables' factors: d_model, plus the bias column when a bias is non-zero. */
    public int eqWidth() {
        return dModel + (biases.any() ? 1 : 0);
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
            W_K = "blocks.0.attn.W_K", W_V = "blocks.0.attn.W_V", W_O = "blocks.0.attn.W_O", W_U = "unembed.W_U",
            B_Q = "blocks.0.attn.b_Q", B_K = "blocks.0.attn.b_K", B_V = "blocks.0.attn.b_V", B_O = "blocks.0.attn.b_O",
            B_U = "unembed.b_U";
}
