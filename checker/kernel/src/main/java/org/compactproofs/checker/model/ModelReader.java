package org.compactproofs.checker.model;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.compactproofs.checker.Limits;

/**
 * Turns a validated safetensors file into a {@link Model}: the TransformerLens tensor names of
 * {@code docs/model-format.md} must all be present with consistent shapes (one head, one layer, output vocabulary =
 * input vocabulary), biases are optional (absent = zero), TransformerLens' causal-mask buffers are checked and
 * ignored, and any other tensor is refused: it would mean a model this tool does not understand (LayerNorm, MLP, a
 * second layer), and silently ignoring it would prove things about the wrong function. A configuration stored in
 * the metadata (as docs/own-model.md writes it) must describe the same shape: LayerNorm folded away (LNPre)
 * leaves no tensor behind, so only the metadata can tell.
 */
public final class ModelReader {
    /** A model together with the file it came from and the SHA-256 of that file's bytes. */
    public record ModelFile(Path path, String sha256, Model model) {}

    /**
     * Every weight and bias tensor with its shape as dimension names, in the order checked. The first tensor to
     * use a dimension fixes it (W_E fixes vocab and d_model, W_pos context, W_Q d_head); heads is fixed at one.
     * The weights are required; the biases ({@code b_}) are optional (absent means zero).
     */
    private static final String[][] SHAPES = {
        {Model.W_E, "vocab d_model"}, {Model.W_POS, "context d_model"}, {Model.W_Q, "heads d_model d_head"},
        {Model.W_K, "heads d_model d_head"}, {Model.W_V, "heads d_model d_head"},
        {Model.W_O, "heads d_head d_model"}, {Model.W_U, "d_model vocab"},
        {Model.B_Q, "heads d_head"}, {Model.B_K, "heads d_head"},
        {Model.B_V, "heads d_head"}, {Model.B_O, "d_model"}, {Model.B_U, "vocab"}};
    /** The shape this tool supports, for refusals. */
    static final String SUPPORTED = "supported: one layer, one attention head, attention only (no MLP), no LayerNorm"
            + " (normalization_type None), output vocabulary = input vocabulary; see docs/model-format.md";
    /**
     * Configuration keys TransformerLens users store in the metadata (docs/own-model.md), with the one value each
     * may have; a key that is absent is not checked.
     */
    private static final Map<String, Set<String>> CONFIG = Map.of("normalization_type", Set.of("None"),
            "n_layers", Set.of("1"), "n_heads", Set.of("1"), "attn_only", Set.of("True", "true"),
            "positional_embedding_type", Set.of("standard"), "use_attn_scale", Set.of("True", "true"));
    private static final String MASK = "blocks.0.attn.mask", IGNORE = "blocks.0.attn.IGNORE";

    private final Path file;
    private final Map<String, Tensor> tensors;

    private ModelReader(Path file, Map<String, Tensor> tensors) {
        this.file = file;
        this.tensors = tensors;
    }

    public static ModelFile read(Path file) {
        return read(file, Limits.DEFAULT.modelBytes());
    }

