package org.compactproofs.checker.rules;

import java.math.BigInteger;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;

/** Reading a step's fields: each named field exactly once, no unknown fields; malformed fields are exit 2. */
public final class Fields {
    private Fields() {}

    public static Step.Field field(Step step, ProofState state, String key) {
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
    public static BigInteger integer(Step step, ProofState state, String key) {
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
    public static void only(Step step, ProofState state, String... keys) {
        for (Step.Field f : step.fields()) {
            if (!java.util.Arrays.asList(keys).contains(f.key())) {
                throw state.error(step, f.column(), "unknown field '" + f.key() + "' (fields: "
                        + String.join(", ", keys) + ")");
            }
        }
    }
}
