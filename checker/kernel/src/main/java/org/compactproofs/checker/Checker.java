package org.compactproofs.checker;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cert.CertificateReader;
import org.compactproofs.checker.cert.Header;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.Strategies;

/**
 * Checks a certificate against a model, reading the certificate once, top to bottom: the header must describe
 * this very model file (SHA-256) and task; each step is verified by its rule; the certificate is accepted iff
 * no step fails and the proven count reaches the claimed count.
 */
public final class Checker {
    private Checker() {}

    /**
     * The verdict on a certificate, or an {@link UnusableInputException} for input beyond the limits. {@code open}
     * gives the certificate's text as bytes (the command line's, {@code cli/CertificateFile.open}, also decompresses
     * gzip); it is called once the model is read. The verdict is about the text read: its header names the model
     * (by hash) and the claim, so it holds whatever produced the text.
     */
    public static Verdict check(Path modelFile, Path certificate, Function<Path, InputStream> open, int threads,
                                Limits limits) {
        return run(modelFile, certificate, open, threads, limits, null);
    }

    /**
     * The check of one shard (docs/rules.md, Lemma D1): every line is read and every step without a key or with
     * a {@code max} key in [from, to) is verified as {@link #check} does; steps whose key lies outside are skipped;
     * a step without a key that counts inputs fails (a plain brute force cannot be sharded: use its keyed form);
     * the claim is left to {@link Shards#combine}, which alone decides. Carries the text's SHA-256.
     */
    public static Shards.Result checkShard(Path modelFile, Path certificate, Function<Path, InputStream> open,
                                           int threads, Limits limits, int from, int to) {
        MessageDigest digest = ModelReader.digest();
        Verdict v = run(modelFile, certificate, p -> new DigestInputStream(open.apply(p), digest), threads, limits,
                new int[] {from, to});
        return new Shards.Result(v.modelSha256(), java.util.HexFormat.of().formatHex(digest.digest()),
                v.header().claimedCorrect(), from, to, v.proven(), v.failure());
    }

    /** The check, of the whole certificate ({@code shard} null) or of shard {from, to}. */
    private static Verdict run(Path modelFile, Path certificate, Function<Path, InputStream> open, int threads,
                           Limits limits, int[] shard) {
        ModelReader.ModelFile model = ModelReader.read(modelFile, limits.modelBytes());
        try (CertificateReader reader = new CertificateReader(certificate, open.apply(certificate), limits)) {
            Header h = reader.header();
            if (!h.modelSha256().equals(model.sha256())) {
                throw new CertificateFormatException(certificate, h.modelLine(), 7, "the certificate is about the model "
                        + "with SHA-256 " + h.modelSha256() + ", but " + modelFile + " has SHA-256 " + model.sha256());
            }
            if (h.vocab() != model.model().vocab() || h.context() != model.model().context()) {
                throw new CertificateFormatException(certificate, h.taskLine(), 1, "the task says vocab " + h.vocab()
                        + ", context " + h.context() + ", but the model has vocab " + model.model().vocab()
                        + ", context " + model.model().context());
            }
            long keys = (long) h.vocab() * h.vocab() * h.context();
            if (keys > limits.caseKeys()) {
                throw Limits.exceeded(certificate, h.taskLine(), 1, "vocab^2 * context = " + keys + " case keys",
                        "at most " + limits.caseKeys() + " keys, which also keeps every table index within an int");
            }
            List<Rule> rules = Strategies.rules(h.strategy());
            if (rules == null) {
                throw new CertificateFormatException(certificate, h.strategyLine(), 10, "unknown strategy '"
                        + CertificateFormatException.quote(h.strategy()) + "' (known: " + String.join(", ", Strategies.names()) + ")");
            }
            long tables = Strategies.tableWork(h.strategy(), model.model());
            if (tables > limits.work()) {
                throw Limits.exceeded(certificate, h.strategyLine(), 10, "the tables of strategy " + h.strategy() + " on a model of vocab "
                        + h.vocab() + ", context " + h.context() + ", d_model " + model.model().dModel() + ", d_head "
                        + model.model().dHead() + " count " + tables + " operations (" + Limits.duration(tables
                        / Limits.OPERATIONS_PER_SECOND) + " on one thread), above the limit of " + limits.work()
                        + "; refused before any work", "--max-work");
            }
            ProofState state = new ProofState(model.model(), certificate, threads, limits);
            state.beginWork(h.strategy(), tables);
            Map<String, Rule> byName = new HashMap<>();
            rules.forEach(r -> byName.put(r.name(), r));
            Failure failure = null;
            for (Step step = reader.nextStep(); failure == null && step != null; step = reader.nextStep()) {
                Rule rule = byName.get(step.rule());
                if (rule == null) {
                    throw state.error(step, step.column(), "unknown rule for strategy " + h.strategy());
                }
                int key = shard == null ? -1 : Shards.key(step, state);
                if (key >= 0 && (key < shard[0] || key >= shard[1])) {
                    continue; // another shard's step
                }
                java.math.BigInteger before = state.proven();
                failure = rule.apply(step, state);
                if (failure == null && shard != null && key < 0 && !state.proven().equals(before)) {
                    failure = new Failure(step.line(), step.column(), "shard", "a step that counts inputs has a max key"
                            + " in a sharded check", "no key", "max");
                }
            }
            if (failure == null && shard == null && state.proven().compareTo(h.claimedCorrect()) < 0) {
                failure = new Failure(h.claimLine(), 1, "claim", "proven count >= claimed count",
                        state.proven().toString(), h.claimedCorrect().toString());
            }
            return new Verdict(h, model.sha256(), state.proven(), state.operations(), state.work(), failure);
        }
    }
}
