package org.compactproofs.checker.arith;

/**
 * A closed interval [lo, hi] of reals with double endpoints, every operation rounded outward: the exact result
 * of the operation on any points of the operands lies in the result. Java's double arithmetic is IEEE 754 with
 * round-to-nearest, so a computed sum or product is within half an ulp of the exact one; stepping one double
 * outward ({@link Math#nextDown}, {@link Math#nextUp}) therefore encloses it. {@link Math#exp} is specified to be
 * within 1 ulp of the exact result; two steps outward enclose that, also across a power of two where the ulp
 * changes (docs/rules.md, "Kernel"). Exact numbers enter through DyadicMatrix.enclose.
 */
public record Interval(double lo, double hi) {

    public Interval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("empty or NaN interval [" + lo + ", " + hi + "]");
        }
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
