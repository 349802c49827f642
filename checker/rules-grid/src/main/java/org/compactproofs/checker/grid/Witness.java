package org.compactproofs.checker.grid;

import java.math.BigInteger;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cert.Numbers;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.rules.Fields;
import org.compactproofs.checker.rules.ProofState;

/**
 * The witness values of rule S2's steps ({@code vector}, {@code average-attention}): numbers of the language that are
 * dyadic rationals, rounded toward minus infinity to doubles on entry. Any value keeps the rule's theorem true.
 */
final class Witness {
    private Witness() {}

    /** A required witness field: its dyadic value rounded to a double ({@link #value}). */
    static double field(Step step, ProofState state, String key) {
        Step.Field f = Fields.field(step, state, key);
        if (f == null) {
            throw state.error(step, step.column(), "missing field '" + key + "'");
        }
        return field(step, state, f, 0);
    }

    /** A field's value times 2^scale as a witness: dyadic, rounded toward minus infinity to a double. */
    static double field(Step step, ProofState state, Step.Field f, int scale) {
        String key = f.key();
        if (!f.number()) {
            throw state.error(step, f.valueColumn(), "field '" + key + "' must be a number");
        }
        Double x;
        try {
            x = value(f.value(), scale);
        } catch (IllegalArgumentException e) {
            throw state.error(step, f.valueColumn(), e.getMessage());
        }
        if (x == null) {
            throw state.error(step, f.valueColumn(), "field '" + key + "' must be a dyadic rational (a denominator"
                    + " that is a power of two, e.g. 0.375 or 0x1.8p-2), not " + CertificateFormatException.abbreviate(f.value()));
        }
        return x;
    }

    /**
     * A witness value: the number times 2^{@code scale} (|scale| <= {@link Numbers#MAX_EXPONENT}), rounded toward minus
     * infinity to a double (beyond the double range: the largest finite double of its sign), or null when the number is not a dyadic rational.
     * Every witness value is sound (each rule's theorem holds for all of them), so rounding on entry changes only
     * how tight a bound is, never a verdict's soundness, and no witness can make later arithmetic expensive. The
     * work is polynomial in the text's length whatever its exponent: a magnitude beyond the double range is
     * recognised from the digit count and the exponent before any power of ten is formed, and 5^t can divide a
     * numerator of D digits only if t < 1.44 D + 1.
     */
    static Double value(String text, int scale) {
        if (text.length() > Numbers.MAX_DIGITS) {
            throw new IllegalArgumentException("number of " + text.length() + " characters; the limit is " + Numbers.MAX_DIGITS);
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
        double lo = DyadicMatrix.enclose(n, (int) e).lo(); // |e| < 2^18: no overflow
        return Math.max(lo, -Double.MAX_VALUE);
    }

    private static int exponent(String text) {
        BigInteger e = Numbers.integer(text.startsWith("+") ? text.substring(1) : text);
        if (e.abs().compareTo(BigInteger.valueOf(Numbers.MAX_EXPONENT)) > 0) {
            throw new IllegalArgumentException("exponent " + e + " beyond the limit of " + Numbers.MAX_EXPONENT);
        }
        return e.intValue();
    }
}
