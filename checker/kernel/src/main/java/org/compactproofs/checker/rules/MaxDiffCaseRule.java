package org.compactproofs.checker.rules;

/** {@code maxdiff-case ...}: rule S1 of docs/rules.md, a case bounded for all outputs at once in O(k log k). */
final class MaxDiffCaseRule extends CaseRule {
    private MaxDiffBounds bounds;

    MaxDiffCaseRule() {}

    MaxDiffCaseRule(Keys keys) {
        super(keys);
    }

    @Override
    public String name() {
        return "maxdiff-case";
    }

    @Override
    void prepare(ProofState state, org.compactproofs.checker.cert.Step first) {
        bounds = new MaxDiffBounds(state.model(), state.tables());
    }

    @Override
    double bound(int q, int m, int c, int a, int[] worst) {
        return bounds.caseBound(q, m, c, a);
    }

    @Override
    long operations() {
        return bounds.operations;
    }
}
