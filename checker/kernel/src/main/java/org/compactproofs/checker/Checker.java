package org.compactproofs.checker;

import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cert.CertificateReader;
import org.compactproofs.checker.cert.Header;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.BruteForceRule;
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

    public static Verdict check(Path modelFile, Path certificate, int threads) {
        return check(modelFile, certificate, threads, Limits.DEFAULT);
    }

    /** The verdict on a certificate, or an {@link UnusableInputException} for input beyond the limits. */
    public static Verdict check(Path modelFile, Path certificate, int threads, Limits limits) {
        ModelReader.ModelFile model = ModelReader.read(modelFile, limits.modelBytes());
        try (CertificateReader reader = new CertificateReader(certificate, limits)) {
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
            long tables = Strategies.tableWork(model.model());
            if (tables > limits.work()) {
                throw Limits.exceeded(certificate, h.strategyLine(), 10, "the circuit tables of a model of vocab "
                        + h.vocab() + ", context " + h.context() + ", d_model " + model.model().dModel() + ", d_head "
                        + model.model().dHead() + " count " + tables + " operations (" + BruteForceRule.duration(tables
                        / Limits.OPERATIONS_PER_SECOND) + " on one thread), above the limit of " + limits.work()
                        + "; refused before any work", "--max-work");
            }
            ProofState state = new ProofState(model.model(), certificate, threads, limits);
            state.beginWork(h.strategy(), tables);
            Step step;
            while ((step = reader.nextStep()) != null) {
                Rule rule = find(rules, step, state, h.strategy());
                Failure failure = rule.apply(step, state);
                if (failure != null) {
                    return verdict(h, model.sha256(), state, failure);
                }
            }
            if (state.proven().compareTo(h.claimedCorrect()) < 0) {
                Failure f = new Failure(h.claimLine(), 1, "claim", "proven count >= claimed count",
                        state.proven().toString(), h.claimedCorrect().toString());
                return verdict(h, model.sha256(), state, f);
            }
            return verdict(h, model.sha256(), state, null);
        }
    }

    private static Verdict verdict(Header h, String modelSha256, ProofState state, Failure failure) {
        return new Verdict(h, modelSha256, state.proven(), state.operations(), state.work(), failure);
    }

    private static Rule find(List<Rule> rules, Step step, ProofState state, String strategy) {
        for (Rule r : rules) {
            if (r.name().equals(step.rule())) {
                return r;
            }
        }
        throw state.error(step, step.column(), "unknown rule for strategy " + strategy);
    }
}
