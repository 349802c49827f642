package org.compactproofs.checker.rules;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Step;

/**
 * {@code average-attention max M nonmax C value X}: the average attention abar(M, C) of Theorem S2 for the
 * variants with attention handling mean-query+diff. Any value is sound; it decides only how the bound splits.
 */
final class AverageAttentionRule implements Rule {
    private final GridProof proof;

    AverageAttentionRule(GridProof proof) {
        this.proof = proof;
    }

    @Override
    public String name() {
        return "average-attention";
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        Fields.only(step, state, "max", "nonmax", "value");
        GridWitnesses w = proof.witnesses(state);
        if (w.closed()) {
            throw state.error(step, step.column(), "witnesses must come before the first case");
        }
        int v = state.model().vocab(), k = state.model().context();
        BigInteger m = Fields.integer(step, state, "max"), c = Fields.integer(step, state, "nonmax");
        if (m.signum() < 0 || m.compareTo(BigInteger.valueOf(v)) >= 0) {
            throw state.error(step, Fields.field(step, state, "max").valueColumn(), "max outside 0.." + (v - 1));
        }
        if (c.signum() < 0 || c.compareTo(BigInteger.valueOf(k - 1)) > 0) {
            throw state.error(step, Fields.field(step, state, "nonmax").valueColumn(), "nonmax outside 0.." + (k - 1));
        }
        double value = Fields.witness(step, state, "value");
        String problem = w.average(m.intValue() * k + c.intValue(), new org.compactproofs.checker.arith.Interval(value, value));
        if (problem != null) {
            throw state.error(step, step.column(), problem);
        }
        return null;
    }
}
