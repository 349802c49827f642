package org.compactproofs.checker.rules;

/**
 * The state shared by the steps of one S2 certificate: its variant, the witnesses given before the first case,
 * and then the bounds built from them.
 */
final class GridProof {
    final GridVariant variant;
    private GridWitnesses witnesses;
    GapBounds bounds;

    GridProof(GridVariant variant) {
        this.variant = variant;
    }

    GridWitnesses witnesses(ProofState state) {
        if (witnesses == null) {
            witnesses = new GridWitnesses(variant, state.model());
        }
        return witnesses;
    }
}
