package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.train.TrainedModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "accuracy", mixinStandardHelpOptions = true,
        description = "Evaluate a model on every one of its vocab^K inputs in double-precision floating point and "
                + "print the count of correct inputs (ties count as wrong). A fast reference, not a proof.")
final class AccuracyCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The model file (.safetensors).")
    Path model;
    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;

    @Override
    public Integer call() {
        Model m = ModelReader.read(model).model();
        if (org.compactproofs.generator.model.Inputs.count(m).compareTo(java.math.BigInteger.ONE.shiftLeft(32)) > 0) {
            throw new UnusableInputException(model + ": " + m.vocab() + "^" + m.context()
                    + " inputs are too many to evaluate exhaustively");
        }
        long start = System.nanoTime();
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(FloatCircuits.of(m), Threads.resolve(threads));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("correct %d of %d inputs%n", r.correct(), r.total());
        System.out.printf("accuracy %s (float evaluation; not a proof)%n", TrainedModel.decimal(r.correct(), r.total()));
        System.out.printf("time %.2f s (%d threads, %d inputs on the underflow-safe slow path)%n",
                seconds, Threads.resolve(threads), r.slowPathInputs());
        return 0;
    }
}
