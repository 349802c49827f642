package org.compactproofs.generator.train;

import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.SafetensorsWriter;

/**
 * Trains a Max-of-K model. Deterministic: a seed gives the same bits on every machine, because the random streams
 * are SplitMix64 ({@link SplitMix64#forPurpose}: "model" for initialisation, "data" for batches), transcendental
 * functions are {@link StrictMath}, every sum has a fixed order ({@code Matrices}; trainer 2's chunks are summed in
 * chunk order whatever the threads), and Java's double arithmetic is IEEE 754 without fused or reordered operations.
 */
public final class Trainer {
    /** Receives progress; called after every step. */
    public interface Listener {
        void onStep(int step, int steps, double loss);
    }

    private Trainer() {}

    /** The trained model, weights rounded to float32 as stored, with the configuration as metadata. */
    public static Model train(TrainingConfig c, Listener listener) {
        return train(c, listener, 1);
    }

    /**
     * {@link #train(TrainingConfig, Listener)}, trainer 2's gradient on up to {@code threads} threads (the same bits
     * whatever the count, {@link SampleBackprop}); trainer 1 runs on one.
     */
    public static Model train(TrainingConfig c, Listener listener, int threads) {
        Parameters p = Parameters.initial(c, SplitMix64.forPurpose(c.seed(), "model"));
        SplitMix64 data = SplitMix64.forPurpose(c.seed(), "data");
        AdamW optimizer = new AdamW(c, p);
        int[][] batch = new int[c.batchSize()][c.context()];
        for (int step = 1; step <= c.steps(); step++) {
            for (int[] x : batch) {
                draw(c, data, x);
            }
            Backprop.Result r = c.trainer() == 1 ? Backprop.lossAndGradient(p, batch)
                    : SampleBackprop.lossAndGradient(p, batch, threads);
            optimizer.step(r.gradient());
            listener.onStep(step, c.steps(), r.loss());
        }
        sharpen(p, c.sharpen());
        return SafetensorsWriter.roundToFloat32(p.toModel(c.metadata()), c.metadata());
    }

    /** Multiplies W_Q and b_Q by {@code factor}: every attention score becomes {@code factor} times larger. */
    static void sharpen(Parameters p, double factor) {
        List<double[]> rows = new ArrayList<>(List.of(p.wQ()));
        if (p.biases() != null) {
            rows.add(p.biases()[0]); // b_Q
        }
        for (double[] row : rows) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    /**
     * One training sequence: uniform, or with probability {@code nearMaxFraction} near its maximum (a uniform
     * maximum at a uniform position, the other tokens uniform in [max - window, max], clamped at 0). Uniform data
     * draws exactly the tokens it drew before the option existed, so earlier models retrain to the same bits.
     */
    static void draw(TrainingConfig c, SplitMix64 data, int[] x) {
        if (c.nearMaxFraction() > 0 && data.nextDouble() < c.nearMaxFraction()) {
            int max = data.nextInt(c.vocab());
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(0, max - data.nextInt(c.nearMaxWindow() + 1));
            }
            x[data.nextInt(x.length)] = max;
            return;
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = data.nextInt(c.vocab());
        }
    }
}
