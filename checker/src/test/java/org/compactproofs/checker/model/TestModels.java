package org.compactproofs.checker.model;

/** Test helper: public access to {@link SafetensorsBuilder}'s valid random models from other test packages. */
public final class TestModels {
    private TestModels() {}

    /** The bytes of a valid random F32 model file (vocab v, context k, d_model d, d_head h). */
    public static byte[] randomModel(int v, int k, int d, int h, long seed) {
        return SafetensorsBuilder.model(v, k, d, h, seed).bytes();
    }
}
