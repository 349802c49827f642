package org.compactproofs.checker.arith;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Interval helpers that only tests need (the trusted code encloses exact values with DyadicMatrix.enclose). */
public final class TestIntervals {
    private TestIntervals() {}

    /** The tightest double enclosure of a finite decimal within the double range, by exact comparison. */
    public static Interval enclosing(BigDecimal exact) {
        double d = exact.doubleValue();
        if (Double.isInfinite(d)) {
            return d > 0 ? new Interval(Double.MAX_VALUE, Double.POSITIVE_INFINITY)
                    : new Interval(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE);
        }
        double lo = d, hi = d;
        while (new BigDecimal(lo).compareTo(exact) > 0) {
            lo = Math.nextDown(lo);
        }
        while (new BigDecimal(hi).compareTo(exact) < 0) {
            hi = Math.nextUp(hi);
        }
        while (Math.nextUp(lo) <= hi && new BigDecimal(Math.nextUp(lo)).compareTo(exact) <= 0) {
            lo = Math.nextUp(lo);
        }
        while (Math.nextDown(hi) >= lo && new BigDecimal(Math.nextDown(hi)).compareTo(exact) >= 0) {
            hi = Math.nextDown(hi);
        }
        return new Interval(lo, hi);
    }

    public static Interval point(double x) {
        return new Interval(x, x);
    }

    /** Nearest doubles of a table's exact entries (for display and tests, never for decisions). */
    public static double[][] approximate(DyadicMatrix table) {
        BigDecimal[][] exact = exactDecimals(table);
        double[][] out = new double[exact.length][exact[0].length];
        for (int i = 0; i < exact.length; i++) {
            for (int j = 0; j < exact[0].length; j++) {
                out[i][j] = exact[i][j].doubleValue();
            }
        }
        return out;
    }

    /** [lo - c, hi - c] rounded outward. */
    public static Interval minus(Interval x, double c) {
        return new Interval(Math.nextDown(x.lo() - c), Math.nextUp(x.hi() - c));
    }

    /** Every entry as an exact decimal. */
    public static BigDecimal[][] exactDecimals(DyadicMatrix m) {
        int exponent = m.exponent();
        BigInteger five = exponent >= 0 ? BigInteger.ONE : BigInteger.valueOf(5).pow(-exponent);
        BigDecimal[][] out = new BigDecimal[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) {
            for (int j = 0; j < m.cols(); j++) {
                out[i][j] = exponent >= 0 ? new BigDecimal(m.num()[i][j].shiftLeft(exponent))
                        : new BigDecimal(m.num()[i][j].multiply(five), -exponent);
            }
        }
        return out;
    }
}
