package org.compactproofs.generator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
            if (!meets) {
                below++;
                assertFalse(e.get("note").asText().isBlank(), "a model below target says why");
            }
        }
        Arrays.sort(seeds);
        assertTrue(Arrays.equals(PaperSeeds.all(), seeds));
        assertTrue(below <= 5, below + " seeds below target");
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
