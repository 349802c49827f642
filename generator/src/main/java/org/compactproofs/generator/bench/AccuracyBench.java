package org.compactproofs.generator.bench;

import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.ForwardPass;
import org.compactproofs.generator.train.SplitMix64;

/**
 * Time to evaluate all vocab^K inputs of a model, on all cores and on one, against a baseline: the checker's plain
 * forward pass on a sample of inputs, extrapolated.
 */
public final class AccuracyBench {
    /** Inputs sampled for the baseline. */
    public static final int SAMPLE = 200_000;

    /**
     * The evaluation's result, its seconds on {@code cores} threads and on one, the baseline's extrapolated seconds
     * and the sampled inputs it got right.
     */
    public record Result(AccuracyEvaluator.Result evaluation, int cores, double all, double one, double baseline,
                         int sampleCorrect) {}

    private AccuracyBench() {}

    public static Result run(Model m) {
        FloatCircuits c = FloatCircuits.of(m);
        AccuracyEvaluator.evaluate(c, 1); // warm-up
        int cores = Runtime.getRuntime().availableProcessors();
        long start = System.nanoTime();
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(c, cores);
        double all = Clock.seconds(start);
        start = System.nanoTime();
        AccuracyEvaluator.evaluate(c, 1);
        double one = Clock.seconds(start);
        SplitMix64 rng = new SplitMix64(7);
        int[] x = new int[m.context()];
        start = System.nanoTime();
        int correct = 0;
        for (int n = 0; n < SAMPLE; n++) {
            for (int i = 0; i < x.length; i++) {
                x[i] = rng.nextInt(m.vocab());
            }
            correct += ForwardPass.isCorrect(m, x) ? 1 : 0;
        }
        double baseline = Clock.seconds(start) * r.total() / SAMPLE;
        return new Result(r, cores, all, one, baseline, correct);
    }
}
