package org.compactproofs.checker.cert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apfloat.Apint;
import org.apfloat.Aprational;
import org.junit.jupiter.api.Test;

/** Every number form of the language denotes the exact rational it spells (the oracle's reading; grid WitnessTest checks the witnesses against it). */
class NumbersTest {
    private static Aprational q(long p, long d) {
        return new Aprational(new Apint(p), new Apint(d));
    }

    @Test
    void everyFormIsExact() {
        assertEquals(new Apint(-12), ExactNumbers.exact("-12"));
        assertEquals(q(3, 7), ExactNumbers.exact("3/7"));
        assertEquals(q(-137, 10000), ExactNumbers.exact("-0.0137"));
        assertEquals(q(1, 400), ExactNumbers.exact("2.5e-3"));
        assertEquals(new Apint(2500), ExactNumbers.exact("2.5e3"));
        assertEquals(q(3, 16), ExactNumbers.exact("0x1.8p-3"));
        assertEquals(q(-3, 16), ExactNumbers.exact("-0x1.8p-3"));
        assertEquals(new Apint(255), ExactNumbers.exact("0xffp0"));
        // a double written as a hexadecimal literal is exactly that double
        BigDecimal tenth = new BigDecimal(0.1);
        Aprational expected = new Aprational(new Apint(tenth.unscaledValue()), new Apint(BigInteger.TEN.pow(tenth.scale())));
        assertEquals(expected, ExactNumbers.exact(Double.toHexString(0.1)));
    }

    @Test
    void limitsAreEnforced() {
        assertThrows(IllegalArgumentException.class, () -> ExactNumbers.exact("1/0"));
        assertThrows(IllegalArgumentException.class, () -> ExactNumbers.exact("1e1000000"));
        assertThrows(IllegalArgumentException.class, () -> ExactNumbers.exact("9".repeat(Numbers.MAX_DIGITS + 1)));
    }
}
