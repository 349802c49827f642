package org.compactproofs.checker.grid;

import org.compactproofs.checker.cases.CaseKey;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

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
        CaseKey pair = CaseKey.pair(step, state);
        double value = Witness.field(step, state, "value");
        String problem = w.average(pair.max() * state.model().context() + pair.nonmax(),
                new org.compactproofs.checker.arith.Interval(value, value));
        if (problem != null) {
            throw state.error(step, step.column(), problem);
        }
        return null;
    }
}
