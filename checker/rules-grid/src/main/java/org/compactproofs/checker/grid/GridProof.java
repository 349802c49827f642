package org.compactproofs.checker.grid;

import org.compactproofs.checker.cases.CaseRule;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.ProofState;

/**
 * The state shared by the steps of one S2 certificate: its variant and the witnesses given before the first case,
 * from which that case builds the bounds (rule S2's {@link CaseRule.Preparation}).
 */
final class GridProof {
    final GridVariant variant;
    private GridWitnesses witnesses;

    GridProof(GridVariant variant) {
        this.variant = variant;
    }

    GridWitnesses witnesses(ProofState state) {
        if (witnesses == null) {
            witnesses = new GridWitnesses(variant, state.model());
        }
        return witnesses;
    }

    /** The witnesses closed (every one given, or refused at the first case) and the bounds built from them. */
    CaseRule.Bound prepare(ProofState state, Step first) {
        GridWitnesses w = witnesses(state);
        String problem = w.close();
        if (problem != null) {
            throw state.error(first, first.column(), problem);
        }
        GapBounds bounds = new GapBounds(state.model(), IntervalTables.of(state.model()), variant, w.vectors(), w::average);
        state.tablesBuilt("gap-case", bounds.operations());
        return bounds;
    }
}
