package org.compactproofs.checker.rules;

/**
 * {@code gap-case query Q max M nonmax C [upto A] count N}: rule S2 of docs/rules.md, one of the 100 sub-cubic
 * variants of the reference's grid, bounded by {@link GapBounds} in O(k) per case after O(v^2 (k + d)) tables.
 */
final class GapCaseRule extends CaseRule {
    private final GridProof proof;

    GapCaseRule(GridProof proof) {
        this.proof = proof;
    }

    GapCaseRule(GridProof proof, Keys keys) {
        super(keys);
        this.proof = proof;
    }

    @Override
    public String name() {
        return "gap-case";
    }

    @Override
    void prepare(ProofState state, org.compactproofs.checker.cert.Step first) {
        GridWitnesses w = proof.witnesses(state);
        String problem = w.close();
        if (problem != null) {
            throw state.error(first, first.column(), problem);
        }
        proof.bounds = new GapBounds(state.model(), org.compactproofs.checker.model.IntervalTables.of(state.model()),
                proof.variant, w.vectors(), w::average);
        state.tablesBuilt("gap-case", proof.bounds.operations());
    }

    @Override
    double bound(int q, int m, int c, int a, int[] worst) {
        return proof.bounds.margin(q, m, c, a);
    }

    @Override
    long operations() {
        return proof.bounds.operations();
    }
}
