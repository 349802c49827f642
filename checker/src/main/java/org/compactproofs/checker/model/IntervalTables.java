package org.compactproofs.checker.model;

import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.IntervalMatrix;

/**
 * The circuit tables of {@link CircuitTables} (same definitions, same names), as interval enclosures computed
 * with outward rounding from the exact weights: each entry contains the exact table entry. For rules that need
 * only enclosures (rule S2), at a fraction of the cost of the exact tables.
 */
public record IntervalTables(int dHead, IntervalMatrix eqkeRaw, IntervalMatrix eqkpRaw, IntervalMatrix evou,
                             IntervalMatrix pvou, IntervalMatrix eu, long operations) {

    /** The multiply-adds of the tables' definitions (here in intervals, in CircuitTables exactly): O(v d^2 + v^2 d). */
    public static long operations(long v, long k, long d, long h) {
        return 2 * v * d * h + v * h * v + k * d * h + v * h * k + 2 * h * d * v + v * d * v + k * d * v + v * d * v;
    }

    public static IntervalTables of(Model m) {
        DyadicMatrix exactE = DyadicMatrix.of(m.wE()), exactP = DyadicMatrix.of(m.wPos());
        IntervalMatrix e = IntervalMatrix.of(exactE), p = IntervalMatrix.of(exactP);
        IntervalMatrix eq = IntervalMatrix.of(exactE.plusRowOf(exactP, m.context() - 1)); // exact sum, enclosed
        IntervalMatrix query = eq.times(IntervalMatrix.of(DyadicMatrix.of(m.wQ())));
        IntervalMatrix wK = IntervalMatrix.of(DyadicMatrix.of(m.wK())), wU = IntervalMatrix.of(DyadicMatrix.of(m.wU()));
        IntervalMatrix ovu = IntervalMatrix.of(DyadicMatrix.of(m.wV()))
                .times(IntervalMatrix.of(DyadicMatrix.of(m.wO())).times(wU));
        return new IntervalTables(m.dHead(),
                query.times(e.times(wK).transpose()),
                query.times(p.times(wK).transpose()),
                e.times(ovu),
                p.times(ovu),
                eq.times(wU),
                operations(m.vocab(), m.context(), m.dModel(), m.dHead()));
    }
}
