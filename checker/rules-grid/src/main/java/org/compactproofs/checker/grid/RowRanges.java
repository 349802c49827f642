package org.compactproofs.checker.grid;

import java.util.List;
import org.compactproofs.checker.arith.Interval;

/**
 * Upper bounds on the row ranges rr(M)[r] = max_{i,j} M[r][i] - M[r][j] of a product M = F_1 F_2 ... F_n, the
 * reference's "max_row_diff" family (docs/rules.md, Lemma S2.2). The factors are interval enclosures and every
 * operation rounds outward, so each returned bound is >= the true range. With rr(B) the row ranges of B:
 * <pre>
 *   (split)  rr(A B)[r] <= sum_j |A[r][j]| rr(B)[j]
 *   (mean)   rr(A B)[r] <= rr(e B) + sum_j |A[r][j] - e[j]| rr(B)[j],  e = the mean row of A
 * </pre>
 */
final class RowRanges {
    private RowRanges() {}

    /** rr(M) per row, from the enclosures. */
    static double[] of(Work w, IntervalMatrix m) {
        w.add((long) m.rows() * m.cols());
        double[] out = new double[m.rows()];
        for (int r = 0; r < m.rows(); r++) {
            out[r] = m.rowRangeUp(r);
        }
        return out;
    }

    /** The split bound: sum_j |A[r][j]| inner[j], with inner[j] >= rr(B)[j]. */
    static double[] split(Work w, IntervalMatrix a, double[] inner) {
        w.add(2L * a.rows() * a.cols());
        double[] out = new double[a.rows()];
        for (int r = 0; r < a.rows(); r++) {
            double s = 0;
            for (int j = 0; j < a.cols(); j++) {
                s = Interval.up(s + Interval.up(a.absUp(r, j) * inner[j]));
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * The mean bound: rr(e B) + sum_j |A[r][j] - e[j]| inner[j], with e = colsum(A) / n (n = rows of A),
     * B = product of {@code rest}, inner[j] >= rr(B)[j]; computed as (rr(colsum B) + sum_j |n A[r][j] -
     * colsum[j]| inner[j]) / n.
     */
    static double[] mean(Work w, IntervalMatrix a, List<IntervalMatrix> rest, double[] inner) {
        int n = a.rows();
        IntervalMatrix colsum = a.columnSums(), centre = colsum;
        for (IntervalMatrix f : rest) {
            centre = w.times(centre, f);
        }
        double centreRange = centre.rowRangeUp(0);
        w.add(3L * a.rows() * a.cols());
        double[] split = split(w, a.times(n).minusRow(colsum), inner);
        double[] out = new double[n];
        for (int r = 0; r < n; r++) {
            out[r] = Interval.up(Interval.up(centreRange + split[r]) / n);
        }
        return out;
    }

    /** The suffix products S_i = F_i F_{i+1} ... F_n (0-based: S_0 is the whole product), each from the next. */
    static List<IntervalMatrix> suffixes(Work w, List<IntervalMatrix> factors) {
        IntervalMatrix[] s = new IntervalMatrix[factors.size()];
        s[s.length - 1] = factors.get(s.length - 1);
        for (int i = s.length - 2; i >= 0; i--) {
            s[i] = w.times(factors.get(i), s[i + 1]);
        }
        return List.of(s);
    }

    /**
     * The best split bound over every break point: min over i of bound(F_1..F_i ; F_{i+1}..F_n), each with the
     * split or the mean bound (the reference's max_row_diffs_per_dim); {@code suffixes} from {@link #suffixes}.
     */
    static double[] subproduct(Work w, List<IntervalMatrix> factors, List<IntervalMatrix> suffixes, boolean mean) {
        double[] best = null;
        IntervalMatrix left = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            List<IntervalMatrix> rest = factors.subList(i, factors.size());
            double[] inner = of(w, suffixes.get(i));
            double[] b = mean ? mean(w, left, rest, inner) : split(w, left, inner);
            best = best == null ? b : min(best, b);
            if (i + 1 < factors.size()) {
                left = w.times(left, factors.get(i));
            }
        }
        return best;
    }

    /**
     * The split bound applied recursively, never forming a product of residual factors: f(n) = rr(F_n),
     * f(i) = bound(F_i ; f(i+1)); the mean bound at the first level ({@code meanFirst}) or at every level
     * ({@code meanAll}) (the reference's max_row_diffs_per_dim_no_multipy).
     */
    static double[] recursive(Work w, List<IntervalMatrix> factors, boolean meanFirst, boolean meanAll) {
        int n = factors.size();
        double[] f = of(w, factors.get(n - 1));
        for (int i = n - 2; i >= 0; i--) {
            boolean mean = meanAll || (meanFirst && i == 0);
            f = mean ? mean(w, factors.get(i), factors.subList(i + 1, n), f) : split(w, factors.get(i), f);
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
