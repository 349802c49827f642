package org.compactproofs.checker.model;

import org.compactproofs.checker.arith.DyadicMatrix;

/**
 * The model's circuit tables, computed exactly from the stored weights (which are dyadic rationals, so every
 * entry here is an exact dyadic rational, see {@link DyadicMatrix}). With Eq = W_E + W_pos[k-1] (row-wise) and
 * s = 1/sqrt(d_head):
 * <pre>
 *   EQKE = s * eqkeRaw,  eqkeRaw[q][t] = Eq[q] W_Q W_K^T W_E[t]^T      [vocab][vocab]
 *   EQKP = s * eqkpRaw,  eqkpRaw[q][i] = Eq[q] W_Q W_K^T W_pos[i]^T    [vocab][context]
 *   EVOU[t][o] = W_E[t] W_V W_O W_U                                    [vocab][vocab]
 *   PVOU[i][o] = W_pos[i] W_V W_O W_U                                  [context][vocab]
 *   EU[q][o]   = Eq[q] W_U                                             [vocab][vocab]
 * </pre>
 * so that, for an input with query q, score_i = s (eqkeRaw[q][t_i] + eqkpRaw[q][i]) and
 * logits = EU[q] + sum_i alpha_i (EVOU[t_i] + PVOU[i]). The scale s is irrational for d_head = 32 and stays
 * outside the tables; rules that need it enclose it rigorously.
 */
public record CircuitTables(int dHead, DyadicMatrix eqkeRaw, DyadicMatrix eqkpRaw,
                            DyadicMatrix evou, DyadicMatrix pvou, DyadicMatrix eu) {
    /** The multiply-adds of the tables' definitions (exactly here, in intervals for rule S2): O(v d^2 + v^2 d). */
    public static long operations(long v, long k, long d, long h) {
        return 2 * v * d * h + v * h * v + k * d * h + v * h * k + 2 * h * d * v + v * d * v + k * d * v + v * d * v;
    }


    public static CircuitTables of(Model m) {
        DyadicMatrix e = DyadicMatrix.of(m.wE());
        DyadicMatrix p = DyadicMatrix.of(m.wPos());
        DyadicMatrix eq = e.plusRowOf(p, m.context() - 1);
        DyadicMatrix query = eq.times(DyadicMatrix.of(m.wQ()));
        DyadicMatrix wK = DyadicMatrix.of(m.wK());
        DyadicMatrix wU = DyadicMatrix.of(m.wU());
        DyadicMatrix ovu = DyadicMatrix.of(m.wV()).times(DyadicMatrix.of(m.wO()).times(wU));
        return new CircuitTables(m.dHead(),
                query.timesTransposed(e.times(wK)),
                query.timesTransposed(p.times(wK)),
                e.times(ovu),
                p.times(ovu),
                eq.times(wU));
    }
}
