package org.compactproofs.checker.grid;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Failure;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;
import org.compactproofs.checker.rules.Rule;

/**
 * {@code vector name NAME index I value X}: entry I of witness vector NAME of an S2 certificate (docs/rules.md,
 * S2). Witnesses come before the first case; X must be dyadic, and is rounded toward minus infinity to a double on
 * entry ({@link Witness#value}). Proves nothing by itself: every value is sound.
 * The whole-vector form {@code vector name NAME [exponent E] x X0 x X1 ...} gives entry i as Xi 2^E (E = 0 when
 * absent), one {@code x} field per entry in index order, each recorded as the single-entry line
 * {@code vector name NAME index i value Xi*2^E} would be.
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
        boolean whole = step.fields().stream().anyMatch(f -> f.key().equals("x") || f.key().equals("exponent"));
        Fields.only(step, state, whole ? new String[] {"name", "exponent", "x"} : new String[] {"name", "index", "value"});
        GridWitnesses w = proof.witnesses(state);
        if (w.closed()) {
            throw state.error(step, step.column(), "witnesses must come before the first case");
        }
        Step.Field name = Fields.field(step, state, "name");
        if (name == null || name.number()) {
            throw state.error(step, name == null ? step.column() : name.valueColumn(), "field 'name' must name a vector");
        }
        Integer length = w.lengths().get(name.value());
        if (whole) {
            whole(step, state, w, name.value(), length);
            return null;
        }
        BigInteger index = Fields.integer(step, state, "index");
        double value = Witness.field(step, state, "value");
        if (length != null && (index.signum() < 0 || index.compareTo(BigInteger.valueOf(length)) >= 0)) {
            throw state.error(step, Fields.field(step, state, "index").valueColumn(), "index " + index
                    + " outside 0.." + (length - 1) + " of vector '" + name.value() + "'");
        }
        String problem = w.entry(name.value(), length == null ? 0 : index.intValue(), value);
        if (problem != null) {
            throw state.error(step, step.column(), problem);
        }
        return null;
    }

    /** The whole-vector form: one x field per entry, in index order, each times 2^exponent. */
    private static void whole(Step step, ProofState state, GridWitnesses w, String name, Integer length) {
        Step.Field exponentField = Fields.field(step, state, "exponent");
        BigInteger exponent = exponentField == null ? BigInteger.ZERO : Fields.integer(step, state, "exponent");
        if (exponent.abs().compareTo(BigInteger.valueOf(Numbers.MAX_EXPONENT)) > 0) {
            throw state.error(step, exponentField.valueColumn(), "exponent beyond the limit of " + Numbers.MAX_EXPONENT);
        }
        if (length == null) { // the single-entry path's message: the names this variant takes
            throw state.error(step, step.column(), w.entry(name, 0, 0));
        }
        java.util.List<Step.Field> xs = step.fields().stream().filter(f -> f.key().equals("x")).toList();
        if (xs.size() != length) {
            throw state.error(step, xs.size() > length ? xs.get(length).column() : step.column(), "vector '"
                    + name + "' has " + length + " entries, this line gives " + xs.size());
        }
        for (int i = 0; i < length; i++) {
            String problem = w.entry(name, i, Witness.field(step, state, xs.get(i), exponent.intValue()));
            if (problem != null) {
                throw state.error(step, xs.get(i).column(), problem);
            }
        }
    }
}
