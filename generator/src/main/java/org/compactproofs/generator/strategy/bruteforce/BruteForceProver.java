package org.compactproofs.generator.strategy.bruteforce;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;

/**
 * The brute-force strategy: evaluate every input in floating point and claim the count found correct. The
 * checker re-decides every input rigorously, so this claim is accepted exactly when the float evaluation did not
 * count an input the model gets wrong (or cannot be shown to get right).
 */
public final class BruteForceProver {
    private BruteForceProver() {}

    /** Writes the certificate and returns the claimed count. */
    public static BigInteger prove(ModelReader.ModelFile model, Path out, int threads) {
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(FloatCircuits.of(model.model()), threads);
        BigInteger claim = BigInteger.valueOf(r.correct());
        try (CertificateWriter w = new CertificateWriter(out, model.sha256(), model.model(), claim, BruteForceStrategy.NAME)) {
            w.comment("every one of the " + r.total() + " inputs is decided by the checker (rule B1, docs/rules.md);");
            w.comment("the generator's float evaluation found " + r.correct() + " correct");
            w.line("brute-force");
        }
        return claim;
    }
}
