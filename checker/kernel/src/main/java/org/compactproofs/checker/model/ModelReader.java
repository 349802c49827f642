package org.compactproofs.checker.model;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * Turns a validated safetensors file into a {@link Model}: the TransformerLens tensor names of
 * {@code docs/model-format.md} must all be present with consistent shapes (one head, one layer), optional biases
 * must be zero (the semantics we prove about has no biases), TransformerLens' causal-mask buffers are checked
 * and ignored, and any other tensor is refused: it would mean a model this tool does not understand (LayerNorm,
 * MLP, a second layer), and silently ignoring it would prove things about the wrong function.
 */
public final class ModelReader {
    /** A model together with the file it came from and the SHA-256 of that file's bytes. */
    public record ModelFile(Path path, String sha256, Model model) {}

    private static final Set<String> BIASES = Set.of(
            "blocks.0.attn.b_Q", "blocks.0.attn.b_K", "blocks.0.attn.b_V", "blocks.0.attn.b_O", "unembed.b_U");
    private static final String MASK = "blocks.0.attn.mask", IGNORE = "blocks.0.attn.IGNORE";

    private final Path file;
    private final Map<String, Tensor> tensors;

    private ModelReader(Path file, Map<String, Tensor> tensors) {
        this.file = file;
        this.tensors = tensors;
    }

    public static ModelFile read(Path file) {
        return read(file, org.compactproofs.checker.Limits.DEFAULT.modelBytes());
    }

    /** The model of a file of at most {@code maxBytes} bytes. */
    public static ModelFile read(Path file, long maxBytes) {
        SafetensorsReader.Contents contents;
        try {
            contents = SafetensorsReader.read(file, maxBytes);
        } catch (OutOfMemoryError e) { // one large array failed (the bytes, or a tensor's doubles): nothing is kept
            throw org.compactproofs.checker.Limits.mark(new ModelFormatException(file, "does not fit in the Java "
                    + "heap of " + Runtime.getRuntime().maxMemory() + " bytes (its tensors take up to 8 bytes per byte "
                    + "of file); run java with a larger -Xmx"));
        }
        Model model = new ModelReader(file, contents.tensors()).toModel(contents.metadata());
        return new ModelFile(file, sha256(contents.bytes()), model);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    private Model toModel(Map<String, String> metadata) {
        Set<String> unknown = new HashSet<>(tensors.keySet());
        for (String name : new String[] {Model.W_E, Model.W_POS, Model.W_Q, Model.W_K, Model.W_V, Model.W_O, Model.W_U}) {
            unknown.remove(name);
        }
        unknown.removeAll(BIASES);
        unknown.remove(MASK);
        unknown.remove(IGNORE);
        if (!unknown.isEmpty()) {
            String name = unknown.stream().sorted().findFirst().orElseThrow();
            throw new ModelFormatException(file, name, "unexpected tensor: this tool reads one-layer, one-head, "
                    + "attention-only transformers without LayerNorm or MLP (see docs/model-format.md)");
        }
        int[] e = shape(Model.W_E, 2);
        int vocab = e[0], dModel = e[1];
        int[] pos = shape(Model.W_POS, 2);
        int context = pos[0];
        expect(Model.W_POS, pos, context, dModel);
        int[] q = shape(Model.W_Q, 3);
        if (q[0] != 1) {
            throw new ModelFormatException(file, Model.W_Q, "has " + q[0] + " heads; only one-head models are supported");
        }
        int dHead = q[2];
        expect(Model.W_Q, q, 1, dModel, dHead);
        expect(Model.W_K, shape(Model.W_K, 3), 1, dModel, dHead);
        expect(Model.W_V, shape(Model.W_V, 3), 1, dModel, dHead);
        expect(Model.W_O, shape(Model.W_O, 3), 1, dHead, dModel);
        expect(Model.W_U, shape(Model.W_U, 2), dModel, vocab);
        if (vocab < 2 || context < 1 || dModel < 1 || dHead < 1) {
            throw new ModelFormatException(file, Model.W_E, "degenerate dimensions: vocabulary " + vocab
                    + ", context " + context + ", d_model " + dModel + ", d_head " + dHead);
        }
        checkBias("blocks.0.attn.b_Q", 1, dHead);
        checkBias("blocks.0.attn.b_K", 1, dHead);
        checkBias("blocks.0.attn.b_V", 1, dHead);
        checkBias("blocks.0.attn.b_O", dModel);
        checkBias("unembed.b_U", vocab);
        checkMask(context);
        return new Model(vocab, context, dModel, dHead,
                matrix(Model.W_E), matrix(Model.W_POS), matrix(Model.W_Q), matrix(Model.W_K),
                matrix(Model.W_V), matrix(Model.W_O), matrix(Model.W_U), metadata);
    }

    private Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw new ModelFormatException(file, name, "missing");
        }
        return t;
    }

    private double[][] matrix(String name) {
        return tensor(name).matrix();
    }

    private int[] shape(String name, int rank) {
        Tensor t = tensor(name);
        if (!t.dtype().equals("F32") && !t.dtype().equals("F64")) {
            throw new ModelFormatException(file, name, "dtype " + t.dtype() + " is not a floating-point type");
        }
        if (t.shape().length != rank) {
            throw new ModelFormatException(file, name, "has shape " + t.shapeText() + "; expected rank " + rank);
        }
        return t.shape();
    }

    private void expect(String name, int[] actual, int... expected) {
        if (!java.util.Arrays.equals(actual, expected)) {
            throw new ModelFormatException(file, name, "has shape " + java.util.Arrays.toString(actual)
                    + ", inconsistent with the other tensors, which require " + java.util.Arrays.toString(expected));
        }
    }

    private void checkBias(String name, int... expectedShape) {
        if (!tensors.containsKey(name)) {
            return;
        }
        expect(name, shape(name, expectedShape.length), expectedShape);
        double[] values = tensors.get(name).values();
        for (int i = 0; i < values.length; i++) {
            if (values[i] != 0) {
                throw new ModelFormatException(file, name, "element " + i + " is " + values[i]
                        + "; biases must be zero (the semantics proved about has no biases)");
            }
        }
    }

    /** TransformerLens stores the causal mask (lower triangular, true where attention is allowed). */
    private void checkMask(int context) {
        if (tensors.containsKey(IGNORE) && tensors.get(IGNORE).values().length != 1) {
            throw new ModelFormatException(file, IGNORE, "must be a single value");
        }
        Tensor mask = tensors.get(MASK);
        if (mask == null) {
            return;
        }
        if (!mask.dtype().equals("BOOL") || !java.util.Arrays.equals(mask.shape(), new int[] {context, context})) {
            throw new ModelFormatException(file, MASK, "must be a BOOL [" + context + ", " + context + "] causal mask");
        }
        for (int i = 0; i < context; i++) {
            for (int j = 0; j < context; j++) {
                if (mask.values()[i * context + j] != (j <= i ? 1 : 0)) {
                    throw new ModelFormatException(file, MASK, "is not the causal (lower-triangular) mask");
                }
            }
        }
    }
}
