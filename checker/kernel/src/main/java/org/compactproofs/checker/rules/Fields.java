package org.compactproofs.checker.rules;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;

/** Reading a step's fields: each named field exactly once, no unknown fields; malformed fields are exit 2. */
final class Fields {
    private Fields() {}

    static Step.Field field(Step step, ProofState state, String key) {
        Step.Field found = null;
        for (Step.Field f : step.fields()) {
            if (f.key().equals(key)) {
                if (found != null) {
                    throw state.error(step, f.column(), "field '" + key + "' given twice");
                }
                found = f;
            }
        }
        return found;
    }

    /** A required integer field. */
    static BigInteger integer(Step step, ProofState state, String key) {
        Step.Field f = field(step, state, key);
        if (f == null) {
            throw state.error(step, step.column(), "missing field '" + key + "'");
        }
        BigInteger n = f.number() ? Numbers.integer(f.value()) : null;
        if (n == null) {
            throw state.error(step, f.valueColumn(), "field '" + key + "' must be an integer");
        }
        return n;
    }

    /** Every field of the step is one of the allowed keys. */
    static void only(Step step, ProofState state, String... keys) {
        for (Step.Field f : step.fields()) {
            if (!java.util.Arrays.asList(keys).contains(f.key())) {
                throw state.error(step, f.column(), "unknown field '" + f.key() + "' (fields: "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    /** A required witness field: its dyadic value rounded to a double ({@link Numbers#witness}). */
    static double witness(Step step, ProofState state, String key) {
        Step.Field f = field(step, state, key);
        if (f == null) {
            throw state.error(step, step.column(), "missing field '" + key + "'");
        }
        return witness(step, state, f, 0);
    }

    /** A field's value times 2^scale as a witness: dyadic, rounded toward minus infinity to a double. */
    static double witness(Step step, ProofState state, Step.Field f, int scale) {
        String key = f.key();
        if (!f.number()) {
            throw state.error(step, f.valueColumn(), "field '" + key + "' must be a number");
        }
        Double x;
        try {
            x = Numbers.witness(f.value(), scale);
        } catch (IllegalArgumentException e) {
            throw state.error(step, f.valueColumn(), e.getMessage());
        }
        if (x == null) {
            throw state.error(step, f.valueColumn(), "field '" + key + "' must be a dyadic rational (a denominator"
                    + " that is a power of two, e.g. 0.375 or 0x1.8p-2), not " + org.compactproofs.checker.cert.CertificateFormatException.abbreviate(f.value()));
        }
        return x;
    }
}
