package org.compactproofs.checker.cert;

import java.math.BigInteger;
import java.nio.file.Path;
import org.antlr.v4.runtime.Token;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/**
 * Numbers of the language, each denoting an exact rational: integers, p/q, decimals (with an optional exponent)
 * and hexadecimal floating-point literals (0x1.8p-3 = 3/16). A number longer than {@link #MAX_DIGITS}
 * characters, or with an exponent beyond {@link #MAX_EXPONENT}, is refused: exactness must not become a way to
 * exhaust memory.
 */
public final class Numbers {
    public static final int MAX_DIGITS = 10_000;
    public static final int MAX_EXPONENT = 100_000;

    private Numbers() {}

    static BigInteger naturalNumber(Path file, int line, Token t) {
        String text = t.getText();
        if (text.length() > MAX_DIGITS) {
            throw new CertificateFormatException(file, line, t.getCharPositionInLine() + 1,
                    "number of " + text.length() + " digits; the limit is " + MAX_DIGITS);
        }
        BigInteger n = new BigInteger(text);
        if (n.signum() < 0) {
            throw new CertificateFormatException(file, line, t.getCharPositionInLine() + 1, "must not be negative");
        }
        return n;
    }

    /** The exact value of a number token's text (already syntax-checked by the grammar). */
    public static Aprational exact(String text) {
        if (text.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("number of " + text.length() + " characters; the limit is " + MAX_DIGITS);
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        Aprational value;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            int p = body.toLowerCase().indexOf('p');
            String mantissa = body.substring(2, p);
            int exponent = exponent(body.substring(p + 1));
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
            value = scaled(new BigInteger(digits, 16), BigInteger.TWO, exponent - 4 * fraction);
        } else if (body.contains("/")) {
            String[] pq = body.split("/");
            BigInteger q = new BigInteger(pq[1]);
            if (q.signum() == 0) {
                throw new IllegalArgumentException("division by zero in " + text);
            }
            value = new Aprational(new Apint(new BigInteger(pq[0])), new Apint(q));
        } else {
            int e = Math.max(body.indexOf('e'), body.indexOf('E'));
            int exponent = e < 0 ? 0 : exponent(body.substring(e + 1));
            String mantissa = e < 0 ? body : body.substring(0, e);
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int fraction = dot < 0 ? 0 : mantissa.length() - dot - 1;
            value = scaled(new BigInteger(digits), BigInteger.TEN, exponent - fraction);
        }
        return negative ? value.negate() : value;
    }

    /**
     * The exact value of a number token's text as numerator 2^exponent, or null when the value is not a dyadic
     * rational. Integer arithmetic only (no Apfloat): witnesses are read by the thousand.
     */
    public static Dyadic dyadic(String text) {
        if (text.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("number of " + text.length() + " characters; the limit is " + MAX_DIGITS);
        }
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        BigInteger n;
        int e;
        if (body.startsWith("0x") || body.startsWith("0X")) {
            int p = body.toLowerCase().indexOf('p');
            String mantissa = body.substring(2, p);
            int dot = mantissa.indexOf('.');
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            n = new BigInteger(digits, 16);
            e = exponent(body.substring(p + 1)) - 4 * (dot < 0 ? 0 : mantissa.length() - dot - 1);
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
            String digits = dot < 0 ? mantissa : mantissa.substring(0, dot) + mantissa.substring(dot + 1);
            int tens = (x < 0 ? 0 : exponent(body.substring(x + 1))) - (dot < 0 ? 0 : mantissa.length() - dot - 1);
            n = new BigInteger(digits);
            e = 0;
            if (tens >= 0) {
                n = n.multiply(BigInteger.TEN.pow(tens));
            } else { // n / 10^t = (n / 5^t) 2^-t, dyadic exactly when 5^t divides n
                BigInteger[] qr = n.divideAndRemainder(BigInteger.valueOf(5).pow(-tens));
                if (qr[1].signum() != 0) {
                    return null;
                }
                n = qr[0];
                e = tens;
            }
        }
        return new Dyadic(negative ? n.negate() : n, e);
    }

    /** An exact dyadic rational numerator 2^exponent. */
    public record Dyadic(BigInteger numerator, int exponent) {}

    private static int exponent(String text) {
        BigInteger e = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (e.abs().compareTo(BigInteger.valueOf(MAX_EXPONENT)) > 0) {
            throw new IllegalArgumentException("exponent " + e + " beyond the limit of " + MAX_EXPONENT);
        }
        return e.intValue();
    }

    private static Aprational scaled(BigInteger n, BigInteger base, int exponent) {
        if (exponent >= 0) {
            return new Apint(n.multiply(base.pow(exponent)));
        }
        return new Aprational(new Apint(n), new Apint(base.pow(-exponent)));
    }
}
