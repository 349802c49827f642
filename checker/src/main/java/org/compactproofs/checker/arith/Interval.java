package org.compactproofs.checker.arith;

import java.math.BigDecimal;

/**
 * A closed interval [lo, hi] of reals with double endpoints, every operation rounded outward: the exact result
 * of the operation on any points of the operands lies in the result. Java's double arithmetic is IEEE 754 with
 * round-to-nearest, so a computed sum or product is within half an ulp of the exact one; stepping one double
 * outward ({@link Math#nextDown}, {@link Math#nextUp}) therefore encloses it. {@link Math#exp} is specified to be
 * within 1 ulp of the exact result; two steps outward enclose that, also across a power of two where the ulp
 * changes (docs/rules.md, "Kernel").
 */
public record Interval(double lo, double hi) {

    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("empty or NaN interval [" + lo + ", " + hi + "]");
        }
    }

    public static Interval point(double x) {
        return new Interval(x, x);
    }

    /**
     * The tightest double enclosure of an exact decimal: lo is the largest double <= exact, hi the smallest double
     * >= exact, established by exact comparison (BigDecimal.doubleValue only supplies the starting point).
     */
    public static Interval enclosing(BigDecimal exact) {
        double d = exact.doubleValue();
        double lo = d, hi = d;
        if (Double.isInfinite(d)) {
            return d > 0 ? new Interval(Double.MAX_VALUE, Double.POSITIVE_INFINITY)
                    : new Interval(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE);
        }
        while (new BigDecimal(lo).compareTo(exact) > 0) {
            lo = Math.nextDown(lo);
        }
        while (new BigDecimal(hi).compareTo(exact) < 0) {
            hi = Math.nextUp(hi);
        }
        // tighten: lo the largest double <= exact, hi the smallest double >= exact (adjacent or equal)
        while (Math.nextUp(lo) <= hi && new BigDecimal(Math.nextUp(lo)).compareTo(exact) <= 0) {
            lo = Math.nextUp(lo);
        }
        while (Math.nextDown(hi) >= lo && new BigDecimal(Math.nextDown(hi)).compareTo(exact) >= 0) {
            hi = Math.nextDown(hi);
        }
        return new Interval(lo, hi);
    }

    public Interval minus(double c) {
        return new Interval(Math.nextDown(lo - c), Math.nextUp(hi - c));
    }

    public Interval times(Interval o) {
        double a = lo * o.lo, b = lo * o.hi, c = hi * o.lo, d = hi * o.hi;
        return new Interval(Math.nextDown(Math.min(Math.min(a, b), Math.min(c, d))),
                Math.nextUp(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** exp is increasing: enclose exp(lo) from below and exp(hi) from above; exp is never negative. */
    public Interval exp() {
        double l = Math.nextDown(Math.nextDown(Math.exp(lo)));
        double h = Math.nextUp(Math.nextUp(Math.exp(hi)));
        return new Interval(Math.max(0, l), h);
    }

    public double width() {
        return hi - lo;
    }
}
