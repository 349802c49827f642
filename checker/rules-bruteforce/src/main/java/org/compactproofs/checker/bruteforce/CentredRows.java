package org.compactproofs.checker.bruteforce;

import java.math.BigInteger;
import org.compactproofs.checker.arith.DyadicMatrix;

/** Rule B1's views of the exact tables: rows centred for the fast path, and the scale the exact path adds at. */
public final class CentredRows {
    private CentredRows() {}

    /**
     * Each row minus its own midrange (max + min) / 2, exactly, each entry then rounded down to a double within one
     * ulp. A margin of rule B1 subtracts two entries of one row, so it is the same on these rows; their entries are
     * at most half the row's spread, however large a constant the row carries (docs/rules.md, B1.1).
     */
    public static double[][] lowerEnds(DyadicMatrix m) {
        BigInteger[][] num = m.num();
        double[][] out = new double[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            BigInteger max = num[i][0], min = num[i][0];
            for (BigInteger x : num[i]) {
                max = max.max(x);
                min = min.min(x);
            }
            BigInteger mid = max.add(min);
            for (int j = 0; j < m.cols(); j++) {
                out[i][j] = DyadicMatrix.enclose(num[i][j].shiftLeft(1).subtract(mid), m.exponent() - 1).lo();
            }
        }
        return out;
    }

    /** The smallest exponent of the matrices: the scale at which their entries add as integers. */
    static int commonExponent(DyadicMatrix... matrices) {
        int common = Integer.MAX_VALUE;
        for (DyadicMatrix m : matrices) {
            common = Math.min(common, m.exponent());
        }
        return common;
    }
}
