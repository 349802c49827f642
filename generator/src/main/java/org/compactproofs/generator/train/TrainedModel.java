package org.compactproofs.generator.train;

import org.compactproofs.generator.model.Inputs;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;

/**
 * A freshly trained model with its float accuracy measured over every input and recorded in its metadata
 * ("correct", "inputs", "accuracy"), and the wall-clock training time (kept out of the file so that the file's
 * bytes depend on the seed alone).
 */
public record TrainedModel(Model model, AccuracyEvaluator.Result accuracy, double trainingSeconds) {
    /** Training measures the accuracy exhaustively (and records it in the file) up to this many inputs. */
    public static final long MAX_EXHAUSTIVE = 1L << 28;

    public static TrainedModel train(TrainingConfig c, Trainer.Listener listener, int threads) {
        long start = System.nanoTime();
        Model m = Trainer.train(c, listener, threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (Inputs.count(m).compareTo(BigInteger.valueOf(MAX_EXHAUSTIVE)) > 0) {
            return new TrainedModel(m, null, seconds);
        }
        AccuracyEvaluator.Result acc = AccuracyEvaluator.evaluate(FloatCircuits.of(m), threads);
        Map<String, String> meta = new LinkedHashMap<>(m.metadata());
        meta.put("correct", Long.toString(acc.correct()));
        meta.put("inputs", Long.toString(acc.total()));
        meta.put("accuracy", Inputs.decimal(acc.correct(), acc.total()));
        meta.put("accuracy_method", "exhaustive float evaluation (double precision, ties wrong); not a proof");
        Model withAccuracy = new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), m.wE(), m.wPos(), m.wQ(),
                m.wK(), m.wV(), m.wO(), m.wU(), m.biases(), meta);
        return new TrainedModel(withAccuracy, acc, seconds);
    }
}
