package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.train.Parameters;
import org.compactproofs.generator.train.SplitMix64;
import org.compactproofs.generator.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator's writer and the checker's reader agree: weights, metadata and hash survive a round trip. */
class SafetensorsRoundTripTest {
    @TempDir
    Path dir;

    private static void assertSameWeights(Model a, Model b) {
        assertEquals(a.vocab(), b.vocab());
        assertEquals(a.context(), b.context());
        assertEquals(a.dModel(), b.dModel());
        assertEquals(a.dHead(), b.dHead());
        assertArrayEquals(a.wE(), b.wE());
        assertArrayEquals(a.wPos(), b.wPos());
        assertArrayEquals(a.wQ(), b.wQ());
        assertArrayEquals(a.wK(), b.wK());
        assertArrayEquals(a.wV(), b.wV());
        assertArrayEquals(a.wO(), b.wO());
        assertArrayEquals(a.wU(), b.wU());
    }

    @Test
    void randomModelsRoundTrip() throws Exception {
        for (int seed = 1; seed <= 5; seed++) {
            TrainingConfig c = TrainingConfig.paper(seed).withSizes(3 + seed, seed, 2 * seed, seed + 1);
            Map<String, String> meta = Map.of("seed", Integer.toString(seed), "note", "ünïcode ✓");
            Model m = SafetensorsWriter.roundToFloat32(Parameters.initial(c, new SplitMix64(seed)).toModel(meta), meta);
            Path file = dir.resolve("m" + seed + ".safetensors");
            byte[] written = SafetensorsWriter.write(m, file);
            ModelReader.ModelFile back = ModelReader.read(file);
            assertSameWeights(m, back.model());
            assertEquals(meta, back.model().metadata());
            assertEquals(ModelReader.sha256(Files.readAllBytes(file)), back.sha256());
            assertArrayEquals(written, SafetensorsWriter.toBytes(back.model()), "write(read(write(m))) == write(m)");
            assertEquals(0, (Files.size(file) - 8 - 8 * 0) % 4, "data section is whole floats");
        }
    }

    @Test
    void pytorchFileSurvivesReadWriteRead() throws Exception {
        Model original = ModelReader.read(RepositoryFiles.pytorchFixture()).model();
        Path copy = dir.resolve("copy.safetensors");
        SafetensorsWriter.write(original, copy);
        assertSameWeights(original, ModelReader.read(copy).model());
        assertEquals(original.metadata(), ModelReader.read(copy).model().metadata());
    }

    @Test
    void headerIsPaddedToEightBytes() {
        Map<String, String> meta = Map.of("k", "v");
        Model m = Parameters.zeros(3, 2, 2, 2).toModel(meta);
        byte[] bytes = SafetensorsWriter.toBytes(m);
        long headerLength = java.nio.ByteBuffer.wrap(bytes, 0, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8);
    }
}
