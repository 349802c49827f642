package org.compactproofs.checker.rules;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Step;

/**
 * {@code vector name NAME index I value X}: entry I of witness vector NAME of an S2 certificate (docs/rules.md,
 * S2). Witnesses come before the first case; X must be dyadic. Proves nothing by itself: every value is sound.
 */
final class VectorRule implements Rule {
    private final GridProof proof;

    VectorRule(GridProof proof) {
        this.proof = proof;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public Failure apply(Step step, ProofState state) {
        Fields.only(step, state, "name", "index", "value");
        GridWitnesses w = proof.witnesses(state);
        if (w.closed()) {
            throw state.error(step, step.column(), "witnesses must come before the first case");
        }
        Step.Field name = Fields.field(step, state, "name");
        if (name == null || name.number()) {
            throw state.error(step, name == null ? step.column() : name.valueColumn(), "field 'name' must name a vector");
        }
        BigInteger index = Fields.integer(step, state, "index");
        org.compactproofs.checker.cert.Numbers.Dyadic value = Fields.dyadic(step, state, "value");
        Integer length = w.lengths().get(name.value());
        if (length != null && (index.signum() < 0 || index.compareTo(java.math.BigInteger.valueOf(length)) >= 0)) {
            throw state.error(step, Fields.field(step, state, "index").valueColumn(), "index " + index
                    + " outside 0.." + (length - 1) + " of vector '" + name.value() + "'");
        }
        String problem = w.entry(name.value(), length == null ? 0 : index.intValue(), value.numerator(), value.exponent());
        if (problem != null) {
            throw state.error(step, step.column(), problem);
        }
        return null;
    }
}
