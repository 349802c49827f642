package org.compactproofs.generator.bench;

import java.util.function.ObjIntConsumer;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.ForwardPass;
import org.compactproofs.generator.train.SplitMix64;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;

/**
 * Seconds per seed for the paper's Max-of-4 training, against a baseline: the checker's plain forward pass (no
 * gradient) on as many samples, extrapolated from a tenth of them.
 */
public final class TrainingBench {
    /**
     * Seconds per seed over the timed seeds, the recipe's steps and batch size, its samples (steps x batch), the
     * baseline's seconds for as many samples, and the samples it was extrapolated from.
     */
    public record Result(double perSeed, int steps, int batchSize, long samples, double baseline, long baselineSamples) {}

    private TrainingBench() {}

    /** Trains {@code seeds} seeds (1000, 1001, ...) after a warm-up, telling {@code perSeed} each one's seconds. */
    public static Result run(int seeds, ObjIntConsumer<Double> perSeed) {
        TrainingConfig first = TrainingConfig.paper(1);
        Trainer.train(first.withSteps(300), (s, n, l) -> { }); // warm-up for the JIT
        double total = 0;
        for (int i = 0; i < seeds; i++) {
            long start = System.nanoTime();
            Trainer.train(TrainingConfig.paper(1000 + i), (s, n, l) -> { });
            double t = Clock.seconds(start);
            total += t;
            perSeed.accept(t, 1000 + i);
        }
        Model m = Trainer.train(first.withSteps(10), (s, n, l) -> { });
        long samples = (long) first.steps() * first.batchSize();
        long baselineSamples = samples / 10;
        SplitMix64 rng = new SplitMix64(7);
        int[] x = new int[m.context()];
        long start = System.nanoTime();
        double sink = 0;
        for (long n = 0; n < baselineSamples; n++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextInt(m.vocab());
            }
            sink += ForwardPass.logits(m, x)[0];
        }
        double baseline = Clock.seconds(start) * 10;
        Clock.sink = sink;
        return new Result(total / seeds, first.steps(), first.batchSize(), samples, baseline, baselineSamples);
    }
}
