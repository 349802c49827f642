package org.compactproofs.generator.report;

import java.util.Map;
import java.util.Random;
import org.compactproofs.checker.model.Model;

/** Test models of odd content for the figures: zero, constant, random, and one whose EVOU peaks at exactly 0. */
public final class OddModels {
    private OddModels() {}

    private static double[][] matrix(int rows, int cols, java.util.function.IntBinaryOperator f, double scale) {
        double[][] a = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a[i][j] = f.applyAsInt(i, j) * scale;
            }
        }
        return a;
    }

    /** Every weight c (0: the zero model). */
    public static Model constant(int v, int k, int d, int h, double c) {
        java.util.function.IntBinaryOperator one = (i, j) -> 1;
        return new Model(v, k, d, h, matrix(v, d, one, c), matrix(k, d, one, c), matrix(d, h, one, c),
                matrix(d, h, one, c), matrix(d, h, one, c), matrix(h, d, one, c), matrix(d, v, one, c), Map.of());
    }

    /** Weights of about unit size, deterministic in the seed. */
    public static Model random(int v, int k, int d, int h, long seed) {
        Random r = new Random(seed);
        java.util.function.IntBinaryOperator g = (i, j) -> r.nextInt(2001) - 1000;
        return new Model(v, k, d, h, matrix(v, d, g, 1e-3), matrix(k, d, g, 1e-3), matrix(d, h, g, 1e-3),
                matrix(d, h, g, 1e-3), matrix(d, h, g, 1e-3), matrix(h, d, g, 1e-3), matrix(d, v, g, 1e-3), Map.of());
    }

    /**
     * Vocabulary 8, context 4, d_model = d_head = 12, like the crafted model of issue 14, whose EVOU heatmap made
     * XChart index past its colour table (exit 3).
     */
    public static Model evouPeaksAtZero() {
        return evouPeaksAtZero(8, 4, 12);
    }

    /**
     * W_V = W_O = I (d_head = d_model = d), W_E >= 0 and W_U <= 0 with a zero column, so that EVOU = W_E W_U is
     * <= 0 everywhere and exactly 0 in a column; the other weights random.
     */
    public static Model evouPeaksAtZero(int v, int k, int d) {
        Random r = new Random(14);
        java.util.function.IntBinaryOperator g = (i, j) -> r.nextInt(2001) - 1000;
        double[][] identity = matrix(d, d, (i, j) -> i == j ? 1 : 0, 1);
        return new Model(v, k, d, d, matrix(v, d, (i, j) -> 1 + r.nextInt(1000), 1e-3), matrix(k, d, g, 1e-3),
                matrix(d, d, g, 1e-3), matrix(d, d, g, 1e-3), identity, identity,
                matrix(d, v, (i, j) -> j == 0 ? 0 : -1 - r.nextInt(1000), 1e-3), Map.of());
    }
}
