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
     * Writes the keyed certificate of a model with more inputs than 2^31 and returns its claim. With
     * {@code exactClaim} the claim is the sum over M of what the checker's own rule B1 walk proves for the inputs
     * whose maximum is M, one key per task on {@code threads} threads, the largest first (a second full pass over
     * every input: the generator's float walk is no faster); each key's count is written as a comment and
     * {@code progress} hears one line per key. Otherwise {@code lowerClaim} is the claim (e.g. the cubic proof's
     * claim, found in seconds): the brute force proves at least what a sound cubic proof does, and the checker
     * prints the exact count its steps prove next to the claim, so one pass over the inputs (the check) gives it.
     * The generator trusts nothing of this: the checker re-runs every key.
     */
    public static BigInteger proveKeyed(ModelReader.ModelFile model, Path out, int threads, boolean exactClaim,
                                        BigInteger lowerClaim, java.util.function.Consumer<String> progress) {
        org.compactproofs.checker.model.Model m = model.model();
        String[] perKey = new String[m.vocab()];
        BigInteger claim = exactClaim ? countWithCheckersWalk(m, threads, perKey, progress) : lowerClaim;
        try (CertificateWriter w = new CertificateWriter(out, model.sha256(), m, claim, BruteForceStrategy.NAME)) {
            w.comment("every one of the " + org.compactproofs.generator.model.Inputs.count(m) + " inputs is decided by"
                    + " the checker (rule B1, docs/rules.md), in the keyed form: one step per maximum M, the (M+1)^k - M^k"
                    + " inputs whose maximum is M");
            w.comment(exactClaim ? "the claim is the sum of the counts the checker's own walk found per key"
                    : "the claim is a lower bound from a cheaper proof (the cubic's claim); the checker prints the exact"
                    + " count the steps prove");
            for (int max = 0; max < m.vocab(); max++) {
                if (perKey[max] != null) {
                    w.comment(perKey[max]);
                }
                w.line("brute-force max " + max);
            }
        }
        return claim;
    }

    private static BigInteger countWithCheckersWalk(org.compactproofs.checker.model.Model m, int threads,
                                                    String[] perKey, java.util.function.Consumer<String> progress) {
        org.compactproofs.checker.bruteforce.BruteForce walk = new org.compactproofs.checker.bruteforce.BruteForce(m,
                org.compactproofs.checker.model.CircuitTables.of(m));
        long start = System.nanoTime();
        java.util.List<java.util.concurrent.Callable<Long>> keys = new java.util.ArrayList<>();
        for (int key = m.vocab() - 1; key >= 0; key--) { // largest first: the last tasks are the shortest
            int max = key;
            keys.add(() -> {
                org.compactproofs.checker.bruteforce.BruteForce.Result r = walk.run(1,
                        org.compactproofs.checker.Limits.DEFAULT_EXACT_PATH_INPUTS, max);
                perKey[max] = "max " + max + ": " + r.correct() + " of " + r.inputs() + " correct";
                progress.accept(String.format(java.util.Locale.ROOT, "brute force %s, %.1f s", perKey[max],
                        (System.nanoTime() - start) / 1e9));
                return r.correct();
            });
        }
        BigInteger claim = BigInteger.ZERO;
        for (long correct : org.compactproofs.checker.bruteforce.Parallel.map(keys, threads)) {
            claim = claim.add(BigInteger.valueOf(correct));
        }
        return claim;
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
