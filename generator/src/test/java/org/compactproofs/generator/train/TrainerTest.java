package org.compactproofs.generator.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.ForwardPass;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.junit.jupiter.api.Test;

class TrainerTest {
    private static final Trainer.Listener SILENT = (step, steps, loss) -> { };

    private static TrainingConfig tiny(long seed) {
        return TrainingConfig.paper(seed).withSizes(8, 3, 32, 32).withSteps(2000);
    }

    @Test
    void tinyConfigTrainsToPerfectAccuracy() {
        for (long seed = 1; seed <= 3; seed++) {
            TrainedModel t = TrainedModel.train(tiny(seed), SILENT, 2);
            assertEquals(512, t.accuracy().total());
            assertEquals(512, t.accuracy().correct(), "seed " + seed);
            assertEquals("1.0000000", t.model().metadata().get("accuracy"));
            // the plain semantics agrees input by input
            int[] x = new int[3];
            for (int n = 0; n < 512; n++) {
                x[0] = n / 64; x[1] = n / 8 % 8; x[2] = n % 8;
                assertTrue(ForwardPass.isCorrect(t.model(), x));
            }
        }
    }

    /** Trainer 2 (sample by sample) learns the tiny task as trainer 1 does, and says so in the metadata. */
    @Test
    void sampleTrainerTrainsToPerfectAccuracyToo() {
        TrainedModel t = TrainedModel.train(tiny(1).withTrainer(2), SILENT, 2);
        assertEquals(512, t.accuracy().correct());
        assertTrue(t.model().metadata().get("trainer").startsWith("compact-proofs java trainer 2 "));
        assertTrue(tiny(1).forVocabulary().trainer() == 1 && tiny(1).withSizes(65, 4, 32, 32).forVocabulary().trainer() == 2);
    }

    /**
     * At vocabulary 1,024 trainer 2 is deterministic in the seed whatever the thread count, and differs from trainer 1
     * only by rounding.
     */
    @Test
    void sampleTrainerIsDeterministicAtALargeVocabulary() {
        TrainingConfig c = TrainingConfig.paper(5).withSizes(1024, 4, 16, 8).withSteps(20);
        byte[] a = SafetensorsWriter.toBytes(Trainer.train(c.withTrainer(2), SILENT));
        assertArrayEquals(a, SafetensorsWriter.toBytes(Trainer.train(c.withTrainer(2), SILENT, 3)), "3 threads");
        assertArrayEquals(a, SafetensorsWriter.toBytes(Trainer.train(c.withTrainer(2), SILENT, 2)), "2 threads");
        double[][] tables = Trainer.train(c.withTrainer(1), SILENT).wU(), samples = Trainer.train(c.withTrainer(2), SILENT).wU();
        double largest = 0;
        for (int i = 0; i < tables.length; i++) {
            for (int j = 0; j < tables[i].length; j++) {
                largest = Math.max(largest, Math.abs(tables[i][j] - samples[i][j]));
            }
        }
        assertTrue(largest < 1e-5, "the trainers' W_U differ by " + largest + " after 20 steps");
    }

    @Test
    void untrainedModelIsNotAccurate() {
        TrainedModel t = TrainedModel.train(tiny(1).withSteps(0), SILENT, 1);
        assertTrue(t.accuracy().accuracy() < 0.5, "accuracy before training: " + t.accuracy().accuracy());
    }

    @Test
    void lossDecreases() {
        double[] first = {Double.NaN}, last = {Double.NaN};
        Trainer.train(tiny(4).withSteps(400), (step, steps, loss) -> {
            if (step == 1) {
                first[0] = loss;
            }
            last[0] = loss;
        });
        assertTrue(last[0] < first[0] / 4, first[0] + " -> " + last[0]);
    }

    @Test
    void sameSeedGivesIdenticalBytesAndOtherSeedsDiffer() {
        TrainingConfig c = TrainingConfig.paper(77).withSteps(200);
        byte[] a = SafetensorsWriter.toBytes(Trainer.train(c, SILENT));
        byte[] b = SafetensorsWriter.toBytes(Trainer.train(c, SILENT));
        assertArrayEquals(a, b);
        byte[] other = SafetensorsWriter.toBytes(Trainer.train(TrainingConfig.paper(78).withSteps(200), SILENT));
        assertFalse(java.util.Arrays.equals(a, other));
    }

    /**
     * Reproducibility across machines: retraining the showcase seed from scratch gives the shipped file byte for
     * byte (the file was produced on another machine, in another JVM, with two training jobs in parallel).
     */
    @Test
    void retrainingSeed123ReproducesTheShippedFile() throws Exception {
        byte[] shipped = Files.readAllBytes(RepositoryFiles.shippedModel(123));
        TrainedModel t = TrainedModel.train(TrainingConfig.paper(123), SILENT, 2);
        assertArrayEquals(shipped, SafetensorsWriter.toBytes(t.model()));
    }

    /**
     * The same for Max-of-5 (the reference's MAX_OF_5_CONFIG is MAX_OF_4_CONFIG with context 5): retraining seed
     * 50 reproduces the shipped file (about 6 s).
     */
    @Test
    void retrainingMaxOf5Seed50ReproducesTheShippedFile() throws Exception {
        byte[] shipped = Files.readAllBytes(RepositoryFiles.root().resolve("certificates/models/max-of-5/seed-50.safetensors"));
        TrainedModel t = TrainedModel.train(TrainingConfig.paper(50).withSizes(64, 5, 32, 32), SILENT, 2);
        assertArrayEquals(shipped, SafetensorsWriter.toBytes(t.model()));
    }

    @Test
    void paperSeedsAreTheReferenceList() {
        long[] seeds = PaperSeeds.all();
        assertEquals(151, seeds.length);
        assertEquals(50, seeds[0]);
        assertEquals(32382, seeds[150]);
        assertTrue(java.util.Arrays.stream(seeds).anyMatch(s -> s == 123));
    }

    @Test
    void modelRecordMatchesConfig() {
        Model m = Trainer.train(tiny(2).withSteps(1), SILENT);
        assertEquals(8, m.vocab());
        assertEquals(3, m.context());
        assertEquals("2", m.metadata().get("seed"));
        assertEquals("AdamW", m.metadata().get("optimizer"));
    }
}
