package org.compactproofs.checker.rules;

import java.math.BigInteger;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * Lemma S2.1 (docs/rules.md): for every query q and outputs o, m,
 * EU[q][o] - EU[q][m] <= centred[m][o] + gap[q], where, with a centre c (a row vector of length d_model) and
 * Eq = W_E + W_pos[k-1]:
 * <pre>
 *   centred[m][o] = (c W_U)[o] - (c W_U)[m],   gap[q] = sum_j |Eq[q][j] - c[j]| rr(W_U)[j]
 * </pre>
 * for the split options (c = the mean row of Eq, a witness, or 0), and centred = 0, gap[q] = rr(EU)[q] (or its
 * maximum over q) for the exact ones. Values are doubles rounded up from exact numbers.
 */
final class DirectPathSplit {
    final double[][] centred; // [m][o], null when zero
    final double[] gap;

    DirectPathSplit(Model m, CircuitTables t, GridVariant.DirectPath option, Map<String, DyadicMatrix> vectors) {
        int v = m.vocab(), d = m.dModel();
        if (option == GridVariant.DirectPath.MAX_DIFF_EXACT || option == GridVariant.DirectPath.GLOBAL_MAX_DIFF_EXACT) {
            centred = null;
            gap = RowRanges.exact(t.eu());
            if (option == GridVariant.DirectPath.GLOBAL_MAX_DIFF_EXACT) {
                double max = 0;
                for (double g : gap) {
                    max = Math.max(max, g);
                }
                java.util.Arrays.fill(gap, max);
            }
            return;
        }
        DyadicMatrix eq = DyadicMatrix.of(m.wE()).plusRowOf(DyadicMatrix.of(m.wPos()), m.context() - 1);
        DyadicMatrix wU = DyadicMatrix.of(m.wU());
        // the centre as numerator / divisor: the mean is colsum / v exactly
        int divisor = option == GridVariant.DirectPath.MEAN_QUERY_MAX_DIFF ? v : 1;
        DyadicMatrix centre = switch (option) {
            case MEAN_QUERY_MAX_DIFF -> eq.columnSums();
            case SVD_QUERY_MAX_DIFF -> vectors.get("eupu-centre");
            default -> new DyadicMatrix(zeros(d), 0);
        };
        DyadicMatrix centreU = centre.times(wU);
        centred = new double[v][v];
        for (int max = 0; max < v; max++) {
            for (int o = 0; o < v; o++) {
                centred[max][o] = RowRanges.up(centreU.differenceEnclosure(0, o, max).hi() / divisor);
            }
        }
        BigInteger[][] ones = new BigInteger[v][1];
        for (BigInteger[] row : ones) {
            row[0] = BigInteger.ONE;
        }
        DyadicMatrix deviation = eq.times(divisor).minus(new DyadicMatrix(ones, 0).times(centre));
        gap = RowRanges.split(deviation, RowRanges.exact(wU));
        for (int q = 0; q < v; q++) {
            gap[q] = RowRanges.up(gap[q] / divisor);
        }
    }

    private static BigInteger[][] zeros(int d) {
        BigInteger[][] z = new BigInteger[1][d];
        java.util.Arrays.fill(z[0], BigInteger.ZERO);
        return z;
    }

    double centred(int max, int o) {
        return centred == null ? 0 : centred[max][o];
    }
}
