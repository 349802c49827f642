package org.compactproofs.checker.bruteforce;

import java.math.BigInteger;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

/**
 * {@code brute-force} (no fields): every input is decided by {@link BruteForce}; the step proves the count of
 * inputs shown correct. Rule B1 in docs/rules.md. Keyed form {@code brute-force max M}: the same for the inputs
 * whose maximum is M, each M once, never mixed with the plain form (Lemma B1.3), so that a brute-force certificate
 * can be checked in shards of maxima.
 */
public final class BruteForceRule implements Rule {
    private final java.util.BitSet keys = new java.util.BitSet();
    private int[] firstLine;
    private boolean plain;
    @Override
    public String name() {
        return "brute-force";
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        int onlyMax = -1;
        if (!step.fields().isEmpty()) {
            Fields.only(step, state, "max");
            BigInteger m = Fields.integer(step, state, "max");
            int v = state.model().vocab();
            if (plain) {
                throw state.error(step, step.column(), "the keyed form 'brute-force max M' cannot follow the plain 'brute-force'");
            }
            if (m.signum() < 0 || m.compareTo(BigInteger.valueOf(v)) >= 0) {
                return new Failure(step.line(), step.column(), name(), "0 <= max < vocab", m.toString(), Integer.toString(v));
            }
            onlyMax = m.intValueExact();
            if (keys.get(onlyMax)) {
                return new Failure(step.line(), step.column(), name(), "each max appears once", "max " + onlyMax,
                        "already at line " + firstLine[onlyMax]);
            }
            keys.set(onlyMax);
            firstLine = firstLine == null ? new int[v] : firstLine;
            firstLine[onlyMax] = step.line();
        } else if (!keys.isEmpty()) {
            throw state.error(step, step.column(), "the plain 'brute-force' cannot follow the keyed form 'brute-force max M'");
        } else {
            plain = true;
        }
        refuseIfTooLarge(step, state); // the task's v^k, also for a keyed step: the keys together walk them all
        BruteForce.Result r;
        try {
            r = new BruteForce(state.model(), state.tables()).run(state.threads(), state.limits().exactPathInputs(), onlyMax);
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
        if (onlyMax < 0) {
            state.provedAllInputs(step, BigInteger.valueOf(r.correct()));
        } else {
            state.provedCases(step, BigInteger.valueOf(r.correct()));
        }
        return null;
    }

    /** More than {@link Limits#bruteForceInputs()} inputs in the task are refused, with the time they would take. */
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
