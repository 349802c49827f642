package org.compactproofs.checker.arith;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collections;

/**
 * An exact matrix of dyadic rationals: entry (i, j) is {@code num[i][j] * 2^exponent}, one exponent for the whole
 * matrix. Every float32 or float64 weight is such a number, and sums and products of dyadic rationals are dyadic,
 * so the circuit tables are computed here with integer arithmetic only: no rounding, no gcd, fast.
 */
public record DyadicMatrix(BigInteger[][] num, int exponent) {

    /** The exact value of each double (finite doubles are m * 2^e with |m| < 2^53). */
    public static DyadicMatrix of(double[][] values) {
        int minExp = Integer.MAX_VALUE;
        for (double[] row : values) {
            for (double x : row) {
                if (x != 0) {
                    minExp = Math.min(minExp, lowestExponent(x));
                }
            }
        }
        if (minExp == Integer.MAX_VALUE) {
            minExp = 0;
        }
        BigInteger[][] num = new BigInteger[values.length][];
        for (int i = 0; i < values.length; i++) {
            num[i] = new BigInteger[values[i].length];
            for (int j = 0; j < values[i].length; j++) {
                num[i][j] = integerPart(values[i][j], minExp);
            }
        }
        return new DyadicMatrix(num, minExp);
    }

    /** The exponent of the lowest set bit of x's significand: x = odd * 2^result. */
    static int lowestExponent(double x) {
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (biased != 0) {
            mantissa |= 1L << 52;
        }
        int e = (biased == 0 ? 1 : biased) - 1075; // x = mantissa * 2^e
        return e + Long.numberOfTrailingZeros(mantissa);
    }

    /** x / 2^exp as an integer; exp must not exceed lowestExponent(x). */
    static BigInteger integerPart(double x, int exp) {
        if (x == 0) {
            return BigInteger.ZERO;
        }
        long bits = Double.doubleToRawLongBits(x);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long mantissa = bits & 0xfffffffffffffL;
        if (biased != 0) {
            mantissa |= 1L << 52;
        }
        int e = (biased == 0 ? 1 : biased) - 1075;
        BigInteger m = BigInteger.valueOf(mantissa).shiftLeft(e - exp);
        return x < 0 ? m.negate() : m;
    }

    public int rows() {
        return num.length;
    }

    public int cols() {
        return num[0].length;
    }

    /** this * other, exactly. */
    public DyadicMatrix times(DyadicMatrix other) {
        return product(other, false);
    }

    /** this * other^T, exactly. */
    public DyadicMatrix timesTransposed(DyadicMatrix other) {
        return product(other, true);
    }

