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
 *
 * <p>With biases (docs/model-format.md, "Biases"), the same identities hold with the factors of {@link Factors}:
 * Eq gains a column of ones and W_Q and W_U the rows b_Q and c = b_U + (b_V W_O + b_O) W_U (so Eq W_Q is the query
 * with b_Q, and EU gains c in every row, the value path's constant, since the attention weights sum to one), and
 * W_pos W_K gains b_K in every row (each key gets b_K once). Without biases the factors are the plain weights.
 */
public record CircuitTables(int dHead, DyadicMatrix eqkeRaw, DyadicMatrix eqkpRaw,
                            DyadicMatrix evou, DyadicMatrix pvou, DyadicMatrix eu) {
    /** The multiply-adds of the tables' definitions (exactly here, in intervals for rule S2): O(v d^2 + v^2 d). */
    public static long operations(long v, long k, long d, long h) {
        return 2 * v * d * h + v * h * v + k * d * h + v * h * k + 2 * h * d * v + v * d * v + k * d * v + v * d * v;
    }


    public static CircuitTables of(Model m) {
        Factors f = Factors.of(m);
        DyadicMatrix ovu = DyadicMatrix.of(m.wV()).times(DyadicMatrix.of(m.wO()).times(DyadicMatrix.of(m.wU())));
        DyadicMatrix query = f.eq().times(f.wQ());
        return new CircuitTables(m.dHead(),
                query.timesTransposed(f.e().times(f.wK())),
                query.timesTransposed(f.pK()),
                f.e().times(ovu),
                f.p().times(ovu),
                f.eq().times(f.wU()));
    }

    /**
     * The exact factors of the tables besides W_V W_O W_U: W_E, W_pos, Eq, W_Q, W_K, pK = W_pos W_K (+ b_K per row)
     * and W_U, where, for a model with a non-zero bias, Eq is [Eq | 1], W_Q is [W_Q; b_Q] and W_U is [W_U; c] with
     * c = b_U + (b_V W_O + b_O) W_U. Then Eq W_Q = (W_E + W_pos[k-1]) W_Q + b_Q and Eq W_U = (W_E + W_pos[k-1]) W_U + c
     * exactly (Lemma T1, docs/rules.md).
     */
    public record Factors(DyadicMatrix e, DyadicMatrix p, DyadicMatrix eq, DyadicMatrix wQ, DyadicMatrix wK,
                          DyadicMatrix pK, DyadicMatrix wU) {
        public static Factors of(Model m) {
            DyadicMatrix e = DyadicMatrix.of(m.wE()), p = DyadicMatrix.of(m.wPos()), eq = e.plusRowOf(p, m.context() - 1);
            DyadicMatrix wQ = DyadicMatrix.of(m.wQ()), wK = DyadicMatrix.of(m.wK()), wU = DyadicMatrix.of(m.wU());
            Model.Biases b = m.biases();
            if (!b.any()) {
                return new Factors(e, p, eq, wQ, wK, p.times(wK), wU);
            }
            DyadicMatrix c = row(b.v()).times(DyadicMatrix.of(m.wO())).plusRowOf(row(b.o()), 0).times(wU).plusRowOf(row(b.u()), 0);
            double[][] ones = new double[m.vocab()][];
            java.util.Arrays.setAll(ones, i -> new double[] {1});
            return new Factors(e, p, eq.join(DyadicMatrix.of(ones), false), wQ.join(row(b.q()), true), wK,
                    p.times(wK).plusRowOf(row(b.k()), 0), wU.join(c, true));
        }

        private static DyadicMatrix row(double[] values) {
            return DyadicMatrix.of(new double[][] {values});
        }
    }
}
