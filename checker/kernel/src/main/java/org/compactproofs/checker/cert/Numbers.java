package org.compactproofs.checker.cert;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;

/**
 * Numbers of the language, each denoting an exact rational: integers, p/q, decimals (with an optional exponent)
 * and hexadecimal floating-point literals (0x1.8p-3 = 3/16). A number longer than {@link #MAX_DIGITS}
 * characters, or with an exponent beyond {@link #MAX_EXPONENT}, is refused. Integers are read exactly by one
 * parser ({@link #integer}; {@link #naturalNumber} for the header's counts); witnesses are rounded to doubles on
 * entry ({@link #witness}), so that no number of a few characters can make exact arithmetic expensive.
 */
public final class Numbers {
    public static final int MAX_DIGITS = 10_000;
    public static final int MAX_EXPONENT = 100_000;
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");

    private Numbers() {}

    static BigInteger naturalNumber(Path file, int line, Token t) {
        String text = t.getText();
        if (text.length() > MAX_DIGITS) {
            throw new CertificateFormatException(file, line, t.getCharPositionInLine() + 1,
                    "number of " + text.length() + " digits; the limit is " + MAX_DIGITS);
        }
        BigInteger n = integer(text);
        if (n.signum() < 0) {
            throw new CertificateFormatException(file, line, t.getCharPositionInLine() + 1, "must not be negative");
        }
        return n;
    }

    /**
     * An integer (the grammar's INT, -?[0-9]+) exactly, or null when the text is another number: the one reading of
     * integers, for counts, the task, case keys, indices and exponents.
     */
    public static BigInteger integer(String text) {
        return INTEGER.matcher(text).matches() ? new BigInteger(text) : null;
    }

    /**
     * A witness value: the number times 2^{@code scale} (|scale| <= {@link #MAX_EXPONENT}), rounded toward minus
     * infinity to a double (beyond the double range: the largest finite double of its sign), or null when the number is not a dyadic rational.
     * Every witness value is sound (each rule's theorem holds for all of them), so rounding on entry changes only
     * how tight a bound is, never a verdict's soundness, and no witness can make later arithmetic expensive. The
     * work is polynomial in the text's length whatever its exponent: a magnitude beyond the double range is
     * recognised from the digit count and the exponent before any power of ten is formed, and 5^t can divide a
     * numerator of D digits only if t < 1.44 D + 1.
     */
    public static Double witness(String text, int scale) {
        if (text.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("number of " + text.length() + " characters; the limit is " + MAX_DIGITS);
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        BigInteger n;
        long e;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            int p = body.toLowerCase().indexOf('p');
            String mantissa = body.substring(2, p);
            int dot = mantissa.indexOf('.');
            n = new BigInteger(dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1), 16);
            e = exponent(body.substring(p + 1)) - 4L * (dot < 0 ? 0 : mantissa.length() - dot - 1);
        } else if (body.contains("/")) {
            String[] pq = body.split("/");
            BigInteger num = new BigInteger(pq[0]), den = new BigInteger(pq[1]);
            if (den.signum() == 0) {
                throw new IllegalArgumentException("division by zero in " + text);
            }
            BigInteger g = num.gcd(den);
            den = den.divide(g);
            if (den.bitCount() != 1) {
                return null;
            }
            n = num.divide(g);
            e = -(den.bitLength() - 1);
        } else {
            int x = Math.max(body.indexOf('e'), body.indexOf('E'));
            String mantissa = x < 0 ? body : body.substring(0, x);
            int dot = mantissa.indexOf('.');
            n = new BigInteger(dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1));
            long tens = (x < 0 ? 0 : exponent(body.substring(x + 1))) - (dot < 0 ? 0 : mantissa.length() - dot - 1);
            int digits = n.signum() == 0 ? 0 : n.toString().length();
            e = 0;
            if (n.signum() == 0) {
                return negative ? -0.0 : 0.0;
            } else if (tens >= 0) {
                if (digits - 1 + tens >= 309) { // |value| >= 10^309, beyond the largest double
                    return negative ? -Double.MAX_VALUE : Double.MAX_VALUE;
                }
                n = n.multiply(BigInteger.TEN.pow((int) tens));
            } else { // n / 10^t = (n / 5^t) 2^-t, dyadic exactly when 5^t divides n, so 5^t <= n < 10^digits
                if (-tens > 1.44 * digits + 1) {
                    return null;
                }
                BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(5).pow((int) -tens));
                if (qr[1].signum() != 0) {
                    return null;
                }
                n = qr[0];
                e = tens;
            }
        }
        return roundDown(negative ? n.negate() : n, e + scale);
    }

    /** The largest double <= n 2^e, clamped to the finite doubles; far magnitudes decided on bit lengths alone. */
    private static double roundDown(BigInteger n, long e) {
        if (n.signum() == 0) {
            return 0.0;
        }
        long magnitude = n.bitLength() + e; // 2^(magnitude-1) <= |n 2^e| < 2^magnitude
        if (magnitude > 1025) {
            return n.signum() > 0 ? Double.MAX_VALUE : -Double.MAX_VALUE;
        }
        if (magnitude < -1080) { // below the smallest subnormal: 0 from below is 0, or -MIN_VALUE
            return n.signum() > 0 ? 0.0 : -Double.MIN_VALUE;
        }
        double lo = org.compactproofs.checker.arith.DyadicMatrix.enclose(n, (int) e).lo(); // |e| < 2^18: no overflow
        return Math.max(lo, -Double.MAX_VALUE);
    }

    private static int exponent(String text) {
        BigInteger e = integer(text.startsWith("+") ? text.substring(1) : text);
        if (e.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
            throw new IllegalArgumentException("exponent " + e + " beyond the limit of " + MAX_EXPONENT);
        }
        return e.intValue();
    }
}