    /**
     * Exact: each numerator is split into signed limbs of L bits, x = sum_p x_p 2^(pL) with |x_p| < 2^L, and the
     * product is sum_{p,r} 2^((p+r)L) (A_p B_r). Each A_p B_r entry is a dot product of {@code inner} terms below
     * 2^(2L) in magnitude, so with L = (125 - bitLength(inner)) / 2 its sum stays below 2^125 and the 128-bit
     * accumulator of {@link #addDot} holds it exactly. The shifted dot products are summed modulo 2^(64 W) in W words
     * of two's complement, W = floor((P + R) L / 64) + 3 for P and R limbs, which is exact: a partial sum has at most
     * P R terms below 2^(125 + (P + R - 2) L), so it needs fewer than 126 + (P + R - 2) L + log2(P R) bits with its
     * sign, and 64 W > (P + R) L + 128 exceeds that while log2(P R) < 2 L + 2 (L >= 47; the limbs of doubles'
     * products number far fewer than 2^47).
     */
    private DyadicMatrix product(DyadicMatrix other, boolean transposed) {
        int n = rows(), m = transposed ? other.rows() : other.cols(), inner = cols();
        int bits = (125 - (32 - Integer.numberOfLeadingZeros(inner))) / 2;
        long[][][] a = limbs(bits, false), b = other.limbs(bits, !transposed); // b[r][j]: column j of the right factor
        long[] sum = new long[(a.length + b.length) * bits / 64 + 3];
        BigInteger[][] c = new BigInteger[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                Arrays.fill(sum, 0);
                for (int p = 0; p < a.length; p++) {
                    for (int r = 0; r < b.length; r++) {
                        addDot(sum, (p + r) * bits, a[p][i], b[r][j]);
                    }
                }
                c[i][j] = bigInteger(sum);
            }
        }
        return new DyadicMatrix(c, exponent + other.exponent);
    }

    /**
     * Adds x . y times 2^shift to the two's-complement words {@code sum} (least significant first). The dot product is
     * taken in a 128-bit accumulator (high and low word with carry), exact because the caller's limbs keep the sum of
     * |products| below 2^125; it is then sign-extended, shifted and added word by word with carry.
     */
    private static void addDot(long[] sum, int shift, long[] x, long[] y) {
        long hi = 0, lo = 0;
        for (int l = 0; l < x.length; l++) {
            long pLo = x[l] * y[l], pHi = Math.multiplyHigh(x[l], y[l]);
            long s = lo + pLo;
            hi += pHi + ((lo & pLo | (lo | pLo) & ~s) >>> 63); // the carry out of the low words' sum
            lo = s;
        }
        int w = shift >>> 6, s = shift & 63;
        long sign = hi >> 63, carry = 0;
        long word1 = s == 0 ? hi : hi << s | lo >>> (64 - s), word2 = s == 0 ? sign : sign << s | hi >>> (64 - s);
        for (int at = w; at < sum.length; at++) {
            long word = at == w ? lo << s : at == w + 1 ? word1 : at == w + 2 ? word2 : sign;
            long old = sum[at], added = old + word, total = added + carry;
            carry = Long.compareUnsigned(added, old) < 0 || Long.compareUnsigned(total, added) < 0 ? 1 : 0;
            sum[at] = total;
        }
    }

    /** The value of two's-complement words, least significant first. */
    private static BigInteger bigInteger(long[] words) {
        int top = words.length - 1;
        while (top > 0 && words[top] == words[top - 1] >> 63) {
            top--; // a word that only extends the sign of the one below
        }
        if (top == 0) {
            return BigInteger.valueOf(words[0]); // and small values are BigInteger's shared constants
        }
        byte[] bigEndian = new byte[8 * (top + 1)];
        for (int at = 0; at <= top; at++) {
            for (int k = 0; k < 8; k++) {
                bigEndian[bigEndian.length - 1 - 8 * at - k] = (byte) (words[at] >>> 8 * k);
            }
        }
        return new BigInteger(bigEndian);
    }

    /**
     * Limb p of every numerator x: sign(x) (|x| >> (p bits) mod 2^bits), for as many p as the largest needs; indexed
     * [p][row][col], or [p][col][row] when {@code byColumn}.
     */
    private long[][][] limbs(int bits, boolean byColumn) {
        int maxBits = 0;
        for (BigInteger[] row : num) {
            for (BigInteger x : row) {
                maxBits = Math.max(maxBits, x.abs().bitLength()); // -2^n's bitLength() is n, its magnitude's n + 1
            }
        }
        long[][][] out = byColumn ? new long[Math.max(1, (maxBits + bits - 1) / bits)][cols()][rows()]
                : new long[Math.max(1, (maxBits + bits - 1) / bits)][rows()][cols()];
        long mask = (1L << bits) - 1;
        for (int p = 0; p < out.length; p++) {
            for (int i = 0; i < rows(); i++) {
                for (int j = 0; j < cols(); j++) {
                    long limb = num[i][j].abs().shiftRight(p * bits).longValue() & mask;
                    out[p][byColumn ? j : i][byColumn ? i : j] = num[i][j].signum() < 0 ? -limb : limb;
                }
            }
        }
        return out;
    }

    /** Each row of this plus row {@code r} of {@code other} (same column count), exactly. */
    public DyadicMatrix plusRowOf(DyadicMatrix other, int r) {
        int common = Math.min(exponent, other.exponent);
        BigInteger[][] c = new BigInteger[rows()][cols()];
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < cols(); j++) {
                c[i][j] = num[i][j].shiftLeft(exponent - common).add(other.num[r][j].shiftLeft(other.exponent - common));
            }
        }
        return new DyadicMatrix(c, common);
    }

    /** This matrix with {@code other}'s rows below it ({@code below}) or its columns beside it, exactly. */
    public DyadicMatrix join(DyadicMatrix other, boolean below) {
        int common = Math.min(exponent, other.exponent);
        int rows = below ? rows() + other.rows() : rows(), cols = below ? cols() : cols() + other.cols();
        BigInteger[][] c = new BigInteger[rows][cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                boolean mine = below ? i < rows() : j < cols();
                DyadicMatrix from = mine ? this : other;
                c[i][j] = from.num[mine || !below ? i : i - rows()][mine || below ? j : j - cols()]
                        .shiftLeft(from.exponent - common);
            }
        }
        return new DyadicMatrix(c, common);
    }

    /** The tightest double enclosure of entry (i, j) (see {@link #enclose(BigInteger, int)}). */
    public Interval enclosure(int i, int j) {
        return enclose(num[i][j], exponent);
    }

    /**
     * The tightest double enclosure [lo, hi] of n 2^e: lo the largest double <= it, hi the smallest double >= it
     * (an infinite end when the value is beyond the largest double). A candidate comes from the top 62 bits of n
     * (so that no intermediate overflows) and Math.scalb; it is then verified and adjusted by exact comparison of
     * dyadic rationals, so nothing rests on how those round.
     */
    public static Interval enclose(BigInteger n, int e) {
        if (n.signum() == 0) {
            return new Interval(0, 0);
        }
        BigInteger m = n.abs();
        int s = Math.max(0, m.bitLength() - 53);
        long x = (long) s + e;
        if (x >= -1000 && x <= 900) { // |n| 2^e = (h + r/2^s) 2^x, 0 <= r < 2^s, h < 2^53: docs/rules.md K2
            long h = m.shiftRight(s).longValue();
            double lo = Math.scalb((double) h, (int) x);
            double hi = m.getLowestSetBit() >= s ? lo : Math.scalb((double) (h + 1), (int) x);
            return n.signum() > 0 ? new Interval(lo, hi) : new Interval(-hi, -lo);
        }
        return encloseByComparison(n, e);
    }

    /** {@link #enclose} by exact comparisons only: every exponent, the path the fast one is tested against. */
    static Interval encloseByComparison(BigInteger n, int e) {
        if (compare(Double.MAX_VALUE, n, e) < 0) {
            return new Interval(Double.MAX_VALUE, Double.POSITIVE_INFINITY);
        }
        if (compare(-Double.MAX_VALUE, n, e) > 0) {
            return new Interval(Double.NEGATIVE_INFINITY, -Double.MAX_VALUE);
        }
        int drop = Math.max(0, n.bitLength() - 62);
        long scale = (long) e + drop;
        double d = Math.scalb(n.shiftRight(drop).doubleValue(), (int) Math.max(-2000, Math.min(2000, scale)));
        d = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, d)); // the value is within these bounds
        double lo = d, hi = d;
        while (compare(lo, n, e) > 0) {
            lo = Math.nextDown(lo);
        }
        while (compare(hi, n, e) < 0) {
            hi = Math.nextUp(hi);
        }
        while (Math.nextUp(lo) <= hi && compare(Math.nextUp(lo), n, e) <= 0) {
            lo = Math.nextUp(lo);
        }
        while (Math.nextDown(hi) >= lo && compare(Math.nextDown(hi), n, e) >= 0) {
            hi = Math.nextDown(hi);
        }
        return new Interval(lo, hi);
    }

    /**
     * Enclosures of R(i, t) - max R for one query q, where R(i, t) = eqkeRaw[q][t] + eqkpRaw[q][i] exactly and the
     * maximum runs over every position i and token t. As the two terms vary independently, max R is the sum of the
     * rows' maxima and R(i, t) - max R = (eqkeRaw[q][t] - max_t') + (eqkpRaw[q][i] - max_i'): each difference is
     * exact and tightly enclosed, and their sum is rounded outward, so every score difference stays accurate however
     * large the scores themselves are. Result [i][t].
     */
    public static Interval[][] scoresBelowMax(DyadicMatrix eqke, DyadicMatrix eqkp, int q) {
        Interval[] tokens = belowRowMax(eqke, q), positions = belowRowMax(eqkp, q);
        Interval[][] out = new Interval[positions.length][tokens.length];
        for (int i = 0; i < positions.length; i++) {
            for (int t = 0; t < tokens.length; t++) {
                out[i][t] = positions[i].plus(tokens[t]);
            }
        }
        return out;
    }

    /** The enclosure of each entry of row q minus the row's largest entry, subtracted exactly. */
    private static Interval[] belowRowMax(DyadicMatrix m, int q) {
        BigInteger max = Collections.max(Arrays.asList(m.num[q]));
        Interval[] out = new Interval[m.cols()];
        for (int j = 0; j < out.length; j++) {
            out[j] = enclose(m.num[q][j].subtract(max), m.exponent);
        }
        return out;
    }

    /** The sign of (double x) - n 2^e, exactly. */
    static int compare(double x, BigInteger n, int e) {
        if (x == 0) {
            return -n.signum();
        }
        int ex = lowestExponent(x);
        BigInteger mx = integerPart(x, ex);
        int common = Math.min(ex, e);
        return mx.shiftLeft(ex - common).compareTo(n.shiftLeft(e - common));
    }
}
