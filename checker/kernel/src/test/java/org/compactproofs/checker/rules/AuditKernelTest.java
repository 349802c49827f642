package org.compactproofs.checker.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.compactproofs.checker.arith.ExactExp;
import org.compactproofs.checker.arith.Interval;
import org.junit.jupiter.api.Test;

/** Audit of the kernel (K2-K4) where KernelTest does not look: underflow, subnormals, boundaries, long decimals. */
@org.junit.jupiter.api.Tag("slow") // about four minutes: runs with -Pslow
class AuditKernelTest {
    /** e^x to about 40 significant digits beyond the argument's own (Apfloat's precision is relative). */
    private static Apfloat exp(BigDecimal x, long ignored) {
        long p = Math.max(x.precision(), 1) + 60;
        return ApfloatMath.exp(new Apfloat(x, p));
    }

    private static boolean le(double a, Apfloat b) {
        return new Apfloat(new BigDecimal(a), 400).compareTo(b) <= 0;
    }

    /** Interval.exp on arguments whose exp is near the bottom of the normal range, subnormal, or zero. */
    @Test
    void doubleExpEnclosesInTheUnderflowRange() {
        Random r = new Random(21);
        for (int n = 0; n < 1500; n++) {
            double lo = -700 - 50 * r.nextDouble();
            if (n % 4 == 0) {
                lo = -708.3964185322641 + r.nextGaussian() * 1e-10; // exp(lo) ~ Double.MIN_NORMAL
            } else if (n % 4 == 1) {
                lo = -744.4400719213812 + r.nextGaussian() * 1e-9;  // exp(lo) ~ Double.MIN_VALUE
            }
            double hi = lo + Math.abs(r.nextGaussian()) * (n % 3 == 0 ? 0 : 1e-6);
            Interval e = new Interval(lo, hi).exp();
            assertTrue(le(e.lo(), exp(new BigDecimal(lo), 400)), "lower at " + lo);
            assertTrue(new Apfloat(new BigDecimal(e.hi()), 400).compareTo(exp(new BigDecimal(hi), 400)) >= 0,
                    "upper at " + hi);
        }
    }

    /** Interval.enclosing on subnormal, tiny, huge (but representable) and power-of-two-adjacent decimals. */
    @Test
    void enclosingAtTheEdgesOfTheDoubleRange() {
        Random r = new Random(22);
        BigDecimal max = new BigDecimal(Double.MAX_VALUE);
        BigDecimal[] fixed = {new BigDecimal(Double.MIN_VALUE).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128),
            new BigDecimal("1e-400"), new BigDecimal(Double.MIN_NORMAL).subtract(new BigDecimal("1e-330")), max,
            max.subtract(BigDecimal.ONE), new BigDecimal("1e400"), new BigDecimal("-1e400"),
            max.add(new BigDecimal(0x1p970)), max.add(new BigDecimal(0x1p971)),
            new BigDecimal(0x1p-1022).add(new BigDecimal(0x1p-1074).divide(BigDecimal.valueOf(2)))};
        for (int n = 0; n < 600; n++) {
            BigDecimal x = n < fixed.length ? fixed[n]
                    : new BigDecimal(Math.scalb(r.nextDouble(), r.nextInt(2100) - 1080))
                            .add(new BigDecimal(Math.scalb(r.nextDouble(), -1100)));
            if (n % 2 == 1) {
                x = x.negate();
            }
            Interval i = org.compactproofs.checker.arith.TestIntervals.enclosing(x);
            assertTrue(i.lo() == Double.NEGATIVE_INFINITY || new BigDecimal(i.lo()).compareTo(x) <= 0, x.toString());
            assertTrue(i.hi() == Double.POSITIVE_INFINITY || new BigDecimal(i.hi()).compareTo(x) >= 0, x.toString());
        }
    }

    /** ExactExp.enclose near its case boundaries and on long decimals (the exact path's x_j - c have many digits). */
    @Test
    void exactExpAtBoundariesAndLongArguments() {
        Random r = new Random(23);
        String[] fixed = {"-20000", "-19999.99999999999999999999999999999", "-20000.000000000000000000001", "-0.5",
            "-0.50000000000000000000000000000000000000001", "-1e-80", "-1e-300", "-0"};
        for (int n = 0; n < 120; n++) {
            BigDecimal x;
            if (n < fixed.length) {
                x = new BigDecimal(fixed[n]);
            } else {
                StringBuilder digits = new StringBuilder("-" + r.nextInt(20000) + ".");
                for (int j = 0; j < 300; j++) {
                    digits.append(r.nextInt(10));
                }
                x = new BigDecimal(digits.toString());
            }
            BigDecimal[] e = ExactExp.enclose(x, x);
            if (x.compareTo(new BigDecimal(-20000)) < 0) {
                assertTrue(e[0].signum() == 0 && e[1].compareTo(new BigDecimal("1e-8000")) == 0);
                continue;
            }
            Apfloat truth = exp(x, 9000 + x.precision());
            assertTrue(new Apfloat(e[0], 200).compareTo(truth) <= 0, "lower at " + x);
            assertTrue(new Apfloat(e[1], 200).compareTo(truth) >= 0, "upper at " + x);
        }
    }

    /** K3 for every d_head up to 4096 (the verification would throw otherwise). */
    @Test
    void inverseSqrtVerifiesForEveryHeadDimension() {
        for (int n = 1; n <= 4096; n++) {
            ExactExp.inverseSqrt(n);
            ExactExp.inverseSqrtDouble(n);
        }
        ExactExp.inverseSqrt(Integer.MAX_VALUE);
        ExactExp.inverseSqrtDouble(Integer.MAX_VALUE);
    }
}
