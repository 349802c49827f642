package org.compactproofs.checker.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;

/** Every number form of the language denotes the exact rational it spells. */
class NumbersTest {
    private static Aprational q(long p, long d) {
        return new Aprational(new Apint(p), new Apint(d));
    }

    @Test
    void everyFormIsExact() {
        assertEquals(new Apint(-12), Numbers.exact("-12"));
        assertEquals(q(3, 7), Numbers.exact("3/7"));
        assertEquals(q(-137, 10000), Numbers.exact("-0.0137"));
        assertEquals(q(1, 400), Numbers.exact("2.5e-3"));
        assertEquals(new Apint(2500), Numbers.exact("2.5e3"));
        assertEquals(q(3, 16), Numbers.exact("0x1.8p-3"));
        assertEquals(q(-3, 16), Numbers.exact("-0x1.8p-3"));
        assertEquals(new Apint(255), Numbers.exact("0xffp0"));
        // a double written as a hexadecimal literal is exactly that double
        BigDecimal tenth = new BigDecimal(0.1);
        Aprational expected = new Aprational(new Apint(tenth.unscaledValue()), new Apint(BigInteger.TEN.pow(tenth.scale())));
        assertEquals(expected, Numbers.exact(Double.toHexString(0.1)));
    }

    @Test
    void limitsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> Numbers.exact("1/0"));
        assertThrows(IllegalArgumentException.class, () -> Numbers.exact("1e1000000"));
        assertThrows(IllegalArgumentException.class, () -> Numbers.exact("9".repeat(Numbers.MAX_DIGITS + 1)));
    }

    /** The dyadic reader agrees with the exact reader on every form, and refuses exactly the non-dyadic values. */
    @Test
    void dyadicValuesAreReadExactlyAndOthersRefused() {
        String[] dyadic = {"-12", "0", "0.375", "-0.0625", "2.5e3", "0x1.8p-3", "-0x1.8p-3", "0xffp0", "3/8", "6/16",
            "-7/1", "1.5e-1000", Double.toHexString(0.1), Double.toHexString(-Double.MIN_VALUE), "0x0.0p0"};
        for (String text : dyadic) {
            Numbers.Dyadic d = Numbers.dyadic(text);
            if (text.equals("1.5e-1000")) {
                assertEquals(null, d, text); // 15 / 10^1001 is not dyadic
                continue;
            }
            Aprational expected = Numbers.exact(text);
            Aprational got = d.exponent() >= 0
                    ? new Apint(d.numerator().shiftLeft(d.exponent()))
                    : new Aprational(new Apint(d.numerator()), new Apint(BigInteger.ONE.shiftLeft(-d.exponent())));
            assertEquals(expected, got, text);
        }
        for (String text : new String[] {"0.1", "1/3", "-2.5e-2", "7/10"}) {
            assertEquals(null, Numbers.dyadic(text), text);
        }
        assertEquals(new Numbers.Dyadic(BigInteger.valueOf(-1), -2), Numbers.dyadic("-2.5e-1"));
    }
}
