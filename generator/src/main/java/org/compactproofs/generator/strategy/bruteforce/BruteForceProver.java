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

    /** Above this many inputs the certificate is written in the keyed form, one step per maximum (shardable). */
    public static final long KEYED_ABOVE = 1L << 31;

    /** Writes the certificate (keyed above {@link #KEYED_ABOVE} inputs) and returns the claimed count. */
    public static BigInteger prove(ModelReader.ModelFile model, Path out, int threads) {
        return prove(model, out, threads, org.compactproofs.generator.model.Inputs.count(model.model().vocab(),
                model.model().context()).compareTo(java.math.BigInteger.valueOf(KEYED_ABOVE)) > 0);
    }

    /**
     * Writes the certificate, as one step {@code brute-force} or, {@code keyed}, as the steps {@code brute-force
     * max M} for every M (rule B1's keyed form: the same inputs, checkable in shards of maxima), and returns the claim.
     */
    public static BigInteger prove(ModelReader.ModelFile model, Path out, int threads, boolean keyed) {
        AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(FloatCircuits.of(model.model()), threads);
        BigInteger claim = BigInteger.valueOf(r.correct());
        try (CertificateWriter w = new CertificateWriter(out, model.sha256(), model.model(), claim, BruteForceStrategy.NAME)) {
            w.comment("every one of the " + r.total() + " inputs is decided by the checker (rule B1, docs/rules.md);");
            w.comment("the generator's float evaluation found " + r.correct() + " correct");
            if (keyed) {
                w.comment("keyed form: one step per maximum M, the (M+1)^k - M^k inputs whose maximum is M");
                for (int m = 0; m < model.model().vocab(); m++) {
                    w.line("brute-force max " + m);
                }
            } else {
                w.line("brute-force");
            }
        }
        return claim;
    }
}
