package org.compactproofs.checker.model;

import java.util.Arrays;

/**
 * One tensor of a safetensors file, decoded. {@code values} holds the elements in row-major order as doubles;
 * float32 and bool elements convert to doubles exactly (bool as 0 or 1), so nothing is rounded.
 */
public record Tensor(String name, String dtype, int[] shape, double[] values) {

    /** Number of elements the shape describes (1 for a scalar). */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int dim : shape) {
            n = Math.multiplyExact(n, (long) dim);
        }
        return n;
    }

    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** The tensor as a matrix [rows][cols], dropping leading dimensions of size one. */
    public double[][] matrix() {
        int rank = shape.length;
        int rows = rank >= 2 ? shape[rank - 2] : 1;
        int cols = rank >= 1 ? shape[rank - 1] : 1;
        double[][] m = new double[rows][cols];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(values, r * cols, m[r], 0, cols);
        }
        return m;
    }
}
