package org.compactproofs.generator.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.compactproofs.checker.model.Model;

/**
 * The number of inputs of a Max-of-K model, v^K, exactly (64^20 = 2^120 does not fit in a long), and whether
 * enumerating them one by one (brute force) is within reach.
 */
public final class Inputs {
    /** Brute force is attempted up to this many inputs (2^31; 64^5 = 2^30 is the largest shipped case). */
    public static final BigInteger ENUMERABLE = BigInteger.ONE.shiftLeft(31);

    private Inputs() {}

    /** v^K, exactly. */
    public static BigInteger count(int vocab, int context) {
        return BigInteger.valueOf(vocab).pow(context);
    }

    public static BigInteger count(Model m) {
        return count(m.vocab(), m.context());
    }

    /** Whether every input can be enumerated (v^K <= 2^31). */
    public static boolean enumerable(Model m) {
        return count(m).compareTo(ENUMERABLE) <= 0;
    }

    /** Why brute force is skipped for this model, for the user. */
    public static String bruteForceOutOfReach(Model m) {
        return "brute force skipped: " + m.vocab() + "^" + m.context() + " = " + scientific(count(m))
                + " inputs, more than 2^31 (the limit of enumeration); the structured strategies still run";
    }

    /** p/q with 7 decimals, rounded down (never overstates). */
    public static String decimal(long p, long q) {
        return decimal(BigInteger.valueOf(p), BigInteger.valueOf(q));
    }

    /** p/q with 7 decimals, rounded down (never overstates). */
    public static String decimal(BigInteger p, BigInteger q) {
        return new BigDecimal(p).divide(new BigDecimal(q), 7, RoundingMode.DOWN).toPlainString();
    }

    /** A count for people: 16,777,216, or in short form above 2^50: 1.153e+18. */
    public static String scientific(BigInteger n) {
        return n.bitLength() < 50 ? String.format(java.util.Locale.ROOT, "%,d", n) : String.format(java.util.Locale.ROOT, "%.3e", new BigDecimal(n));
    }
}
