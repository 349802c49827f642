package org.compactproofs.generator.cert;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.compactproofs.checker.arith.DyadicMatrix;

/**
 * The compact spellings of docs/language.md: case rows ({@code case-row max M nonmax C n12 U n3 skip ...}, one
 * line per (max, nonmax): consecutive ranges of queries from 0, each with its upto and, for a staircase, its rest)
 * and whole vectors
 * ({@code vector name N exponent E x X0 x X1 ...}), with the roundings that keep witnesses short (any witness is
 * sound; rounding only moves the bound, slightly).
 */
public final class Rows {
    private Rows() {}

    /** The rows of {@code cases} (at most one case per key), ordered by max then nonmax. */
    public static List<String> of(String rowRule, List<CaseStep> cases) {
        Map<Long, TreeMap<Integer, CaseStep>> groups = new TreeMap<>();
        for (CaseStep c : cases) {
            groups.computeIfAbsent(((long) c.max() << 32) | c.nonmax(), x -> new TreeMap<>()).put(c.query(), c);
        }
        List<String> out = new ArrayList<>();
        groups.forEach((key, byQuery) -> {
            int m = (int) (key >>> 32), c = (int) (long) key;
            StringBuilder row = new StringBuilder(rowRule + " max " + m + " nonmax " + c);
            int start = 0; // the consecutive ranges nL U from query 0; queries after the last range have no case
            String value = null;
            for (int q = 0; q <= m + 1; q++) {
                CaseStep x = q > m ? null : byQuery.get(q);
                String here = q > m ? "end" : x == null ? "skip" : c == 0 ? "none"
                        : x.upTo() + (x.rest() < x.upTo() ? " rest " + x.rest() : "");
                if (value != null && !here.equals(value) && !(q > m && value.equals("skip"))) {
                    row.append(" n").append(q - start).append(' ').append(value);
                }
                if (!here.equals(value)) {
                    start = q;
                    value = here;
                }
            }
            out.add(row.toString());
        });
        return out;
    }

    /** {@code x} rounded to {@code bits} significant bits relative to its largest entry (exact in double). */
    public static double[] round(double[] x, int bits) {
        double largest = 0;
        for (double e : x) {
            largest = Math.max(largest, Math.abs(e));
        }
        if (largest == 0 || !Double.isFinite(largest)) {
            return x.clone();
        }
        double unit = Math.scalb(1.0, Math.getExponent(largest) - bits + 1);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.rint(x[i] / unit) * unit;
        }
        return out;
    }

    /** {@code x} rounded to {@code bits} significant bits. */
    public static double round(double x, int bits) {
        return round(new double[] {x}, bits)[0];
    }

    /** The whole-vector line: integer entries times a shared power of two, exactly the vector's values. */
    public static String vector(String name, double[] x) {
        DyadicMatrix d = DyadicMatrix.of(new double[][] {x}); // the exponent is the lowest set bit's: short integers
        StringBuilder line = new StringBuilder("vector name " + name + " exponent " + d.exponent());
        for (BigInteger e : d.num()[0]) {
            line.append(" x ").append(e);
        }
        return line.toString();
    }

    /** A dyadic double as a short exact number: an integer, or p/2^j with p odd. */
    public static String number(double x) {
        DyadicMatrix d = DyadicMatrix.of(new double[][] {{x}});
        BigInteger n = d.num()[0][0];
        return d.exponent() >= 0 ? n.shiftLeft(d.exponent()).toString() : n + "/" + BigInteger.ONE.shiftLeft(-d.exponent());
    }
}
