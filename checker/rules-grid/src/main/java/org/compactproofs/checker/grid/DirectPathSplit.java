package org.compactproofs.checker.grid;

import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.Model;

/**
 * Lemma S2.1 (docs/rules.md): for every query q and outputs o, m,
 * EU[q][o] - EU[q][m] <= centred[m][o] + gap[q], where, with a centre c (a row vector of length d_model) and
 * Eq = W_E + W_pos[k-1]:
 * <pre>
 *   centred[m][o] = (c W_U)[o] - (c W_U)[m],   gap[q] = sum_j |Eq[q][j] - c[j]| rr(W_U)[j]
 * </pre>
 * for the split options (c = the mean row of Eq, a witness, or 0), and centred = 0, gap[q] = rr(EU)[q] (or its
 * maximum over q) for the exact ones. Values are doubles rounded up from interval enclosures.
 */
final class DirectPathSplit {
    final double[][] centred; // [m][o], null when zero
    final double[] gap;

    DirectPathSplit(Model m, IntervalTables t, GridVariant.DirectPath option, Map<String, DyadicMatrix> vectors, Work work) {
        int v = m.vocab(), d = m.eqWidth(); // the centre is a row of Eq (with its bias column, Lemma T1)
        if (option == GridVariant.DirectPath.MAX_DIFF_EXACT || option == GridVariant.DirectPath.GLOBAL_MAX_DIFF_EXACT) {
            centred = null;
            gap = RowRanges.of(work, t.eu());
            if (option == GridVariant.DirectPath.GLOBAL_MAX_DIFF_EXACT) {
                double max = 0;
                for (double g : gap) {
                    max = Math.max(max, g);
                }
                java.util.Arrays.fill(gap, max);
            }
            return;
        }
        IntervalMatrix eq = t.factors().eq(), wU = t.factors().wU();
        // the centre as numerator / divisor: the mean is colsum / v
        int divisor = option == GridVariant.DirectPath.MEAN_QUERY_MAX_DIFF ? v : 1;
        IntervalMatrix centre = switch (option) {
            case MEAN_QUERY_MAX_DIFF -> eq.columnSums();
            case SVD_QUERY_MAX_DIFF -> IntervalMatrix.of(vectors.get("eupu-centre"));
            default -> new IntervalMatrix(new double[1][d], new double[1][d]);
        };
        IntervalMatrix centreU = work.times(centre, wU);
        work.add(2L * v * v);
        centred = new double[v][v];
        for (int max = 0; max < v; max++) {
            for (int o = 0; o < v; o++) {
                centred[max][o] = Interval.up(Interval.up(centreU.hi()[0][o] - centreU.lo()[0][max]) / divisor);
            }
        }
        gap = RowRanges.split(work, eq.times(divisor).minusRow(centre), RowRanges.of(work, wU));
        for (int q = 0; q < v; q++) {
            gap[q] = Interval.up(gap[q] / divisor);
        }
    }

    double centred(int max, int o) {
        return centred == null ? 0 : centred[max][o];
    }
}
