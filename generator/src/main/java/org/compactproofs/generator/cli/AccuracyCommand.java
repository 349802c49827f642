package org.compactproofs.generator.cli;

import org.compactproofs.generator.model.Inputs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.SampledAccuracy;
import org.compactproofs.generator.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Evaluate a model on every one of its vocab^K inputs in double-precision floating point and "
                + "print the count of correct inputs (ties count as wrong). A fast reference, not a proof. Above 2^31 "
                + "inputs (or with --samples) it prints an ESTIMATE from uniform random inputs with a 95%% Wilson "
                + "interval instead.")
final class AccuracyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The model file (.safetensors).")
    Path model;
    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;
    @Option(names = "--samples", description = "Estimate from this many uniform random inputs instead of evaluating "
            + "all of them (default above 2^31 inputs: " + SampledAccuracy.DEFAULT_SAMPLES + ").")
    Long samples;
    @Option(names = "--sample-seed", defaultValue = "" + SampledAccuracy.DEFAULT_SEED,
            description = "Seed of the random inputs (default: ${DEFAULT-VALUE}).")
    long sampleSeed;

    @Override
    public Integer call() {
        Model m = ModelReader.read(model).model();
        boolean enumerable = Inputs.enumerable(m);
        if (samples != null && samples <= 0) {
            throw new UnusableInputException("--samples must be positive");
        }
        long start = System.nanoTime();
        int n = Threads.resolve(threads);
        if (samples == null && enumerable) {
            AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(FloatCircuits.of(m), n);
            System.out.printf("correct %d of %d inputs%n", r.correct(), r.total());
            System.out.printf("accuracy %s (float evaluation of every input; not a proof)%n",
                    Inputs.decimal(r.correct(), r.total()));
            System.out.printf("time %.2f s (%d threads, %d inputs on the underflow-safe slow path)%n",
                    (System.nanoTime() - start) / 1e9, n, r.slowPathInputs());
            return 0;
        }
        long count = samples != null ? samples : SampledAccuracy.DEFAULT_SAMPLES;
        if (samples == null) {
            System.out.printf("%d^%d = %s inputs are too many to enumerate (limit 2^31): sampling %d instead%n",
                    m.vocab(), m.context(), Inputs.count(m), count);
        }
        SampledAccuracy.Estimate e = SampledAccuracy.estimate(FloatCircuits.of(m), count, sampleSeed, n);
        System.out.printf("sampled: %d correct of %d uniform random inputs%n", e.correct(), e.samples());
        System.out.println("accuracy " + e.describe());
        System.out.printf("time %.2f s (%d threads)%n", (System.nanoTime() - start) / 1e9, n);
        return 0;
    }
}
