package org.compactproofs.checker.cert;

import java.math.BigInteger;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/**
 * The tests' independent reading of the language's numbers: the exact rational each one spells, with Apfloat
 * (the trusted checker reads counts as integers and witnesses as rounded doubles, {@link Numbers}).
 */
public final class ExactNumbers {
    private ExactNumbers() {}

    /** The exact value of a number token's text (already syntax-checked by the grammar). */
    public static Aprational exact(String text) {
        if (text.length() > Numbers.MAX_DIGITS) {
            throw new IllegalArgumentException("number of " + text.length() + " characters; the limit is " + Numbers.MAX_DIGITS);
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


    private static int exponent(String text) {
        BigInteger e = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        if (e.abs().compareTo(BigInteger.valueOf(Numbers.MAX_EXPONENT)) > 0) {
            throw new IllegalArgumentException("exponent " + e + " beyond the limit of " + Numbers.MAX_EXPONENT);
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
