package org.compactproofs.generator.strategy.grid;

import org.compactproofs.generator.model.Matrices;

/**
 * Leading right singular vectors of a small dense matrix by power iteration on A^T A with deflation: floating
 * point and untrusted, which is fine because they only become witnesses (any vector is sound; good ones are
 * tight). Deterministic: a fixed start and a fixed number of iterations.
 */
public final class SingularVectors {
    private static final int ITERATIONS = 300;

    private SingularVectors() {}

    /** The first {@code count} right singular vectors of a (rows x cols), unit length, as rows. */
    static double[][] right(double[][] a, int count) {
        double[][] gram = Matrices.tMul(a, a); // cols x cols
        int n = gram.length;
        double[][] out = new double[count][];
        for (int c = 0; c < count; c++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1 + 0.01 * i;
            }
            for (int it = 0; it < ITERATIONS; it++) {
                for (int p = 0; p < c; p++) { // stay orthogonal to the vectors already found
                    double dot = dot(x, out[p]);
                    for (int i = 0; i < n; i++) {
                        x[i] -= dot * out[p][i];
                    }
                }
                double[] y = new double[n];
                for (int i = 0; i < n; i++) {
                    y[i] = dot(gram[i], x);
                }
                double norm = Math.sqrt(dot(y, y));
                if (norm == 0) {
                    break;
                }
                for (int i = 0; i < n; i++) {
                    x[i] = y[i] / norm;
                }
            }
            double norm = Math.sqrt(dot(x, x));
            for (int i = 0; i < n; i++) {
                x[i] = norm == 0 ? 0 : x[i] / norm;
            }
            out[c] = x;
        }
        return out;
    }

    /** The first {@code count} singular values of a: |a x| for its right singular vectors x. */
    public static double[] values(double[][] a, int count) {
        double[][] right = right(a, count);
        double[] out = new double[count];
        for (int c = 0; c < count; c++) {
            double[] ax = times(a, right[c]);
            out[c] = Math.sqrt(dot(ax, ax));
        }
        return out;
    }

    /** The first left singular vector of a (unit length): a x / |a x| for the first right one x. */
    static double[] left(double[][] a) {
        return unit(times(a, right(a, 1)[0]));
    }

    static double[] times(double[][] a, double[] x) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = dot(a[i], x);
        }
        return y;
    }

    /** x^T a. */
    static double[] timesLeft(double[] x, double[][] a) {
        double[] y = new double[a[0].length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < y.length; j++) {
                y[j] += x[i] * a[i][j];
            }
        }
        return y;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    static double[] unit(double[] x) {
        double n = Math.sqrt(dot(x, x));
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = n == 0 ? 0 : x[i] / n;
        }
        return y;
    }

    static double[][] transpose(double[][] a) {
        double[][] t = new double[a[0].length][a.length];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[0].length; j++) {
                t[j][i] = a[i][j];
            }
        }
        return t;
    }
}
