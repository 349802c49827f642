package org.compactproofs.checker.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.apfloat.Aprational;
import org.compactproofs.checker.cert.ExactNumbers;
import org.compactproofs.checker.cert.Numbers;
import org.junit.jupiter.api.Test;

/** A witness is its number's exact value (read by the tests' Apfloat oracle) rounded down to a double, or refused. */
class WitnessTest {
    /** The largest double <= the exact rational (the oracle: BigDecimal comparisons of Apfloat's value). */
    private static double floorDouble(Aprational x) {
        BigDecimal exact = new BigDecimal(x.numerator().toBigInteger()).divide(
                new BigDecimal(x.denominator().toBigInteger()), new java.math.MathContext(2000, java.math.RoundingMode.FLOOR));
        double d = exact.doubleValue();
        while (new BigDecimal(d).compareTo(exact) > 0) {
            d = Math.nextDown(d);
        }
        while (Double.isFinite(Math.nextUp(d)) && new BigDecimal(Math.nextUp(d)).compareTo(exact) <= 0) {
            d = Math.nextUp(d);
        }
        return d;
    }

    /** Witnesses: every dyadic form is the largest double at most its exact value; the others are refused. */
    @Test
    void witnessesAreTheirValuesRoundedDownAndOthersRefused() {
        String[] dyadic = {"-12", "0", "0.375", "-0.0625", "2.5e3", "0x1.8p-3", "-0x1.8p-3", "0xffp0", "3/8", "6/16",
            "-7/1", Double.toHexString(0.1), Double.toHexString(-Double.MIN_VALUE), "0x0.0p0", "-2.5e-1",
            "0x1.00000000000000001p0", "-0x1.00000000000000001p0", "123456789012345678901234567890", "1/1024"};
        for (String text : dyadic) {
            assertEquals(floorDouble(ExactNumbers.exact(text)), Witness.value(text, 0), text);
        }
        assertEquals(0.375 * 8, Witness.value("0.375", 3));
        assertEquals(0.375 / 2, Witness.value("0x1.8p-2", -1));
        for (String text : new String[] {"0.1", "1/3", "-2.5e-2", "7/10", "1.5e-1000"}) {
            assertEquals(null, Witness.value(text, 0), text);
        }
    }

    /**
     * Numbers of a few characters with huge or tiny magnitudes become the double they round to without forming
     * their exact value (issue 14: '1e100000' was a 332,000-bit integer kept until the end).
     */
    @Test
    void extremeWitnessesAreClampedToTheDoubles() {
        assertEquals(Double.MAX_VALUE, Witness.value("1e100000", 0));
        assertEquals(-Double.MAX_VALUE, Witness.value("-1e100000", 0));
        assertEquals(Double.MAX_VALUE, Witness.value("0x1p100000", 0));
        assertEquals(Double.MAX_VALUE, Witness.value("1", 100000));
        assertEquals(0.0, Witness.value("0x1p-100000", 0));
        assertEquals(-Double.MIN_VALUE, Witness.value("-0x1p-100000", 0));
        assertEquals(0.0, Witness.value("1", -100000));
        assertEquals(null, Witness.value("1e-100000", 0)); // 1 / 10^100000 is not dyadic: decided on the digit count
        assertEquals(null, Witness.value("3e-99999", 0));
        assertEquals(-Double.MAX_VALUE, Witness.value("-0x1.fffffffffffff8p1023", 0)); // just beyond: clamped
        assertEquals(Math.scalb(1.0, -1074), Witness.value("0x1p-1074", 0));
        assertEquals(1.0, Witness.value("1" + "0".repeat(5000) + "e-5000", 0));
        assertThrows(IllegalArgumentException.class, () -> Witness.value("1e1000000", 0));
        assertThrows(IllegalArgumentException.class, () -> Witness.value("9".repeat(Numbers.MAX_DIGITS + 1), 0));
    }
}
