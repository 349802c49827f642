package org.compactproofs.generator.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that determines a trained model. {@link #paper(long)} is the reference's MAX_OF_4_CONFIG
 * (gbmi/exp_max_of_n/train.py): vocabulary 64, context 4, d_model = d_head = 32, one head and layer, attention
 * only, zero frozen biases; AdamW with lr 1e-3, betas (0.9, 0.999), PyTorch's default eps 1e-8 and weight decay
 * 0.01; batch 128, 3000 steps of fresh uniformly random sequences; loss = mean cross-entropy of the last
 * position's logits against the maximum; TransformerLens' initialisation: every weight matrix normal with
 * standard deviation 0.8 / sqrt(d_model).
 *
 * <p>The reference's MAX_OF_5_CONFIG, MAX_OF_10_CONFIG and MAX_OF_20_CONFIG are MAX_OF_4_CONFIG with only
 * {@code seq_len} changed (and, for 10 and 20, an optional {@code d_vocab_out}, 64 by default): same optimiser,
 * batch, 3000 steps and uniform data. So {@code paper(seed).withSizes(64, K, 32, 32)} is the reference's
 * configuration for K. (Its 50,000-step MAX_OF_10_SINGLE_CONFIG, with Adam and the plain log-softmax, is only the
 * command-line default of its train.py, not what the paper's models use.)
 *
 * <p>{@code trainer} selects how the gradient is computed, not what it is: 1 through the circuit tables
 * ({@link Backprop}, O(v^2 d) a step; every archived model of vocabulary 64 was trained so, and retraining it gives
 * the same bits), 2 sample by sample ({@link SampleBackprop}, O(batch (d v + k d h)) a step, linear in the
 * vocabulary). The two agree up to rounding (BackpropTest), so the same seed gives nearly, not exactly, the same
 * model; {@link #forVocabulary} picks 1 up to vocabulary 64 and 2 beyond.
 */
public record TrainingConfig(long seed, int vocab, int context, int dModel, int dHead, int steps, int batchSize,
                             double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                             double initStd, int trainer, boolean biases, double nearMaxFraction,
                             int nearMaxWindow, double sharpen) {

    public TrainingConfig {
        if (!(nearMaxFraction >= 0 && nearMaxFraction <= 1) || nearMaxWindow < 0) {
            throw new IllegalArgumentException("the near-max fraction is in [0, 1] and its window non-negative");
        }
        if (!(sharpen >= 1 && sharpen <= 64)) {
            throw new IllegalArgumentException("the attention sharpening is in [1, 64], not " + sharpen);
        }
        if (trainer != 1 && trainer != 2) {
            throw new IllegalArgumentException("trainer is 1 (circuit tables) or 2 (sample by sample), not " + trainer);
        }
        if (biases && trainer != 2) {
            throw new IllegalArgumentException("biases are trained by trainer 2 (sample by sample) only");
        }
    }

    /** Uniform data (the paper's). */
    public TrainingConfig(long seed, int vocab, int context, int dModel, int dHead, int steps, int batchSize,
                          double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                          double initStd, int trainer, boolean biases) {
        this(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2, epsilon, weightDecay,
                initStd, trainer, biases, 0, 0, 1);
    }

    /** Without biases (the paper's configuration: biases zero and frozen). */
    public TrainingConfig(long seed, int vocab, int context, int dModel, int dHead, int steps, int batchSize,
                          double learningRate, double beta1, double beta2, double epsilon, double weightDecay,
                          double initStd, int trainer) {
        this(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2, epsilon, weightDecay,
                initStd, trainer, false);
    }

    public static TrainingConfig paper(long seed) {
        return new TrainingConfig(seed, 64, 4, 32, 32, 3000, 128, 1e-3, 0.9, 0.999, 1e-8, 0.01, 0.8 / Math.sqrt(32), 1);
    }

    public TrainingConfig withSizes(int vocab, int context, int dModel, int dHead) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, 0.8 / Math.sqrt(dModel), trainer, biases, nearMaxFraction, nearMaxWindow,
                sharpen);
    }

    public TrainingConfig withSteps(int steps) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, nearMaxFraction, nearMaxWindow, sharpen);
    }

    public TrainingConfig withLearningRate(double lr) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, lr, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, nearMaxFraction, nearMaxWindow, sharpen);
    }

    public TrainingConfig withBatchSize(int batch) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batch, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, nearMaxFraction, nearMaxWindow, sharpen);
    }

    public TrainingConfig withTrainer(int trainer) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, nearMaxFraction, nearMaxWindow, sharpen);
    }

    /**
     * With trainable biases b_Q, b_K, b_V, b_O, b_U (zero at first, trained with the weights by AdamW, weight decay
     * included, as {@code torch.optim.AdamW(model.parameters())} trains a TransformerLens model), on trainer 2.
     */
    public TrainingConfig withBiases() {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, 2, true, nearMaxFraction, nearMaxWindow, sharpen);
    }

    /**
     * With a fraction of each batch drawn near its maximum: such a sequence has a uniform maximum M and every
     * other token uniform in [M - window, M] (clamped at 0), so that close calls (about 3 window / v of uniform
     * data) are common; at large vocabularies this raises both the accuracy and the certified bounds (docs/training.md,
     * "Data near the maximum"). The label is always the sequence's maximum.
     */
    public TrainingConfig withNearMax(double fraction, int window) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, fraction, window, sharpen);
    }

    /**
     * With the attention sharpened after the last step: W_Q and b_Q multiplied by {@code factor}, so every score
     * is {@code factor} times larger (the softmax's temperature 1 / factor). The stored model is this sharpened one;
     * its accuracy is measured on it. Training leaves the attention shallow at large vocabularies (a score drop of
     * about 1 over 64 tokens at v = 2,048), the value path making up for the non-max tokens' share, and compact
     * proofs must allow that share its worst outputs; a sharper attention trades a little accuracy for much more
     * certifiable accuracy (docs/training.md, "Sharpening the attention"). A power of two scales float32 weights
     * exactly. 1, the default, changes nothing.
     */
    public TrainingConfig withSharpenedAttention(double factor) {
        return new TrainingConfig(seed, vocab, context, dModel, dHead, steps, batchSize, learningRate, beta1, beta2,
                epsilon, weightDecay, initStd, trainer, biases, nearMaxFraction, nearMaxWindow, factor);
    }

    /** The trainer for this vocabulary: 1 up to 64 (the archive's models), 2 beyond (linear in the vocabulary). */
    public TrainingConfig forVocabulary() {
        return withTrainer(vocab <= 64 && !biases ? 1 : 2);
    }

    /** The configuration as safetensors metadata strings (everything needed to reproduce the model). */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("task", "max-of-k");
        m.put("seed", Long.toString(seed));
        m.put("vocab", Integer.toString(vocab));
        m.put("context", Integer.toString(context));
        m.put("d_model", Integer.toString(dModel));
        m.put("d_head", Integer.toString(dHead));
        m.put("n_heads", "1");
        m.put("n_layers", "1");
        m.put("steps", Integer.toString(steps));
        m.put("batch_size", Integer.toString(batchSize));
        m.put("optimizer", "AdamW");
        m.put("lr", Double.toString(learningRate));
        m.put("betas", "(" + beta1 + ", " + beta2 + ")");
        m.put("eps", Double.toString(epsilon));
        m.put("weight_decay", Double.toString(weightDecay));
        m.put("init", "normal(0, " + initStd + ") for every weight matrix; biases zero and " + (biases
                ? "trained (as TransformerLens trains them)" : "frozen"));
        m.put("loss", "cross-entropy of the last position's logits against max(x)");
        m.put("data", nearMaxFraction == 0 ? "uniform random sequences, fresh each step"
                : "random sequences, fresh each step: a fraction " + nearMaxFraction + " near their maximum (uniform"
                        + " maximum, the other tokens uniform in [max - " + nearMaxWindow + ", max]), the rest uniform");
        if (sharpen != 1) {
            m.put("attention_sharpened", sharpen + " (after the last step, W_Q and b_Q multiplied by " + sharpen + ")");
        }
        m.put("trainer", trainer == 1
                ? "compact-proofs java trainer 1 (SplitMix64, StrictMath, double precision, stored as float32)"
                : "compact-proofs java trainer 2 (sample by sample; SplitMix64, StrictMath, double precision, stored as float32)");
        return m;
    }
}
