package org.compactproofs.checker.bruteforce;

import java.math.BigInteger;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

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
        refuseIfTooLarge(step, state);
        BruteForce.Result r;
        try {
            r = new BruteForce(state.model(), state.tables()).run(state.threads(), state.limits().exactPathInputs());
        } catch (BruteForce.ExactPathBudgetExceeded e) {
            long budget = state.limits().exactPathInputs();
            String problem = e.known >= 0
                    ? "at least " + e.known + " inputs have attention weights the fast path cannot use, so they need the exact path,"
                    + " above the limit of " + budget + " (they would take at least " + Limits.duration(e.known
                    * Limits.EXACT_PATH_SECONDS_PER_INPUT) + "); refused before the walk"
                    : "more than the limit of " + budget + " inputs need the exact path (margins within the fast"
                    + " path's error bound: near-ties, or extreme weights); stopped before deciding any more of them";
            throw state.exceeded(step, problem, "--max-exact-path-inputs");
        }
        state.count("brute-force.inputs", r.inputs());
        state.count("brute-force.margins-compared (float, with error bound)", r.marginsCompared());
        state.count("brute-force.inputs-decided-by-float-filter", r.fastDecided() + r.fastProvenWrong());
        state.count("brute-force.inputs-to-exact-path", r.exactInputs());
        state.count("brute-force.exact-exp-enclosures", r.exactExps());
        state.count("brute-force.inputs-undecidable (counted wrong)", r.undecidable());
        state.provedAllInputs(step, BigInteger.valueOf(r.correct()));
        return null;
    }

    /** More than {@link Limits#bruteForceInputs()} inputs are refused, with the time they would take. */
    private static void refuseIfTooLarge(Step step, ProofState state) {
        int v = state.model().vocab(), k = state.model().context();
        BigInteger inputs = BigInteger.valueOf(v).pow(k); // at most 10,000 digits: the header's claim states it
        if (inputs.compareTo(BigInteger.valueOf(state.limits().bruteForceInputs())) > 0) {
            double seconds = inputs.doubleValue() / Limits.BRUTE_FORCE_INPUTS_PER_SECOND; // not per threads: same output
            String n = inputs.toString();
            throw state.exceeded(step, v + "^" + k + " = " + (n.length() <= 30 ? n : "a number of " + n.length()
                    + " digits of") + " inputs, above the limit of " + state.limits().bruteForceInputs() + "; at about "
                    + String.format(java.util.Locale.ROOT, "%,.0f", Limits.BRUTE_FORCE_INPUTS_PER_SECOND)
                    + " inputs per second they would take " + Limits.duration(seconds) + " on one thread",
                    "--max-brute-force-inputs");
        }
    }
}
