package org.compactproofs.generator.model;

/**
 * Dense double matrix products with a fixed summation order (i, l, j loops; the inner loop runs over contiguous
 * memory so the JIT can vectorise it without reordering additions). The same inputs always give the same bits,
 * on any machine and any thread count: this is what makes training reproducible.
 */
public final class Matrices {
    private Matrices() {}

    /** a * b. */
    public static double[][] mul(double[][] a, double[][] b) {
        int n = a.length, inner = b.length, m = b[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ci = c[i], ai = a[i];
            for (int l = 0; l < inner; l++) {
                double x = ai[l];
                double[] bl = b[l];
                for (int j = 0; j < m; j++) {
                    ci[j] += x * bl[j];
                }
            }
        }
        return c;
    }

    /** a * b^T. */
    public static double[][] mulT(double[][] a, double[][] b) {
        int n = a.length, m = b.length, inner = a[0].length;
        double[][] c = new double[n][m];
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            for (int j = 0; j < m; j++) {
                double[] bj = b[j];
                double s = 0;
                for (int l = 0; l < inner; l++) {
                    s += ai[l] * bj[l];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    /** a^T * b. */
    public static double[][] tMul(double[][] a, double[][] b) {
        int rows = a.length, n = a[0].length, m = b[0].length;
        double[][] c = new double[n][m];
        for (int r = 0; r < rows; r++) {
            double[] ar = a[r], br = b[r];
            for (int i = 0; i < n; i++) {
                double x = ar[i];
                if (x == 0) {
                    continue;
                }
                double[] ci = c[i];
                for (int j = 0; j < m; j++) {
                    ci[j] += x * br[j];
                }
            }
        }
        return c;
    }

    /** a += b, element-wise. */
    public static void addInto(double[][] a, double[][] b) {
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                a[i][j] += b[i][j];
            }
        }
    }

    public static void scaleInPlace(double[][] a, double factor) {
        for (double[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= factor;
            }
        }
    }

    public static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** Each row of e plus the vector p. */
    public static double[][] addRow(double[][] e, double[] p) {
        double[][] c = new double[e.length][p.length];
        for (int i = 0; i < e.length; i++) {
            for (int j = 0; j < p.length; j++) {
                c[i][j] = e[i][j] + p[j];
            }
        }
        return c;
    }
}
