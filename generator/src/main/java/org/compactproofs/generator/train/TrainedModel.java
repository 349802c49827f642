package org.compactproofs.generator.train;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
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
    /** Exhaustive float evaluation is offered up to this many inputs (64^5 takes about 1.5 min on 2 cores). */
    public static final long MAX_ENUMERATION = 1L << 31;

    public static TrainedModel train(TrainingConfig c, Trainer.Listener listener, int threads) {
        long start = System.nanoTime();
        Model m = Trainer.train(c, listener);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!inputsAtMost(m, MAX_EXHAUSTIVE)) {
            return new TrainedModel(m, null, seconds);
        }
        AccuracyEvaluator.Result acc = AccuracyEvaluator.evaluate(FloatCircuits.of(m), threads);
        Map<String, String> meta = new LinkedHashMap<>(m.metadata());
        meta.put("correct", Long.toString(acc.correct()));
        meta.put("inputs", Long.toString(acc.total()));
        meta.put("accuracy", decimal(acc.correct(), acc.total()));
        meta.put("accuracy_method", "exhaustive float evaluation (double precision, ties wrong); not a proof");
        Model withAccuracy = new Model(m.vocab(), m.context(), m.dModel(), m.dHead(), m.wE(), m.wPos(), m.wQ(),
                m.wK(), m.wV(), m.wO(), m.wU(), meta);
        return new TrainedModel(withAccuracy, acc, seconds);
    }

    /** vocab^context, exactly (64^20 does not fit in a long). */
    public static BigInteger inputs(Model m) {
        return BigInteger.valueOf(m.vocab()).pow(m.context());
    }

    /** Whether the model has at most {@code limit} inputs. */
    public static boolean inputsAtMost(Model m, long limit) {
        return inputs(m).compareTo(BigInteger.valueOf(limit)) <= 0;
    }

    /** p/q as a decimal with 7 digits after the point, rounded down (so it never overstates). */
    public static String decimal(long p, long q) {
        return decimal(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    /** p/q as a decimal with 7 digits after the point, rounded down. */
    public static String decimal(BigInteger p, BigInteger q) {
        return new BigDecimal(p).divide(new BigDecimal(q), 7, RoundingMode.DOWN).toPlainString();
    }
}
