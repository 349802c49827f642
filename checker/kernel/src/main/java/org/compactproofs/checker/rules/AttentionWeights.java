package org.compactproofs.checker.rules;

import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;

/**
 * Enclosures of the attention weights w_i(t) = exp(s (R_i(t) - R_q)) of one query q, for every position i and
 * token t, where R_i(t) = eqkeRaw[q][t] + eqkpRaw[q][i] exactly and R_q is the query's largest R (so w <= 1):
 * the tightest enclosure of the exact dyadic difference, times the verified enclosure of s = 1/sqrt(d_head),
 * then exp, all rounded outward (kernel K2). Subtracting exactly keeps the weights accurate however large a
 * common offset of the scores is. Shared by rules B1, C1 and S1.
 */
public final class AttentionWeights {
    private final CircuitTables tables;
    private final Interval scale;

    public AttentionWeights(CircuitTables tables) {
        this.tables = tables;
        this.scale = ExactExp.inverseSqrtDouble(tables.dHead());
    }

    /** [i][t] enclosures for query q. */
    public Interval[][] of(int q) {
        Interval[][] below = DyadicMatrix.scoresBelowMax(tables.eqkeRaw(), tables.eqkpRaw(), q);
        Interval[][] w = new Interval[below.length][];
        for (int i = 0; i < below.length; i++) {
            w[i] = new Interval[below[i].length];
            for (int t = 0; t < below[i].length; t++) {
                w[i][t] = scale.times(below[i][t]).exp();
            }
        }
        return w;
    }
}
