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
}
