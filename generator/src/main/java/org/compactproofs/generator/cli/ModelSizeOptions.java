package org.compactproofs.generator.cli;

import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.generator.train.TrainingConfig;
import picocli.CommandLine.Option;

/**
 * Options that change the model or training run away from the paper's Max-of-4 configuration. {@code --context K}
 * alone gives the reference's MAX_OF_K_CONFIG for K = 5, 10, 20 (see {@link TrainingConfig}).
 */
final class ModelSizeOptions {
    @Option(names = "--vocab", defaultValue = "64", description = "Vocabulary size (default: ${DEFAULT-VALUE}).")
    int vocab;
    @Option(names = "--context", defaultValue = "4", description = "Context length K; 5, 10, 20 give the reference's MAX_OF_<K>_CONFIG (default: ${DEFAULT-VALUE}).")
    int context;
    @Option(names = "--d-model", defaultValue = "32", description = "Residual width (default: ${DEFAULT-VALUE}).")
    int dModel;
    @Option(names = "--d-head", defaultValue = "32", description = "Head width (default: ${DEFAULT-VALUE}).")
    int dHead;
    @Option(names = "--steps", defaultValue = "3000", description = "Optimizer steps (default: ${DEFAULT-VALUE}).")
    int steps;
    @Option(names = "--lr", defaultValue = "1e-3", description = "AdamW learning rate (default: ${DEFAULT-VALUE}).")
    double lr;
    @Option(names = "--batch", defaultValue = "128", description = "Sequences per optimizer step (default: ${DEFAULT-VALUE}).")
    int batch;
    @Option(names = "--trainer", description = "1: gradient through the circuit tables, O(v^2 d) a step (the archive's "
            + "vocabulary-64 models); 2: sample by sample, linear in the vocabulary (default: 1 up to vocabulary 64, 2 beyond).")
    Integer trainer;
    @Option(names = "--biases", description = "Train the biases b_Q, b_K, b_V, b_O, b_U too (zero at first), as "
            + "TransformerLens does unless they are frozen; trainer 2. Default: zero and frozen, the paper's configuration.")
    boolean biases;
    @Option(names = "--near-max", defaultValue = "0", description = "Fraction of each batch drawn near its maximum: a "
            + "uniform maximum, the other tokens uniform in [max - W, max] (W: --near-max-window); 0, the default, is "
            + "the paper's uniform data.")
    double nearMax;
    @Option(names = "--near-max-window", defaultValue = "0", description = "W of --near-max (default: vocab / 32).")
    int nearMaxWindow;

    @Option(names = "--sharpen", defaultValue = "1", description = "After training, multiply W_Q and b_Q by S (in [1, "
            + "64]): every attention score S times larger, a sharper attention that compact proofs certify far better, "
            + "for a little accuracy; 1, the default, changes nothing (docs/training.md).")
    double sharpen;

    TrainingConfig config(long seed) {
        if (vocab < 2 || context < 1 || dModel < 1 || dHead < 1 || steps < 0 || !(lr > 0) || batch < 1
                || trainer != null && trainer != 1 && trainer != 2 || biases && trainer != null && trainer == 1
                || !(nearMax >= 0 && nearMax <= 1) || nearMaxWindow < 0 || !(sharpen >= 1 && sharpen <= 64)) {
            throw new UnusableInputException("sizes must be positive (vocab >= 2), steps >= 0, lr > 0, batch >= 1,"
                    + " --near-max in [0, 1], its window >= 0, --sharpen in [1, 64], and the trainer 1 or 2 (2 with"
                    + " --biases)");
        }
        TrainingConfig c = TrainingConfig.paper(seed).withSizes(vocab, context, dModel, dHead).withSteps(steps)
                .withLearningRate(lr).withBatchSize(batch);
        c = biases ? c.withBiases() : c;
        c = nearMax > 0 ? c.withNearMax(nearMax, nearMaxWindow > 0 ? nearMaxWindow : Math.max(1, vocab / 32)) : c;
        c = c.withSharpenedAttention(sharpen);
        return trainer == null ? c.forVocabulary() : c.withTrainer(trainer);
    }
}
