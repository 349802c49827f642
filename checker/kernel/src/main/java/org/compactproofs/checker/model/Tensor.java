package org.compactproofs.checker.model;

/**
 * One tensor of a safetensors file, decoded. {@code values} holds the elements in row-major order as doubles;
 * float32 and bool elements convert to doubles exactly (bool as 0 or 1), so nothing is rounded.
 *
 * <p>Invariant (established by {@link SafetensorsReader}): {@code dtype} is F32, F64 or BOOL;
 * {@code values.length} is {@link #elementCount} of {@code shape}; F32 and F64 values are finite, BOOL values 0 or 1.
 */
public record Tensor(String name, String dtype, int[] shape, double[] values) {

    /** Number of elements the shape describes (1 for a scalar); ArithmeticException on overflow. */
    public static long elementCount(int[] shape) {
        long n = 1;
        for (int dim : shape) {
            n = Math.multiplyExact(n, (long) dim);
        }
        return n;
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
