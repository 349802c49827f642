package org.compactproofs.checker.arith;

/**
 * A closed interval [lo, hi] of reals with double endpoints, every operation rounded outward: the exact result
 * of the operation on any points of the operands lies in the result. This is the one place rounding is argued
 * (docs/rules.md, "Kernel", K2): Java's double arithmetic is IEEE 754 with round-to-nearest, so a computed sum,
 * difference, product or quotient is within half an ulp of the exact one, and stepping one double outward
 * ({@link #down}, {@link #up}) encloses it, overflow included (an exact result beyond the largest double rounds to
 * an infinity, whose step inward is still on the right side). {@link Math#exp} is specified to be within 1 ulp;
 * two steps outward enclose that, also across a power of two where the ulp changes. One NaN policy: a NaN (from
 * 0 times infinity, or infinity minus infinity) becomes the whole line, so it can only make a bound useless,
 * never wrong. Exact numbers enter through DyadicMatrix.enclose.
 */
public record Interval(double lo, double hi) {
    public static final Interval WHOLE = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    public Interval {
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            lo = Double.NEGATIVE_INFINITY;
            hi = Double.POSITIVE_INFINITY;
        }
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
        }
    }

    /** A lower bound of the exact value that rounded to x: one double down; NaN is -infinity. */
    public static double down(double x) {
        return Double.isNaN(x) ? Double.NEGATIVE_INFINITY : Math.nextDown(x);
    }

    /** An upper bound of the exact value that rounded to x: one double up; NaN is +infinity. */
    public static double up(double x) {
        return Double.isNaN(x) ? Double.POSITIVE_INFINITY : Math.nextUp(x);
    }

    /** A lower bound of the exact a + b. */
    public static double addDown(double a, double b) {
        return down(a + b);
    }

    /** sum + the c smallest of {@code ascending}, each addition rounded down: a lower bound of the exact sum. */
    public static double addSmallest(double sum, double[] ascending, int c) {
        for (int j = 0; j < c; j++) {
            sum = addDown(sum, ascending[j]);
        }
        return sum;
    }

    /** sum + the c largest of {@code ascending}, each addition rounded up: an upper bound of the exact sum. */
    public static double addLargest(double sum, double[] ascending, int c) {
        for (int j = 0; j < c; j++) {
            sum = up(sum + ascending[ascending.length - 1 - j]);
        }
        return sum;
    }

    /** A lower bound of w·g for w in [wl, wh] (wl >= 0) and g >= gl. */
    public static double timesDown(double wl, double wh, double gl) {
        return down((gl >= 0 ? wl : wh) * gl);
    }

    public static Interval point(double x) {
        return new Interval(x, x);
    }

    public Interval plus(Interval o) {
        return new Interval(down(lo + o.lo), up(hi + o.hi));
    }

    public Interval minus(Interval o) {
        return new Interval(down(lo - o.hi), up(hi - o.lo));
    }

    public Interval times(Interval o) {
        double a = lo * o.lo, b = lo * o.hi, c = hi * o.lo, d = hi * o.hi;
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
            return WHOLE;
        }
        return new Interval(down(Math.min(Math.min(a, b), Math.min(c, d))), up(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** This interval times a number known to be >= 0 (sign-known scaling: two products instead of four). */
    public Interval timesNonNegative(double x) {
        return Double.isNaN(lo * x) || Double.isNaN(hi * x) ? WHOLE : new Interval(down(lo * x), up(hi * x));
    }

    /** This divided by o; the whole line when o contains 0. */
    public Interval divide(Interval o) {
        if (o.lo <= 0 && o.hi >= 0) {
            return WHOLE;
        }
        double a = lo / o.lo, b = lo / o.hi, c = hi / o.lo, d = hi / o.hi;
        if (Double.isNaN(a) || Double.isNaN(b) || Double.isNaN(c) || Double.isNaN(d)) {
            return WHOLE;
        }
        return new Interval(down(Math.min(Math.min(a, b), Math.min(c, d))), up(Math.max(Math.max(a, b), Math.max(c, d))));
    }

    /** The pointwise minimum: min(x, y) for x in this and y in o lies in it (exact: no rounding). */
    public Interval min(Interval o) {
        return new Interval(Math.min(lo, o.lo), Math.min(hi, o.hi));
    }

    /** The pointwise maximum (exact). */
    public Interval max(Interval o) {
        return new Interval(Math.max(lo, o.lo), Math.max(hi, o.hi));
    }

    /** exp is increasing: enclose exp(lo) from below and exp(hi) from above; exp is never negative. */
    public Interval exp() {
        double l = down(down(Math.exp(lo)));
        double h = up(up(Math.exp(hi)));
        return new Interval(Math.max(0, l), h);
    }

    public double width() {
        return hi - lo;
    }
}
