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

    /** With fraction 1 every sequence holds its maximum and lies within the window below it (clamped at 0). */
    @Test
    void nearMaxSequencesLieNearTheirMaximum() {
        TrainingConfig c = TrainingConfig.paper(3).withSizes(100, 4, 8, 8).withNearMax(1, 5);
        SplitMix64 data = SplitMix64.forPurpose(3, "data");
        int[] x = new int[4];
        int[] maxima = new int[100];
        for (int n = 0; n < 20_000; n++) {
            Trainer.draw(c, data, x);
            int max = ForwardPass.maxToken(x);
            maxima[max]++;
            for (int t : x) {
                assertTrue(t >= Math.max(0, max - 5) && t <= max, java.util.Arrays.toString(x));
            }
        }
        for (int count : maxima) {
            assertTrue(count > 100 && count < 300, "the maximum is uniform: " + count + " of 20,000 for one token");
        }
    }

    /**
     * A fraction of one half gives about half near-max sequences (uniform ones at vocabulary 1,000 almost never
     * span 5 tokens or fewer), and fraction 0 draws what the paper's uniform data drew.
     */
    @Test
    void nearMaxFractionIsHonouredAndZeroIsUniform() {
        TrainingConfig half = TrainingConfig.paper(4).withSizes(1000, 4, 8, 8).withNearMax(0.5, 5);
        SplitMix64 data = SplitMix64.forPurpose(4, "data");
        int[] x = new int[4];
        int near = 0;
        for (int n = 0; n < 20_000; n++) {
            Trainer.draw(half, data, x);
            near += ForwardPass.maxToken(x) - java.util.Arrays.stream(x).min().orElseThrow() <= 5 ? 1 : 0;
        }
        assertTrue(Math.abs(near / 20_000.0 - 0.5) < 0.02, "near-max fraction " + near / 20_000.0);
        SplitMix64 a = SplitMix64.forPurpose(4, "data"), b = SplitMix64.forPurpose(4, "data");
        for (int n = 0; n < 1000; n++) {
            Trainer.draw(TrainingConfig.paper(4).withSizes(1000, 4, 8, 8), a, x);
            for (int t : x) {
                assertEquals(b.nextInt(1000), t);
            }
        }
    }

    /** A small model trained with half its data near the maximum still learns the uniform task. */
    @Test
    void nearMaxTrainingLearnsTheTask() {
        TrainedModel t = TrainedModel.train(tiny(1).withTrainer(2).withNearMax(0.5, 2), SILENT, 2);
        assertEquals(512, t.accuracy().correct());
        assertTrue(t.model().metadata().get("data").contains("0.5 near their maximum"));
    }

    /** Sharpening multiplies W_Q and b_Q of the model training ends with by the factor (2: exactly), nothing else. */
    @Test
    void sharpeningMultipliesTheQueryOfTheTrainedModelOnly() {
        TrainingConfig c = tiny(3).withSteps(40).withBiases();
        Model plain = Trainer.train(c, SILENT), sharp = Trainer.train(c.withSharpenedAttention(2), SILENT);
        for (int i = 0; i < plain.wQ().length; i++) {
            for (int j = 0; j < plain.wQ()[i].length; j++) {
                assertEquals(2 * plain.wQ()[i][j], sharp.wQ()[i][j]);
            }
        }
        for (int j = 0; j < plain.biases().q().length; j++) {
            assertEquals(2 * plain.biases().q()[j], sharp.biases().q()[j]);
        }
        assertTrue(plain.biases().q()[0] != 0, "b_Q was trained");
        assertArrayEquals(plain.wK(), sharp.wK());
        assertArrayEquals(plain.wV(), sharp.wV());
        assertArrayEquals(plain.wE(), sharp.wE());
        assertArrayEquals(plain.wU(), sharp.wU());
        assertArrayEquals(plain.biases().k(), sharp.biases().k());
        assertTrue(sharp.metadata().get("attention_sharpened").startsWith("2.0 "));
        assertFalse(plain.metadata().containsKey("attention_sharpened"));
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
