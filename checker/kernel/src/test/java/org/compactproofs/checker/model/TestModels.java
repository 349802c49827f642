package org.compactproofs.checker.model;

/** Test helper: public access to {@link SafetensorsBuilder}'s valid random models from other test packages. */
public final class TestModels {
    private TestModels() {}

    /** The bytes of a model file holding m's weights (and its biases, if any is non-zero) as F64 (exactly). */
    public static byte[] bytes(Model m) {
        SafetensorsBuilder b = new SafetensorsBuilder();
        b.f64("embed.W_E", m.wE());
        b.f64("pos_embed.W_pos", m.wPos());
        b.f64("blocks.0.attn.W_Q", m.wQ(), 1);
        b.f64("blocks.0.attn.W_K", m.wK(), 1);
        b.f64("blocks.0.attn.W_V", m.wV(), 1);
        b.f64("blocks.0.attn.W_O", m.wO(), 1);
        b.f64("unembed.W_U", m.wU());
        if (m.biases().any()) {
            Model.Biases x = m.biases();
            b.f64(Model.B_Q, new double[][] {x.q()});
            b.f64(Model.B_K, new double[][] {x.k()});
            b.f64(Model.B_V, new double[][] {x.v()});
            b.f64(Model.B_O, new double[][] {x.o()});
            b.f64(Model.B_U, new double[][] {x.u()});
            vector(b, Model.B_O);
            vector(b, Model.B_U);
        }
        return b.bytes();
    }

    /** Drops the leading 1 of a bias written as a [1, n] matrix: b_O and b_U are vectors in TransformerLens. */
    private static void vector(SafetensorsBuilder b, String name) {
        SafetensorsBuilder.Entry e = b.tensors.get(name);
        b.tensors.put(name, new SafetensorsBuilder.Entry(e.dtype(), new int[] {e.shape()[1]}, e.data()));
    }

    /**
     * The bytes of a model file holding m's weights and biases as F16 ({@code bfloat} false) or BF16, in
     * TransformerLens' shapes; every value must be representable (see SmallModels.halfPrecision).
     */
    public static byte[] halfBytes(Model m, boolean bfloat) {
        SafetensorsBuilder b = new SafetensorsBuilder();
        Model.Biases x = m.biases();
        b.half("embed.W_E", m.wE(), bfloat);
        b.half("pos_embed.W_pos", m.wPos(), bfloat);
        b.half("blocks.0.attn.W_Q", m.wQ(), bfloat, 1);
        b.half("blocks.0.attn.W_K", m.wK(), bfloat, 1);
        b.half("blocks.0.attn.W_V", m.wV(), bfloat, 1);
        b.half("blocks.0.attn.W_O", m.wO(), bfloat, 1);
        b.half("unembed.W_U", m.wU(), bfloat);
        b.half(Model.B_Q, new double[][] {x.q()}, bfloat);
        b.half(Model.B_K, new double[][] {x.k()}, bfloat);
        b.half(Model.B_V, new double[][] {x.v()}, bfloat);
        b.half(Model.B_O, new double[][] {x.o()}, bfloat);
        b.half(Model.B_U, new double[][] {x.u()}, bfloat);
        vector(b, Model.B_O);
        vector(b, Model.B_U);
        return b.bytes();
    }

    /** The bytes of a valid random F32 model file (vocab v, context k, d_model d, d_head h). */
    public static byte[] randomModel(int v, int k, int d, int h, long seed) {
        return SafetensorsBuilder.model(v, k, d, h, seed).bytes();
    }

    /** A valid random F32 model (see {@link #randomModel}) written to {@code dir} and read back. */
    public static Model written(java.nio.file.Path dir, long seed, int v, int k, int d, int h) throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("m" + seed + ".safetensors");
        java.nio.file.Files.write(file, randomModel(v, k, d, h, seed));
        return ModelReader.read(file).model();
    }
}