    /** The model of a file of at most {@code maxBytes} bytes. */
    public static ModelFile read(Path file, long maxBytes) {
        SafetensorsReader.Contents contents;
        try {
            contents = SafetensorsReader.read(file, maxBytes);
        } catch (OutOfMemoryError e) { // one large array failed (the bytes, or a tensor's doubles): nothing is kept
            throw Limits.mark(new ModelFormatException(file, "does not fit in the Java "
                    + "heap of " + Runtime.getRuntime().maxMemory() + " bytes (its tensors take up to 8 bytes per byte "
                    + "of file); run java with a larger -Xmx"));
        }
        Model model = new ModelReader(file, contents.tensors()).toModel(contents.metadata());
        return new ModelFile(file, sha256(contents.bytes()), model);
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A fresh SHA-256 digest (of model files here, of certificate texts for sharded checks). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Refuses the model with {@code problem} about {@code tensor} unless {@code ok}. */
    private void require(boolean ok, String tensor, String problem) {
        if (!ok) {
            throw new ModelFormatException(file, tensor, problem);
        }
    }

    private Model toModel(Map<String, String> metadata) {
        TreeSet<String> unknown = new TreeSet<>(tensors.keySet());
        unknown.removeAll(Set.of(MASK, IGNORE));
        unknown.removeAll(Arrays.stream(SHAPES).map(s -> s[0]).toList());
        if (!unknown.isEmpty()) {
            String name = unknown.first();
            String what = name.matches("blocks\\.[1-9][0-9]*\\..*") ? "a second layer"
                    : name.contains("mlp") ? "an MLP" : name.contains("ln") ? "LayerNorm weights" : "an unknown tensor";
            throw new ModelFormatException(file, name, "unexpected tensor, " + what + "; " + SUPPORTED);
        }
        for (Map.Entry<String, Set<String>> c : new java.util.TreeMap<>(CONFIG).entrySet()) {
            String value = metadata.get(c.getKey());
            require(value == null || c.getValue().contains(value), "__metadata__", "says " + c.getKey() + " = " + value
                    + "; " + SUPPORTED);
        }
        Map<String, Integer> dims = new HashMap<>(Map.of("heads", 1));
        for (String[] s : SHAPES) {
            check(s[0], s[1].split(" "), dims);
        }
        int vocab = dims.get("vocab"), context = dims.get("context"), dModel = dims.get("d_model");
        int dHead = dims.get("d_head");
        require(vocab >= 2 && context >= 1 && dModel >= 1 && dHead >= 1, Model.W_E, "degenerate dimensions: "
                + "vocabulary " + vocab + ", context " + context + ", d_model " + dModel + ", d_head " + dHead);
        checkBuffers(context);
        return new Model(vocab, context, dModel, dHead,
                matrix(Model.W_E), matrix(Model.W_POS), matrix(Model.W_Q), matrix(Model.W_K),
                matrix(Model.W_V), matrix(Model.W_O), matrix(Model.W_U),
                new Model.Biases(vector(Model.B_Q, dHead), vector(Model.B_K, dHead), vector(Model.B_V, dHead),
                        vector(Model.B_O, dModel), vector(Model.B_U, vocab)), metadata);
    }

    private double[][] matrix(String name) {
        return tensors.get(name).matrix();
    }

    /** A bias's values (its shape was checked), or zeros when the file has none. */
    private double[] vector(String name, int length) {
        Tensor t = tensors.get(name);
        return t == null ? new double[length] : t.values().clone();
    }

    /**
     * Checks one row of {@link #SHAPES}: the tensor is present (unless a bias), floating-point, of the rank and
     * shape its dimension names give in {@code dims} (which it extends by those it is the first to use).
     */
    private void check(String name, String[] dimNames, Map<String, Integer> dims) {
        Tensor t = tensors.get(name);
        boolean bias = name.contains(".b_");
        require(t != null || bias, name, "missing");
        if (t == null) {
            return;
        }
        int[] shape = t.shape();
        require(!t.dtype().equals("BOOL"), name, "dtype BOOL is not a floating-point type");
        require(shape.length == dimNames.length, name,
                "has shape " + Arrays.toString(shape) + "; expected rank " + dimNames.length);
        int[] required = new int[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims.putIfAbsent(dimNames[i], shape[i]);
            required[i] = dims.get(dimNames[i]);
        }
        require(!dimNames[0].equals("heads") || shape[0] == 1, name,
                "has " + shape[0] + " heads; " + SUPPORTED);
        if (name.equals(Model.W_U)) {
            require(shape[1] == required[1], name, "has an output vocabulary of " + shape[1]
                    + " for an input vocabulary of " + required[1] + "; " + SUPPORTED);
        }
        require(Arrays.equals(shape, required), name, "has shape " + Arrays.toString(shape)
                + ", inconsistent with the other tensors, which require " + Arrays.toString(required));
    }

    /**
     * TransformerLens' buffers, both optional: IGNORE a single value, and the mask BOOL [context, context] and
     * causal (lower triangular: true where attention is allowed, element i is row i / context, column i % context).
     */
    private void checkBuffers(int context) {
        Tensor ignore = tensors.get(IGNORE), mask = tensors.get(MASK);
        require(ignore == null || ignore.values().length == 1, IGNORE, "must be a single value");
        if (mask == null) {
            return;
        }
        require(mask.dtype().equals("BOOL") && Arrays.equals(mask.shape(), new int[] {context, context}), MASK,
                "must be a BOOL [" + context + ", " + context + "] causal mask");
        for (int i = 0; i < context * context; i++) {
            require(mask.values()[i] == (i % context <= i / context ? 1 : 0), MASK,
                    "is not the causal (lower-triangular) mask");
        }
    }
}
