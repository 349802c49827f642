package org.compactproofs.checker.arith;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Rigorous high-precision enclosures with BigDecimal and directed rounding (FLOOR rounds toward minus infinity,
 * CEILING toward plus infinity, so every rounded result is a bound in the stated direction). Used where the
 * double fast path cannot decide. Proofs of the error bounds: docs/rules.md, "Kernel".
 */
public final class ExactExp {
    /** Working precision in significant decimal digits. */
    public static final int DIGITS = 70;
    public static final MathContext DOWN = new MathContext(DIGITS, RoundingMode.FLOOR);
    public static final MathContext UP = new MathContext(DIGITS, RoundingMode.CEILING);
    private static final int TERMS = 40;
    /** e^y - sum_{j<=40} y^j/j! <= 2 (1/2)^41 / 41! < 1e-60 for 0 <= y <= 1/2. */
    private static final BigDecimal REMAINDER = new BigDecimal("1e-60");
    /** Below this argument, exp(x) is enclosed by [0, 1e-8000] (e^-20000 < 10^-8685). */
    private static final BigDecimal FAR_NEGATIVE = new BigDecimal(-20000);
    private static final BigDecimal TINY = new BigDecimal("1e-8000");
    private static final BigDecimal HALF = new BigDecimal("0.5");

    private ExactExp() {}

    /** [lower bound of e^lo, upper bound of e^hi]; requires lo <= hi <= 20000. */
    public static BigDecimal[] enclose(BigDecimal lo, BigDecimal hi) {
        return new BigDecimal[] {bound(lo, false), bound(hi, true)};
    }

    /** A lower (upper = false) or upper bound of e^x. */
    static BigDecimal bound(BigDecimal x, boolean upper) {
        if (x.compareTo(FAR_NEGATIVE) < 0) {
            return upper ? TINY : BigDecimal.ZERO;
        }
        if (x.compareTo(FAR_NEGATIVE.negate()) > 0) {
            throw new ArithmeticException("exp argument above 20000: " + x);
        }
        BigDecimal y = x.abs();
        int squarings = 0;
        while (y.compareTo(HALF) > 0) { // halving a decimal is exact: y/2 = 5y/10
            y = y.multiply(BigDecimal.valueOf(5)).movePointLeft(1);
            squarings++;
        }
        // e^y for 0 <= y <= 1/2: partial Taylor sums with every term rounded down (resp. up)
        BigDecimal termLo = BigDecimal.ONE, termHi = BigDecimal.ONE, sumLo = BigDecimal.ONE, sumHi = BigDecimal.ONE;
        for (int j = 1; j <= TERMS; j++) {
            BigDecimal jj = BigDecimal.valueOf(j);
            termLo = termLo.multiply(y, DOWN).divide(jj, DOWN);
            termHi = termHi.multiply(y, UP).divide(jj, UP);
            sumLo = sumLo.add(termLo, DOWN);
            sumHi = sumHi.add(termHi, UP);
        }
        sumHi = sumHi.add(REMAINDER, UP);
        // e^{|x|/2^r} in [sumLo, sumHi]; for x < 0 take reciprocals (which swaps the bounds)
        BigDecimal lo = sumLo, hi = sumHi;
        if (x.signum() < 0) {
            lo = BigDecimal.ONE.divide(sumHi, DOWN);
            hi = BigDecimal.ONE.divide(sumLo, UP);
        }
        for (int i = 0; i < squarings; i++) { // both bounds positive: squaring preserves the order
            lo = lo.multiply(lo, DOWN);
            hi = hi.multiply(hi, UP);
        }
        return upper ? hi : lo;
    }

    /**
     * An enclosure [lo, hi] of 1/sqrt(n), verified exactly: lo^2 n <= 1 <= hi^2 n.
     */
    public static BigDecimal[] inverseSqrt(int n) {
        BigDecimal root = new BigDecimal(n).sqrt(new MathContext(DIGITS + 5));
        BigDecimal approx = BigDecimal.ONE.divide(root, new MathContext(DIGITS + 5));
        BigDecimal slack = approx.movePointLeft(DIGITS);
        BigDecimal lo = approx.subtract(slack), hi = approx.add(slack);
        BigDecimal nn = new BigDecimal(n);
        if (lo.multiply(lo).multiply(nn).compareTo(BigDecimal.ONE) > 0
                || hi.multiply(hi).multiply(nn).compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalStateException("enclosure of 1/sqrt(" + n + ") failed verification");
        }
        return new BigDecimal[] {lo, hi};
    }

    /** A double enclosure of 1/sqrt(n), verified exactly as above. */
    public static Interval inverseSqrtDouble(int n) {
        double approx = 1.0 / Math.sqrt(n);
        double lo = Math.nextDown(Math.nextDown(approx)), hi = Math.nextUp(Math.nextUp(approx));
        BigDecimal nn = new BigDecimal(n), l = new BigDecimal(lo), h = new BigDecimal(hi);
        if (l.multiply(l).multiply(nn).compareTo(BigDecimal.ONE) > 0
                || h.multiply(h).multiply(nn).compareTo(BigDecimal.ONE) < 0) {
            throw new IllegalStateException("double enclosure of 1/sqrt(" + n + ") failed verification");
        }
        return new Interval(lo, hi);
    }
}
