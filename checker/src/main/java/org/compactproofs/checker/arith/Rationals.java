package org.compactproofs.checker.arith;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/** Conversions into exact rationals. */
public final class Rationals {
    public static final Aprational ZERO = new Apint(0);

    private Rationals() {}

    /**
     * The exact value of a finite double (every double is a dyadic rational; {@code new BigDecimal(double)} is
     * exact by specification).
     */
    public static Aprational exact(double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("not finite: " + x);
        }
        BigDecimal d = new BigDecimal(x);
        BigInteger unscaled = d.unscaledValue();
        int scale = d.scale();
        if (scale <= 0) {
            return new Apint(unscaled.multiply(BigInteger.TEN.pow(-scale)));
        }
        return new Aprational(new Apint(unscaled), new Apint(BigInteger.TEN.pow(scale)));
    }

    public static Aprational[][] exact(double[][] m) {
        Aprational[][] out = new Aprational[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = new Aprational[m[i].length];
            for (int j = 0; j < m[i].length; j++) {
                out[i][j] = exact(m[i][j]);
            }
        }
        return out;
    }
}
