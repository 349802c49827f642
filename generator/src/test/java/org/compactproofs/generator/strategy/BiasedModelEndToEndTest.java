package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.model.TestModels;
import org.compactproofs.checker.rules.ExactOracle;
import org.compactproofs.checker.rules.SmallModels;
import org.compactproofs.generator.model.ForwardPass;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.train.TrainingConfig;
import org.compactproofs.generator.train.Trainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's acceptance: a Max-of-4 model trained with biases (as TransformerLens trains them) is certified by
 * every one of the 160 strategies, each certificate accepted by the checker and none claiming more than the exact
 * count of correct inputs, brute force exactly that count; the same model rounded to float16 and bfloat16 and saved
 * so is read exactly and certified the same way by the main strategies.
 */
class BiasedModelEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void aTrainedBiasedModelIsCertifiedByEveryStrategy() throws Exception {
        TrainingConfig c = TrainingConfig.paper(3).withSizes(12, 4, 16, 16).withSteps(1500).withBiases();
        Model m = Trainer.train(c, (step, steps, loss) -> { }, 2);
        assertTrue(m.biases().any());
        assertTrue(java.util.Arrays.stream(m.biases().u()).anyMatch(x -> Math.abs(x) > 1e-3), "b_U was trained");
        Path model = dir.resolve("biased.safetensors");
        SafetensorsWriter.write(m, model);
        long truth = new ExactOracle(ModelReader.read(model).model()).trueCount();
        assertTrue(truth > 12 * 12 * 12 * 12 / 2, "the model learnt the task: " + truth + " of 20736");
        assertEquals(truth, floatCount(m), "the float forward pass with biases agrees with the exact semantics here");

        List<String> names = new ArrayList<>(List.of("brute-force", "cubic", "subcubic-maxdiff", "subcubic-union",
                "subcubic-coupled-0", "subcubic-coupled-1", "subcubic-coupled-2", "subcubic-coupled-4",
                "subcubic-staircase-2", "subcubic-staircase-4"));
        GridVariant.all().forEach(g -> names.add(g.name()));
        assertEquals(160, names.size());
        BigInteger best = certifyAll(model, names, truth);
        assertTrue(best.compareTo(BigInteger.valueOf(truth * 9 / 10)) > 0, "best " + best + " of " + truth);

        for (boolean bfloat : new boolean[] {false, true}) {
            Model half = SmallModels.halfPrecision(m, bfloat);
            Path file = dir.resolve((bfloat ? "bf16" : "f16") + ".safetensors");
            Files.write(file, TestModels.halfBytes(half, bfloat));
            long halfTruth = new ExactOracle(ModelReader.read(file).model()).trueCount();
            certifyAll(file, List.of("brute-force", "cubic", "subcubic-union", "subcubic-coupled-2"), halfTruth);
        }
    }

    /** Proves and checks each strategy; returns the best certified count. Brute force certifies exactly {@code truth}. */
    private BigInteger certifyAll(Path model, List<String> names, long truth) {
        BigInteger best = BigInteger.ZERO;
        for (String name : names) {
            Path cert = dir.resolve(name + ".cert");
            ProveCommandAccess.prove(name, model, cert);
            Verdict v = CertificateFile.check(model, cert, 1);
            assertTrue(v.accepted(), model.getFileName() + " " + name + ": " + v.failure());
            assertTrue(v.certifiedCount().compareTo(BigInteger.valueOf(truth)) <= 0, name + " certifies "
                    + v.certifiedCount() + " of " + truth);
            if (name.equals("brute-force")) {
                assertEquals(BigInteger.valueOf(truth), v.certifiedCount(), model.getFileName() + " brute force");
            }
            best = best.max(v.certifiedCount());
        }
        return best;
    }

    private static long floatCount(Model m) {
        long correct = 0;
        int v = m.vocab();
        for (int x = 0; x < v * v * v * v; x++) {
            int[] tokens = {x % v, x / v % v, x / (v * v) % v, x / (v * v * v)};
            correct += ForwardPass.isCorrect(m, tokens) ? 1 : 0;
        }
        return correct;
    }
}
