package org.compactproofs.checker.rules;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Step;

/**
 * {@code brute-force} (no fields): every input is decided by {@link BruteForce}; the step proves the count of
 * inputs shown correct. Rule B1 in docs/rules.md.
 */
public final class BruteForceRule implements Rule {
    @Override
    public String name() {
        return "brute-force";
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        if (!step.fields().isEmpty()) {
            throw state.error(step, step.fields().get(0).column(), "takes no fields");
        }
        BruteForce.Result r = new BruteForce(state.model(), state.tables()).run(state.threads());
        state.count("brute-force.inputs", r.inputs());
        state.count("brute-force.margins-compared (float, with error bound)", r.marginsCompared());
        state.count("brute-force.inputs-decided-by-float-filter", r.fastDecided() + r.fastProvenWrong());
        state.count("brute-force.inputs-to-exact-path", r.exactInputs());
        state.count("brute-force.exact-exp-enclosures", r.exactExps());
        state.count("brute-force.inputs-undecidable (counted wrong)", r.undecidable());
        state.provedAllInputs(step, BigInteger.valueOf(r.correct()));
        return null;
    }
}
