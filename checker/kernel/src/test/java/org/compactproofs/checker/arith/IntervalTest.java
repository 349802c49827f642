package org.compactproofs.checker.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Every operation of {@link Interval} encloses the exact result on the endpoints (which, for these monotone or
 * bilinear operations, bound the result over the whole operands), checked with exact BigDecimal arithmetic on
 * random endpoints of every magnitude; and the one NaN policy: a NaN is the whole line.
 */
class IntervalTest {
    private static final double[] SPECIAL = {0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE,
        -Double.MAX_VALUE, 1, -1, 0x1p-1022, 3, 1e300, -1e-300};

    private static double random(Random r) {
        double x = any(r);
        return Double.isFinite(x) ? x : random(r);
    }

    private static double any(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
            case 1 -> r.nextGaussian();
            case 2 -> Math.scalb(r.nextGaussian(), r.nextInt(2100) - 1075);
            default -> (r.nextInt(200) - 100) / 8.0;
        };
    }

    private static Interval randomInterval(Random r) {
        double a = random(r), b = r.nextInt(5) == 0 ? a : random(r);
        return new Interval(Math.min(a, b), Math.max(a, b));
    }

    /** x (finite) lies in i, compared exactly; an infinite end contains everything beyond it. */
    private static void encloses(Interval i, BigDecimal x, String what) {
        assertTrue(i.lo() == Double.NEGATIVE_INFINITY || new BigDecimal(i.lo()).compareTo(x) <= 0, what + ": lo " + i);
        assertTrue(i.hi() == Double.POSITIVE_INFINITY || new BigDecimal(i.hi()).compareTo(x) >= 0, what + ": hi " + i);
    }

    private static void check(String name, BinaryOperator<Interval> op, BinaryOperator<BigDecimal> exact, boolean divide) {
        Random r = new Random(name.hashCode());
        for (int n = 0; n < 20_000; n++) {
            Interval a = randomInterval(r), b = randomInterval(r);
            Interval c = op.apply(a, b);
            for (double x : new double[] {a.lo(), a.hi()}) {
                for (double y : new double[] {b.lo(), b.hi()}) {
                    if (divide && y == 0) {
                        continue;
                    }
                    encloses(c, exact.apply(new BigDecimal(x), new BigDecimal(y)), name + " " + a + " " + b);
                }
            }
        }
    }

    @Test
    void everyOperationEnclosesTheExactResult() {
        check("plus", Interval::plus, BigDecimal::add, false);
        check("minus", Interval::minus, BigDecimal::subtract, false);
        check("times", Interval::times, BigDecimal::multiply, false);
        check("divide", Interval::divide, (x, y) -> x.divide(y, new MathContext(2000)), true);
        check("min", Interval::min, BigDecimal::min, false);
        check("max", Interval::max, BigDecimal::max, false);
        Random r = new Random(3);
        for (int n = 0; n < 20_000; n++) {
            Interval a = randomInterval(r);
            double x = Math.abs(random(r));
            Interval c = a.timesNonNegative(x);
            encloses(c, new BigDecimal(a.lo()).multiply(new BigDecimal(x)), "timesNonNegative " + a + " " + x);
            encloses(c, new BigDecimal(a.hi()).multiply(new BigDecimal(x)), "timesNonNegative " + a + " " + x);
        }
    }

    @Test
    void aNanIsTheWholeLine() {
        Interval inf = new Interval(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), zero = Interval.point(0);
        assertEquals(Interval.WHOLE, new Interval(Double.NaN, 1));
        assertEquals(Interval.WHOLE, inf.times(zero));
        assertEquals(Interval.WHOLE, inf.minus(inf));
        assertEquals(Interval.WHOLE, Interval.point(1).divide(new Interval(-1, 1)));
        assertEquals(Interval.WHOLE, inf.timesNonNegative(0));
        assertEquals(Double.NEGATIVE_INFINITY, Interval.down(Double.NaN));
        assertEquals(Double.POSITIVE_INFINITY, Interval.up(Double.NaN));
        // overflow stays on the right side: the largest double is below any sum that overflowed
        Interval big = Interval.point(Double.MAX_VALUE).plus(Interval.point(Double.MAX_VALUE));
        assertEquals(Double.MAX_VALUE, big.lo());
        assertEquals(Double.POSITIVE_INFINITY, big.hi());
    }
}
