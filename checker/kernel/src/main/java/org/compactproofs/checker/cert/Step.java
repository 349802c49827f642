package org.compactproofs.checker.cert;

import java.util.List;

/** One step: a rule name and its fields (name and value token text), with the position of the rule name. */
public record Step(int line, int column, String rule, List<Field> fields) {
    /**
     * A field {@code key value}; {@code number} tells whether the value is a number token; {@code column} is the
     * key's column and {@code valueColumn} the value's.
     */
    public record Field(String key, String value, boolean number, int column, int valueColumn) {}
}
