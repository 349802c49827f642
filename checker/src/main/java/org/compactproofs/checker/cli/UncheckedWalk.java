package org.compactproofs.checker.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.Parallel;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The baseline of {@code checker bench brute-force}, never used to check: rule B1's walk (the same tables, the
 * same depth-first prefix sums, the same order of operations) in plain double arithmetic, with no error bound and
 * no exact path, so that the rigorous check's cost is measured against the cheapest evaluation of the same walk.
 */
final class UncheckedWalk {
    private final int v, k;
    private final double[][] evou, pvou, eu;
    private final CircuitTables tables;
    private final Interval scale;

    UncheckedWalk(Model m, CircuitTables t) {
        v = m.vocab();
        k = m.context();
        tables = t;
        evou = lowerEnds(t.evou().rowsCentred());
        pvou = lowerEnds(t.pvou().rowsCentred());
        eu = lowerEnds(t.eu().rowsCentred());
        scale = ExactExp.inverseSqrtDouble(t.dHead());
    }

    private static double[][] lowerEnds(DyadicMatrix table) {
        double[][] out = new double[table.rows()][table.cols()];
        for (int i = 0; i < table.rows(); i++) {
            for (int j = 0; j < table.cols(); j++) {
                out[i][j] = table.enclosure(i, j).lo();
            }
        }
        return out;
    }

    /** The inputs whose maximum's logit exceeds every other by plain double comparison. */
    long correct(int threads) {
        List<Callable<Long>> queries = new ArrayList<>();
        for (int q = 0; q < v; q++) {
            int query = q;
            queries.add(() -> new Query(query).count());
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
}
