package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.train.PaperSeeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shipped archive of models is what its index says it is. */
class ShippedModelsTest {
    private static final Path DIR = RepositoryFiles.root().resolve("certificates/models/max-of-4");

    private static JsonNode index() throws Exception {
        return new ObjectMapper().readTree(DIR.resolve("index.json").toFile());
    }

    @Test
    void indexCoversThePaperSeedsWithMatchingFiles() throws Exception {
        JsonNode index = index();
        assertEquals(151, index.size());
        long[] seeds = new long[index.size()];
        int below = 0;
        for (int i = 0; i < index.size(); i++) {
            JsonNode e = index.get(i);
            seeds[i] = e.get("seed").asLong();
            ModelReader.ModelFile file = ModelReader.read(DIR.resolve(e.get("file").asText()));
            assertEquals(e.get("sha256").asText(), file.sha256(), "seed " + seeds[i]);
            Model m = file.model();
            assertEquals(64, m.vocab());
            assertEquals(4, m.context());
            assertEquals(Long.toString(seeds[i]), m.metadata().get("seed"));
            assertEquals(e.get("correct").asText(), m.metadata().get("correct"));
            assertEquals(e.get("accuracy").asText(), m.metadata().get("accuracy"));
            boolean meets = Double.parseDouble(e.get("accuracy").asText()) >= 0.99;
            assertEquals(meets, e.get("meetsTarget").asBoolean(), "seed " + seeds[i]);
            assertTrue(e.get("sampledAccuracyMethod").asText().startsWith("ESTIMATE, not a certified bound"));
            assertEquals(seeds[i], e.get("sampleSeed").asLong(), "independent samples per model");
            if (!meets) {
                below++;
                assertFalse(e.get("note").asText().isBlank(), "a model below target says why");
            }
        }
        Arrays.sort(seeds);
        assertTrue(Arrays.equals(PaperSeeds.all(), seeds));
        assertTrue(below <= 5, below + " seeds below target");
    }

    /**
     * The Max-of-5, 10 and 20 models: the paper's ten smallest seeds, files matching the index, the reference's
     * sizes, and every entry's sampled accuracy labelled as an estimate whose 95% interval contains it (and, for
     * K = 5, an exhaustive count next to it).
     */
    @Test
    void largerContextIndexesMatchTheirFilesAndLabelTheirEstimates() throws Exception {
        long[] tenSmallest = Arrays.copyOf(PaperSeeds.all(), 10);
        for (int k : new int[] {5, 10, 20}) {
            Path dir = RepositoryFiles.root().resolve("certificates/models/max-of-" + k);
            JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
            assertEquals(10, index.size());
            for (int i = 0; i < 10; i++) {
                JsonNode e = index.get(i);
                assertEquals(tenSmallest[i], e.get("seed").asLong());
                ModelReader.ModelFile file = ModelReader.read(dir.resolve(e.get("file").asText()));
                assertEquals(e.get("sha256").asText(), file.sha256());
                Model m = file.model();
                assertEquals(List.of(64, k, 32, 32), List.of(m.vocab(), m.context(), m.dModel(), m.dHead()));
                assertEquals(java.math.BigInteger.valueOf(64).pow(k), e.get("inputs").bigIntegerValue());
                double estimate = Double.parseDouble(e.get("sampledAccuracyEstimate").asText());
                assertTrue(Double.parseDouble(e.get("sampledAccuracy95Low").asText()) <= estimate
                        && estimate <= Double.parseDouble(e.get("sampledAccuracy95High").asText()));
                assertEquals(1_000_000, e.get("samples").asLong());
                assertTrue(e.get("sampledAccuracyMethod").asText().startsWith("ESTIMATE, not a certified bound"));
                assertEquals(k == 5, e.has("correct"), "exhaustive count exactly where feasible");
            }
        }
    }

    /**
     * Issue 16's larger vocabularies: the paper's first seeds (five, three at 1,024 and 2,048), files matching the index, the
     * sizes and trainer 2 in the metadata, every model at or above 99% by its labelled sampled estimate, whose 95%
     * interval contains it, and an exhaustive count exactly where the inputs number at most 2^31 (v = 128).
     */
    @Test
    void largerVocabularyIndexesMatchTheirFiles() throws Exception {
        for (int v : new int[] {128, 256, 512, 1024, 2048}) {
            Path dir = RepositoryFiles.root().resolve("certificates/models/max-of-4-vocab-" + v);
            JsonNode index = new ObjectMapper().readTree(dir.resolve("index.json").toFile());
            long[] first = Arrays.copyOf(PaperSeeds.all(), v < 1024 ? 5 : 3);
            assertEquals(first.length, index.size(), "v " + v);
            for (int i = 0; i < first.length; i++) {
                JsonNode e = index.get(i);
                assertEquals(first[i], e.get("seed").asLong());
                ModelReader.ModelFile file = ModelReader.read(dir.resolve(e.get("file").asText()));
                assertEquals(e.get("sha256").asText(), file.sha256());
                Model m = file.model();
                assertEquals(List.of(v, 4, 32, 32), List.of(m.vocab(), m.context(), m.dModel(), m.dHead()));
                assertTrue(m.metadata().get("trainer").startsWith("compact-proofs java trainer 2 "));
                double estimate = Double.parseDouble(e.get("sampledAccuracyEstimate").asText());
                assertTrue(estimate >= 0.99 && e.get("meetsTarget").asBoolean(), "v " + v + " seed " + first[i]);
                assertTrue(Double.parseDouble(e.get("sampledAccuracy95Low").asText()) <= estimate
                        && estimate <= Double.parseDouble(e.get("sampledAccuracy95High").asText()));
                assertTrue(e.get("sampledAccuracyMethod").asText().startsWith("ESTIMATE, not a certified bound"));
                assertEquals(v == 128, e.has("correct"), "exhaustive count exactly where feasible");
            }
        }
    }

    /** Re-measures every shipped model's accuracy exhaustively (about 2 minutes). */
    @Test
    @Tag("slow")
    void recordedAccuraciesAreReproduced() throws Exception {
        for (JsonNode e : index()) {
            Model m = ModelReader.read(DIR.resolve(e.get("file").asText())).model();
            long correct = AccuracyEvaluator.evaluate(FloatCircuits.of(m), 2).correct();
            assertEquals(e.get("correct").asLong(), correct, "seed " + e.get("seed"));
        }
    }
}
