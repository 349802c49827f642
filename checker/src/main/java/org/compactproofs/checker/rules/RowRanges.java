package org.compactproofs.checker.rules;

import java.util.List;
import org.compactproofs.checker.arith.DyadicMatrix;

/**
 * Upper bounds on the row ranges max_{i,j} M[r][i] - M[r][j] of an exact product M = F_1 F_2 ... F_n of dyadic
 * matrices, the reference's "max_row_diff" family (docs/rules.md, Lemma S2.2). Every value is a double rounded up
 * from exact inputs, so each returned bound is >= the true range. With rr(B) the row ranges of B:
 * <pre>
 *   (split)  rr(A B)[r] <= sum_j |A[r][j]| rr(B)[j]
 *   (mean)   rr(A B)[r] <= rr(e B) + sum_j |A[r][j] - e[j]| rr(B)[j],  e = the mean row of A
 * </pre>
 */
final class RowRanges {
    private RowRanges() {}

    static double up(double x) {
        return Math.nextUp(x);
    }

    /** rr(M) per row, exactly computed and rounded up. */
    static double[] exact(DyadicMatrix m) {
        double[] out = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            out[r] = m.rowRangeUp(r);
        }
        return out;
    }

    /** The split bound: sum_j |A[r][j]| inner[j], with inner[j] >= rr(B)[j]. */
    static double[] split(DyadicMatrix a, double[] inner) {
        double[] out = new double[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            double s = 0;
            for (int j = 0; j < a.cols(); j++) {
                s = up(s + up(a.absUp(r, j) * inner[j]));
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * The mean bound: rr(e B) + sum_j |A[r][j] - e[j]| inner[j], with e = colsum(A)/n exactly (n = rows of A),
     * B = product of {@code rest}, inner[j] >= rr(B)[j]. Computed as (rr(colsum B) + sum_j |n A[r][j] -
     * colsum[j]| inner[j]) / n, all exact before the rounding up.
     */
    static double[] mean(DyadicMatrix a, List<DyadicMatrix> rest, double[] inner) {
        int n = a.rows();
        DyadicMatrix colsum = a.columnSums();
        DyadicMatrix centre = colsum;
        for (DyadicMatrix f : rest) {
            centre = centre.times(f);
        }
        double centreRange = centre.rowRangeUp(0);
        DyadicMatrix deviation = a.times(n).minus(ones(n).transpose().times(colsum));
        double[] split = split(deviation, inner);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = up(up(centreRange + split[r]) / n);
        }
        return out;
    }

    private static DyadicMatrix ones(int n) {
        java.math.BigInteger[][] one = new java.math.BigInteger[1][n];
        java.util.Arrays.fill(one[0], java.math.BigInteger.ONE);
        return new DyadicMatrix(one, 0);
    }

    /** The product of factors[from..], exactly. */
    static DyadicMatrix product(List<DyadicMatrix> factors, int from) {
        DyadicMatrix p = factors.get(from);
        for (int i = from + 1; i < factors.size(); i++) {
            p = p.times(factors.get(i));
        }
        return p;
    }

    /**
     * The best split bound over every break point: min over i of bound(F_1..F_i ; F_{i+1}..F_n), each with the
     * split or the mean bound (the reference's max_row_diffs_per_dim).
     */
    static double[] subproduct(List<DyadicMatrix> factors, boolean mean) {
        double[] best = null;
        DyadicMatrix left = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            List<DyadicMatrix> rest = factors.subList(i, factors.size());
            double[] inner = exact(product(factors, i));
            double[] b = mean ? mean(left, rest, inner) : split(left, inner);
            best = best == null ? b : min(best, b);
            left = left.times(factors.get(i));
        }
        return best;
    }

    /**
     * The split bound applied recursively, never forming a product of residual factors: f(n) = rr(F_n),
     * f(i) = bound(F_i ; f(i+1)); the mean bound at the first level ({@code meanFirst}) or at every level
     * ({@code meanAll}) (the reference's max_row_diffs_per_dim_no_multipy).
     */
    static double[] recursive(List<DyadicMatrix> factors, boolean meanFirst, boolean meanAll) {
        int n = factors.size();
        double[] f = exact(factors.get(n - 1));
        for (int i = n - 2; i >= 0; i--) {
            boolean mean = meanAll || (meanFirst && i == 0);
            f = mean ? mean(factors.get(i), factors.subList(i + 1, n), f) : split(factors.get(i), f);
        }
        return f;
    }

    private static double[] min(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = Math.min(a[i], b[i]);
        }
        return out;
    }
}
