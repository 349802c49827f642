package org.compactproofs.checker.grid;

import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;

/**
 * A matrix of closed intervals [lo, hi] with double endpoints, every operation rounded outward (as
 * {@link Interval}): each entry of a result contains the exact result of the operation on any points of the
 * operands' entries. An operation that would give NaN (0 times infinity, infinity minus infinity) gives the whole
 * line instead. Used where the checker needs only enclosures of products, never their exact digits (rule S2).
 */
public record IntervalMatrix(double[][] lo, double[][] hi) {

    /** The tightest enclosure of every entry of an exact matrix. */
    public static IntervalMatrix of(DyadicMatrix m) {
        double[][] lo = new double[m.rows()][m.cols()], hi = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                Interval e = m.enclosure(i, j);
                lo[i][j] = e.lo();
                hi[i][j] = e.hi();
            }
        }
        return new IntervalMatrix(lo, hi);
    }

    public int rows() {
        return lo.length;
    }

    public int cols() {
        return lo[0].length;
    }

    /** this * other, each dot product accumulated with outward rounding. */
    public IntervalMatrix times(IntervalMatrix other) {
        int n = rows(), m = other.cols(), inner = cols();
        double[][] rl = new double[n][m], rh = new double[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                double sl = 0, sh = 0;
                for (int l = 0; l < inner; l++) {
                    double a = lo[i][l], b = hi[i][l], c = other.lo[l][j], d = other.hi[l][j];
                    double p1 = a * c, p2 = a * d, p3 = b * c, p4 = b * d;
                    double pl = Math.min(Math.min(p1, p2), Math.min(p3, p4)), ph = Math.max(Math.max(p1, p2), Math.max(p3, p4));
                    sl = Interval.down(sl + Interval.down(pl));
                    sh = Interval.up(sh + Interval.up(ph));
                }
                rl[i][j] = sl;
                rh[i][j] = sh;
            }
        }
        return new IntervalMatrix(rl, rh);
    }

    public IntervalMatrix transpose() {
        double[][] tl = new double[cols()][rows()], th = new double[cols()][rows()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                tl[j][i] = lo[i][j];
                th[j][i] = hi[i][j];
            }
        }
        return new IntervalMatrix(tl, th);
    }

    /** this - other (same shape). */
    public IntervalMatrix minus(IntervalMatrix other) {
        double[][] rl = new double[rows()][cols()], rh = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                rl[i][j] = Interval.down(lo[i][j] - other.hi[i][j]);
                rh[i][j] = Interval.up(hi[i][j] - other.lo[i][j]);
            }
        }
        return new IntervalMatrix(rl, rh);
    }

    /** The row vector (1 x cols) of column sums. */
    public IntervalMatrix columnSums() {
        double[][] sl = new double[1][cols()], sh = new double[1][cols()];
        for (int j = 0; j < cols(); j++) {
            for (int i = 0; i < rows(); i++) {
                sl[0][j] = Interval.down(sl[0][j] + lo[i][j]);
                sh[0][j] = Interval.up(sh[0][j] + hi[i][j]);
            }
        }
        return new IntervalMatrix(sl, sh);
    }

    /** Each row of this minus the row vector r (1 x cols). */
    public IntervalMatrix minusRow(IntervalMatrix r) {
        double[][] rl = new double[rows()][cols()], rh = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                rl[i][j] = Interval.down(lo[i][j] - r.hi[0][j]);
                rh[i][j] = Interval.up(hi[i][j] - r.lo[0][j]);
            }
        }
        return new IntervalMatrix(rl, rh);
    }

    /** Every entry times n (n >= 0). */
    public IntervalMatrix times(double n) {
        double[][] rl = new double[rows()][cols()], rh = new double[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                rl[i][j] = Interval.down(lo[i][j] * n);
                rh[i][j] = Interval.up(hi[i][j] * n);
            }
        }
        return new IntervalMatrix(rl, rh);
    }

    /** An upper bound on max_j x[i][j] - min_j x[i][j] over every point x of this. */
    public double rowRangeUp(int i) {
        double max = Double.NEGATIVE_INFINITY, min = Double.POSITIVE_INFINITY;
        for (int j = 0; j < cols(); j++) {
            max = Math.max(max, hi[i][j]);
            min = Math.min(min, lo[i][j]);
        }
        return Interval.up(max - min);
    }

    /** An upper bound on |x[i][j]|. */
    public double absUp(int i, int j) {
        return Math.max(-lo[i][j], hi[i][j]);
    }

    /** An upper bound on the sum of the squares of the entries (the squared Frobenius norm). */
    public double squaredNormUp() {
        double s = 0;
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                double a = absUp(i, j);
                s = Interval.up(s + Interval.up(a * a));
            }
        }
        return s;
    }
}
