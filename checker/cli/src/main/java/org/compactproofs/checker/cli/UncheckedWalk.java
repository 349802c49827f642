package org.compactproofs.checker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.bruteforce.CentredRows;
import org.compactproofs.checker.bruteforce.Parallel;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The baselines of {@code checker bench brute-force}, never used to check: rule B1's walk (the same tables, the
 * same depth-first prefix sums, the same order of operations) in plain double arithmetic, with no error bound and
 * no exact path, so that the rigorous check's cost is measured against the cheapest evaluation of the same walk;
 * and, with {@code outward}, the same walk in interval arithmetic (every sum and product rounded outward, an input
 * correct when the lower end of its maximum's logit exceeds every other logit's upper end): the alternative to
 * Theorem B1.1's a-priori bound that issue 15 asks to measure.
 */
final class UncheckedWalk {
    private final int v, k;
    private final double[][] evou, pvou, eu;
    private final CircuitTables tables;
    private final Interval scale;
    private final boolean outward;

    UncheckedWalk(Model m, CircuitTables t, boolean outward) {
        this.outward = outward;
        v = m.vocab();
        k = m.context();
        tables = t;
        evou = CentredRows.lowerEnds(t.evou());
        pvou = CentredRows.lowerEnds(t.pvou());
        eu = CentredRows.lowerEnds(t.eu());
        scale = ExactExp.inverseSqrtDouble(t.dHead());
    }


    /** The inputs whose maximum's logit exceeds every other by plain double comparison. */
    long correct(int threads) {
        List<Callable<Long>> queries = new ArrayList<>();
        for (int q = 0; q < v; q++) {
            int query = q;
            queries.add(() -> outward ? new IntervalQuery(query).count() : new Query(query).count());
        }
        return Parallel.map(queries, threads).stream().mapToLong(Long::longValue).sum();
    }

    private final class Query {
        final int q;
        final double[][] weight = new double[k][v], partial = new double[k][v];
        final double[][][] contrib = new double[k][v][v];
        final double[] partialWeight = new double[k];
        long correct;

        Query(int q) {
            this.q = q;
            Interval[][] below = DyadicMatrix.scoresBelowMax(tables.eqkeRaw(), tables.eqkpRaw(), q);
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    weight[i][t] = scale.times(below[i][t]).exp().lo();
                    for (int o = 0; o < v; o++) {
                        contrib[i][t][o] = weight[i][t] * (evou[t][o] + pvou[i][o]);
                    }
                }
            }
        }

        long count() {
            walk(0, -1);
            return correct;
        }

        private void walk(int depth, int maxSoFar) {
            if (depth == k - 1) {
                leaf(Math.max(maxSoFar, q));
                return;
            }
            double[] here = partial[depth];
            for (int t = 0; t < v; t++) {
                double[] add = contrib[depth][t], next = partial[depth + 1];
                for (int o = 0; o < v; o++) {
                    next[o] = here[o] + add[o];
                }
                partialWeight[depth + 1] = partialWeight[depth] + weight[depth][t];
                walk(depth + 1, Math.max(maxSoFar, t));
            }
        }

        private void leaf(int m) {
            double w = partialWeight[k - 1] + weight[k - 1][q];
            double[] s = partial[k - 1], last = contrib[k - 1][q], e = eu[q];
            double target = (s[m] + last[m]) + w * e[m];
            int unclear = 0;
            for (int o = 0; o < m; o++) {
                unclear += target - ((s[o] + last[o]) + w * e[o]) > 0 ? 0 : 1;
            }
            for (int o = m + 1; o < v; o++) {
                unclear += target - ((s[o] + last[o]) + w * e[o]) > 0 ? 0 : 1;
            }
            correct += unclear == 0 ? 1 : 0;
        }
    }

    /** The same walk with [lo, hi] for every weight, contribution, prefix sum and logit, rounded outward. */
    private final class IntervalQuery {
        final int q;
        final double[][] wLo = new double[k][v], wHi = new double[k][v];
        final double[][] pLo = new double[k][v], pHi = new double[k][v];
        final double[][][] cLo = new double[k][v][v], cHi = new double[k][v][v];
        final double[] sumLo = new double[k], sumHi = new double[k];
        long correct;

        IntervalQuery(int q) {
            this.q = q;
            Interval[][] below = DyadicMatrix.scoresBelowMax(tables.eqkeRaw(), tables.eqkpRaw(), q);
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    Interval w = scale.times(below[i][t]).exp();
                    wLo[i][t] = w.lo();
                    wHi[i][t] = w.hi();
                    for (int o = 0; o < v; o++) { // the tables' lower ends as points: a cost model, not a proof
                        Interval c = w.times(new Interval(Math.nextDown(evou[t][o] + pvou[i][o]),
                                Math.nextUp(evou[t][o] + pvou[i][o])));
                        cLo[i][t][o] = c.lo();
                        cHi[i][t][o] = c.hi();
                    }
                }
            }
        }

        long count() {
            walk(0, -1);
            return correct;
        }

        private void walk(int depth, int maxSoFar) {
            if (depth == k - 1) {
                leaf(Math.max(maxSoFar, q));
                return;
            }
            for (int t = 0; t < v; t++) {
                double[] lo = pLo[depth + 1], hi = pHi[depth + 1], aLo = cLo[depth][t], aHi = cHi[depth][t];
                for (int o = 0; o < v; o++) {
                    lo[o] = Math.nextDown(pLo[depth][o] + aLo[o]);
                    hi[o] = Math.nextUp(pHi[depth][o] + aHi[o]);
                }
                sumLo[depth + 1] = Math.nextDown(sumLo[depth] + wLo[depth][t]);
                sumHi[depth + 1] = Math.nextUp(sumHi[depth] + wHi[depth][t]);
                walk(depth + 1, Math.max(maxSoFar, t));
            }
        }

        private void leaf(int m) {
            double wl = Math.nextDown(sumLo[k - 1] + wLo[k - 1][q]), wh = Math.nextUp(sumHi[k - 1] + wHi[k - 1][q]);
            double[] lo = pLo[k - 1], hi = pHi[k - 1], lastLo = cLo[k - 1][q], lastHi = cHi[k - 1][q], e = eu[q];
            double target = Math.nextDown(Math.nextDown(lo[m] + lastLo[m]) + Math.nextDown(e[m] >= 0 ? wl * e[m] : wh * e[m]));
            int unclear = 0;
            for (int o = 0; o < v; o++) {
                double other = Math.nextUp(Math.nextUp(hi[o] + lastHi[o]) + Math.nextUp(e[o] >= 0 ? wh * e[o] : wl * e[o]));
                unclear += o == m || target > other ? 0 : 1;
            }
            correct += unclear == 0 ? 1 : 0;
        }
    }
}
