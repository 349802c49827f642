package org.compactproofs.checker.model;

/** Test helper: public access to {@link SafetensorsBuilder}'s valid random models from other test packages. */
public final class TestModels {
    private TestModels() {}

    /** The bytes of a model file holding m's weights as F64 (exactly). */
    public static byte[] bytes(Model m) {
        SafetensorsBuilder b = new SafetensorsBuilder();
        b.f64("embed.W_E", m.wE());
        b.f64("pos_embed.W_pos", m.wPos());
        b.f64("blocks.0.attn.W_Q", m.wQ(), 1);
        b.f64("blocks.0.attn.W_K", m.wK(), 1);
        b.f64("blocks.0.attn.W_V", m.wV(), 1);
        b.f64("blocks.0.attn.W_O", m.wO(), 1);
        b.f64("unembed.W_U", m.wU());
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
