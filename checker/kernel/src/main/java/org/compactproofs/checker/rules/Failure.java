package org.compactproofs.checker.rules;

/**
 * Why a well-formed certificate is rejected: the step (line, column, rule), the inequality that does not hold
 * and both sides' values.
 */
public record Failure(int line, int column, String rule, String inequality, String leftValue, String rightValue)
        implements java.io.Serializable {
    public String message() {
        return inequality + " does not hold: " + leftValue + " vs " + rightValue;
    }
}
