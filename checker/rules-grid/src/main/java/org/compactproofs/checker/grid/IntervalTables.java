package org.compactproofs.checker.grid;

import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The circuit tables of {@link CircuitTables} (same definitions, same names), as interval enclosures computed
 * with outward rounding from the exact weights: each entry contains the exact table entry. For rules that need
 * only enclosures (rule S2), at a fraction of the cost of the exact tables.
 */
public record IntervalTables(int dHead, IntervalMatrix eqkeRaw, IntervalMatrix eqkpRaw, IntervalMatrix evou,
                             IntervalMatrix pvou, IntervalMatrix eu, Factors factors, long operations) {

    /**
     * The enclosed factors the tables are built from, for rules that split them further: Eq = W_E + W_pos[k-1],
     * W_E, W_Q, W_K, W_U, and the products Eq W_Q and W_E W_K; with biases, Eq, W_Q and W_U are those of
     * {@link CircuitTables.Factors} (Lemma T1), so that Eq W_Q and Eq W_U are still the query and EU.
     */
    public record Factors(IntervalMatrix eq, IntervalMatrix e, IntervalMatrix wQ, IntervalMatrix wK, IntervalMatrix wU,
                          IntervalMatrix eqWQ, IntervalMatrix eWK) {}

    public static IntervalTables of(Model m) {
        CircuitTables.Factors f = CircuitTables.Factors.of(m); // exact, enclosed below
        IntervalMatrix e = IntervalMatrix.of(f.e()), p = IntervalMatrix.of(f.p()), eq = IntervalMatrix.of(f.eq());
        IntervalMatrix wQ = IntervalMatrix.of(f.wQ()), query = eq.times(wQ);
        IntervalMatrix wK = IntervalMatrix.of(f.wK()), wU = IntervalMatrix.of(f.wU());
        IntervalMatrix eWK = e.times(wK);
        IntervalMatrix ovu = IntervalMatrix.of(DyadicMatrix.of(m.wV()))
                .times(IntervalMatrix.of(DyadicMatrix.of(m.wO())).times(IntervalMatrix.of(DyadicMatrix.of(m.wU()))));
        return new IntervalTables(m.dHead(),
                query.times(eWK.transpose()),
                query.times((m.biases().any() ? IntervalMatrix.of(f.pK()) : p.times(wK)).transpose()), // as before T1
                e.times(ovu),
                p.times(ovu),
                eq.times(wU),
                new Factors(eq, e, wQ, wK, wU, query, eWK),
                CircuitTables.operations(m.vocab(), m.context(), m.dModel(), m.dHead()));
    }
}
