package org.compactproofs.checker.rules;

/** {@code case ...}: rule C1 of docs/rules.md, the cubic proof's case, bounded output by output. */
final class CubicCaseRule extends CaseRule {
    private CubicBounds bounds;

    @Override
    public String name() {
        return "case";
    }

    @Override
    void prepare(ProofState state, org.compactproofs.checker.cert.Step first) {
        bounds = new CubicBounds(state.model(), state.tables());
    }

    @Override
    double bound(int q, int m, int c, int a, int[] worst) {
        return bounds.caseBound(q, m, c, a, worst);
    }

    @Override
    long operations() {
        return bounds.operations;
    }
}
