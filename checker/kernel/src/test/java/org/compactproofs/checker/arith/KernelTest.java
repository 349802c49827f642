package org.compactproofs.checker.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Random;
import org.apfloat.Apfloat;
import org.apfloat.ApfloatMath;
import org.junit.jupiter.api.Test;

/** The arithmetic kernel's enclosures contain the truth (compared with Apfloat at 200 digits) and are tight. */
class KernelTest {
    private static Apfloat exp200(BigDecimal x) {
        return ApfloatMath.exp(new Apfloat(x, 200));
    }

    @Test
    void exactExpEnclosesAndIsTight() {
        Random r = new Random(1);
        String[] fixed = {"0", "-0", "0.5", "-0.5", "1e-40", "-1e-40", "3.75", "-3.75", "-700.125", "-19999.5",
            "12.000000000000000000000000000001", "-1234.5678"};
        for (int n = 0; n < 200; n++) {
            BigDecimal x = n < fixed.length ? new BigDecimal(fixed[n])
                    : new BigDecimal(r.nextGaussian() * Math.pow(10, r.nextInt(6) - 2)).negate();
            BigDecimal lo = ExactExp.bound(x, false), hi = ExactExp.bound(x, true);
            Apfloat truth = exp200(x);
            assertTrue(new Apfloat(lo, 200).compareTo(truth) <= 0, "lower bound above e^" + x);
            assertTrue(new Apfloat(hi, 200).compareTo(truth) >= 0, "upper bound below e^" + x);
            // relative width far below what any rule needs (1e-50)
            Apfloat width = new Apfloat(hi.subtract(lo), 200).divide(truth);
            assertTrue(width.compareTo(new Apfloat("1e-50", 200)) < 0, "width " + width + " at " + x);
        }
    }

    @Test
    void farNegativeArgumentsAreBoundedByTinyNumbers() {
        BigDecimal[] e = ExactExp.enclose(new BigDecimal("-1e30"), new BigDecimal("-25000"));
        assertEquals(0, e[0].signum());
        assertTrue(e[1].compareTo(new BigDecimal("1e-7999")) < 0);
        assertThrows(ArithmeticException.class, () -> ExactExp.bound(new BigDecimal(30000), true));
    }

    @Test
    void inverseSqrtEnclosuresAreVerified() {
        for (int n : new int[] {1, 2, 3, 4, 8, 16, 32, 33, 100, 1024}) {
            BigDecimal[] s = ExactExp.inverseSqrt(n);
            Apfloat truth = ApfloatMath.inverseRoot(new Apfloat(n, 200), 2);
            assertTrue(new Apfloat(s[0], 200).compareTo(truth) <= 0);
            assertTrue(new Apfloat(s[1], 200).compareTo(truth) >= 0);
            Interval d = ExactExp.inverseSqrtDouble(n);
            assertTrue(new Apfloat(new BigDecimal(d.lo()), 200).compareTo(truth) <= 0);
            assertTrue(new Apfloat(new BigDecimal(d.hi()), 200).compareTo(truth) >= 0);
            assertTrue(d.width() <= 4 * Math.ulp(d.hi()), "width " + d.width());
        }
    }

    @Test
    void intervalOperationsEncloseExactResults() {
        Random r = new Random(2);
        for (int n = 0; n < 600; n++) {
            double a = r.nextGaussian() * 100, b = r.nextGaussian() * 100, c = r.nextGaussian() * 3;
            Interval x = TestIntervals.point(a).times(TestIntervals.point(b));
            BigDecimal exact = new BigDecimal(a).multiply(new BigDecimal(b));
            assertTrue(new BigDecimal(x.lo()).compareTo(exact) <= 0 && new BigDecimal(x.hi()).compareTo(exact) >= 0);
            Interval y = org.compactproofs.checker.arith.TestIntervals.minus(TestIntervals.point(a), c);
            BigDecimal diff = new BigDecimal(a).subtract(new BigDecimal(c));
            assertTrue(new BigDecimal(y.lo()).compareTo(diff) <= 0 && new BigDecimal(y.hi()).compareTo(diff) >= 0);
            double arg = r.nextGaussian() * 50;
            Interval e = TestIntervals.point(arg).exp();
            Apfloat truth = ApfloatMath.exp(new Apfloat(new BigDecimal(arg), 60));
            assertTrue(new Apfloat(new BigDecimal(e.lo()), 60).compareTo(truth) <= 0, "exp lower at " + arg);
            assertTrue(new Apfloat(new BigDecimal(e.hi()), 60).compareTo(truth) >= 0, "exp upper at " + arg);
        }
    }

    /** Exact products (the 128-bit long path and the BigInteger path) against BigDecimal, at every magnitude. */
    @Test
    void dyadicProductsAreExact() {
        Random r = new Random(5);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + r.nextInt(6), inner = 1 + r.nextInt(40), m = 1 + r.nextInt(6);
            double spread = Math.pow(2, r.nextInt(trial < 30 ? 20 : 100)); // small: long path; large: BigInteger path
            double[][] a = new double[n][inner], b = new double[inner][m];
            for (double[] row : a) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = (float) (r.nextGaussian() * (r.nextBoolean() ? spread : 1 / spread));
                }
            }
            for (double[] row : b) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = r.nextBoolean() ? -Math.scalb(1.0, 62) + r.nextInt(5) : r.nextGaussian();
                }
            }
            DyadicMatrix product = DyadicMatrix.of(a).times(DyadicMatrix.of(b));
            DyadicMatrix transposedProduct = DyadicMatrix.of(a).timesTransposed(DyadicMatrix.of(transpose(b)));
            BigDecimal[][] p = TestIntervals.exactDecimals(product), pt = TestIntervals.exactDecimals(transposedProduct);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    BigDecimal expected = BigDecimal.ZERO;
                    for (int l = 0; l < inner; l++) {
                        expected = expected.add(new BigDecimal(a[i][l]).multiply(new BigDecimal(b[l][j])));
                    }
                    assertEquals(0, expected.compareTo(p[i][j]), "entry " + i + "," + j + " of trial " + trial);
                    assertEquals(0, expected.compareTo(pt[i][j]), "transposed entry " + i + "," + j + " of trial " + trial);
                }
            }
        }
    }

    /** Limbs at their limit: 57- and 62-bit numerators (one and two limbs), 32 terms of one sign, sums near 2^124. */
    @Test
    void longPathIsExactAtItsLimit() {
        Random r = new Random(6);
        int n = 3, inner = 32, m = 3;
        double[][] a = new double[n][inner], b = new double[inner][m];
        for (double[] row : a) {
            for (int j = 0; j < inner; j++) {
                row[j] = -(Math.scalb(1.0, 57) - 8 * r.nextInt(1000)); // exact doubles (multiples of 8 below 2^57)
            }
        }
        for (double[] row : b) {
            for (int j = 0; j < m; j++) {
                row[j] = -(Math.scalb(1.0, 62) - 1024 * r.nextInt(1000));
            }
        }
        a[0][0] = 1; // an odd entry keeps the common exponent at 0: numerators of 57 and 62 bits
        b[0][0] = 1;
        BigDecimal[][] p = TestIntervals.exactDecimals(DyadicMatrix.of(a).times(DyadicMatrix.of(b)));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                BigDecimal expected = BigDecimal.ZERO;
                for (int l = 0; l < inner; l++) {
                    expected = expected.add(new BigDecimal(a[i][l]).multiply(new BigDecimal(b[l][j])));
                }
                assertEquals(0, expected.compareTo(p[i][j]));
                assertTrue(expected.compareTo(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(123))) > 0);
            }
        }
    }

    /**
     * Chained products as the circuit tables compute them (numerators of 100 to 300 bits, so two to six limbs a
     * factor), at inner sizes on both sides of the limb width's steps (bitLength(inner) 1 to 8), against BigDecimal.
     */
    @Test
    void chainedProductsOfManyLimbsAreExact() {
        Random r = new Random(8);
        for (int inner : new int[] {1, 2, 3, 31, 32, 33, 63, 64, 65, 127, 128, 130}) {
            double[][] a = randomFloats(r, 2, inner), b = randomFloats(r, inner, 5), c = randomFloats(r, 5, 3);
            b[0][0] = -Math.scalb(1.0, 90) + 1; // wide numerators, of both signs, in the inner product
            DyadicMatrix chained = DyadicMatrix.of(a).times(DyadicMatrix.of(b).times(DyadicMatrix.of(c)));
            BigDecimal[][] p = TestIntervals.exactDecimals(chained);
            for (int i = 0; i < 2; i++) {
                for (int j = 0; j < 3; j++) {
                    BigDecimal expected = BigDecimal.ZERO;
                    for (int l = 0; l < inner; l++) {
                        BigDecimal bc = BigDecimal.ZERO;
                        for (int x = 0; x < 5; x++) {
                            bc = bc.add(new BigDecimal(b[l][x]).multiply(new BigDecimal(c[x][j])));
                        }
                        expected = expected.add(new BigDecimal(a[i][l]).multiply(bc));
                    }
                    assertEquals(0, expected.compareTo(p[i][j]), "entry " + i + "," + j + " at inner " + inner);
                }
            }
        }
    }

    /**
     * Numerators of up to 200 bits, among them -2^n (whose two's-complement bitLength() is n, one short of its
     * magnitude's: a limb count taken from it dropped the top limb), against BigInteger sums.
     */
    @Test
    void limbsOfEveryNumeratorAreKept() {
        Random r = new Random(9);
        for (int trial = 0; trial < 20_000; trial++) {
            int inner = 1 + r.nextInt(40);
            java.math.BigInteger[][] x = new java.math.BigInteger[1][inner], y = new java.math.BigInteger[inner][1];
            java.math.BigInteger expected = java.math.BigInteger.ZERO;
            for (int l = 0; l < inner; l++) {
                x[0][l] = java.math.BigInteger.valueOf(r.nextLong() >> r.nextInt(60));
                y[l][0] = r.nextBoolean() ? java.math.BigInteger.ONE.shiftLeft(r.nextInt(200)).negate()
                        : new java.math.BigInteger(1 + r.nextInt(200), r);
                expected = expected.add(x[0][l].multiply(y[l][0]));
            }
            assertEquals(expected, new DyadicMatrix(x, 0).times(new DyadicMatrix(y, 0)).num()[0][0], "trial " + trial);
        }
    }

    /**
     * Wide numerators on both sides (up to 400 bits, both signs, among them 2^n - 1 and -2^n, whose limbs are all ones
     * or carry into the next word): the word-by-word sums of shifted limb products, against BigInteger sums.
     */
    @Test
    void carriesBetweenWordsAreExact() {
        Random r = new Random(10);
        for (int trial = 0; trial < 3_000; trial++) {
            int rows = 1 + r.nextInt(3), inner = 1 + r.nextInt(40), cols = 1 + r.nextInt(3);
            java.math.BigInteger[][] x = new java.math.BigInteger[rows][inner], y = new java.math.BigInteger[inner][cols];
            java.math.BigInteger[][] yT = new java.math.BigInteger[cols][inner];
            for (java.math.BigInteger[] row : x) {
                java.util.Arrays.setAll(row, l -> wideInteger(r));
            }
            for (int l = 0; l < inner; l++) {
                for (int j = 0; j < cols; j++) {
                    y[l][j] = yT[j][l] = wideInteger(r);
                }
            }
            java.math.BigInteger[][] product = new DyadicMatrix(x, 0).times(new DyadicMatrix(y, 0)).num();
            java.math.BigInteger[][] byRows = new DyadicMatrix(x, 0).timesTransposed(new DyadicMatrix(yT, 0)).num();
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < cols; j++) {
                    java.math.BigInteger expected = java.math.BigInteger.ZERO;
                    for (int l = 0; l < inner; l++) {
                        expected = expected.add(x[i][l].multiply(y[l][j]));
                    }
                    assertEquals(expected, product[i][j], "trial " + trial);
                    assertEquals(expected, byRows[i][j], "transposed, trial " + trial);
                }
            }
        }
    }

    private static java.math.BigInteger wideInteger(Random r) {
        int bits = r.nextInt(400);
        java.math.BigInteger power = java.math.BigInteger.ONE.shiftLeft(bits);
        java.math.BigInteger x = switch (r.nextInt(4)) {
            case 0 -> power.subtract(java.math.BigInteger.ONE);
            case 1 -> power;
            default -> new java.math.BigInteger(bits + 1, r);
        };
        return r.nextBoolean() ? x.negate() : x;
    }

    /**
     * Score differences R(i,t) - max R, R(i,t) = eqkeRaw[q][t] + eqkpRaw[q][i], against BigDecimal: the enclosure
     * contains the exact difference and is within four doubles of the tightest enclosure on each side (the two
     * differences are both <= 0, so each is at most the sum in magnitude: their enclosures' errors and the rounded
     * sum's add up to less than four ulps of the sum), for wide numerators, different exponents, and a large common
     * offset (2^70).
     */
    @Test
    void scoreDifferencesAreEnclosedTightly() {
        Random r = new Random(11);
        for (int trial = 0; trial < 200; trial++) {
            int v = 1 + r.nextInt(12), k = 1 + r.nextInt(5);
            java.math.BigInteger[][] e = new java.math.BigInteger[2][v], p = new java.math.BigInteger[2][k];
            java.math.BigInteger offset = java.math.BigInteger.ONE.shiftLeft(trial % 2 == 0 ? 0 : 70);
            for (java.math.BigInteger[] row : e) {
                java.util.Arrays.setAll(row, t -> wideInteger(r).shiftRight(r.nextInt(380)).add(offset));
            }
            for (java.math.BigInteger[] row : p) {
                java.util.Arrays.setAll(row, i -> wideInteger(r).shiftRight(r.nextInt(380)));
            }
            int eExp = r.nextInt(40) - 20, pExp = r.nextInt(40) - 20, q = r.nextInt(2);
            DyadicMatrix eqke = new DyadicMatrix(e, eExp), eqkp = new DyadicMatrix(p, pExp);
            BigDecimal[][] exactE = TestIntervals.exactDecimals(eqke), exactP = TestIntervals.exactDecimals(eqkp);
            BigDecimal max = null;
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    BigDecimal score = exactE[q][t].add(exactP[q][i]);
                    max = max == null || score.compareTo(max) > 0 ? score : max;
                }
            }
            Interval[][] below = DyadicMatrix.scoresBelowMax(eqke, eqkp, q);
            for (int i = 0; i < k; i++) {
                for (int t = 0; t < v; t++) {
                    BigDecimal exact = exactE[q][t].add(exactP[q][i]).subtract(max);
                    Interval got = below[i][t], tightest = TestIntervals.enclosing(exact);
                    String where = "trial " + trial + " at " + i + "," + t;
                    assertTrue(new BigDecimal(got.lo()).compareTo(exact) <= 0, where);
                    assertTrue(new BigDecimal(got.hi()).compareTo(exact) >= 0, where);
                    double lo = tightest.lo(), hi = tightest.hi();
                    for (int step = 0; step < 4; step++) {
                        lo = Math.nextDown(lo);
                        hi = Math.nextUp(hi);
                    }
                    assertTrue(got.lo() >= lo && got.hi() <= hi, where + ": " + got + " against " + tightest);
                }
            }
        }
    }

    /** float32 values from 2^-60 to 2^60 in magnitude, both signs, some zero. */
    private static double[][] randomFloats(Random r, int rows, int cols) {
        double[][] x = new double[rows][cols];
        for (double[] row : x) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextInt(10) == 0 ? 0 : (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(121) - 60));
            }
        }
        return x;
    }

    private static double[][] transpose(double[][] x) {
        double[][] t = new double[x[0].length][x.length];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x[0].length; j++) {
                t[j][i] = x[i][j];
            }
        }
        return t;
    }

    @Test
    void dyadicEnclosuresAreTightAndCorrect() {
        Random r = new Random(4);
        for (int n = 0; n < 3000; n++) {
            java.math.BigInteger num = new java.math.BigInteger(1 + r.nextInt(200), r).subtract(java.math.BigInteger.ONE
                    .shiftLeft(r.nextInt(100)));
            int e = r.nextInt(2400) - 1300;
            Interval i = DyadicMatrix.enclose(num, e);
            BigDecimal exact = e >= 0 ? new BigDecimal(num.shiftLeft(e))
                    : new BigDecimal(num).divide(new BigDecimal(java.math.BigInteger.ONE.shiftLeft(-e)));
            if (Double.isInfinite(i.hi()) || Double.isInfinite(i.lo())) {
                assertTrue(exact.abs().compareTo(new BigDecimal(Double.MAX_VALUE)) > 0);
                continue;
            }
            assertTrue(new BigDecimal(i.lo()).compareTo(exact) <= 0 && new BigDecimal(i.hi()).compareTo(exact) >= 0,
                    num + " * 2^" + e);
            assertTrue(i.hi() == i.lo() || Math.nextUp(i.lo()) == i.hi(), "tight: " + i);
        }
    }

    /**
     * The fast path of enclose (the top 53 bits) against the comparisons-only path: numerators just below, at and
     * above powers of two (h + 1 = 2^53, exact multiples, r = 1), both signs, and scales at and beyond the fast
     * path's ends (x = -1000 and 900), where both must give the same tightest enclosure.
     */
    @Test
    void theFastEnclosureIsTheComparisonsOne() {
        Random r = new Random(9);
        java.math.BigInteger one = java.math.BigInteger.ONE;
        int checked = 0;
        for (int bits = 1; bits <= 130; bits++) {
            java.math.BigInteger p = one.shiftLeft(bits);
            java.math.BigInteger[] nums = {p, p.subtract(one), p.add(one), p.add(p.shiftRight(1)),
                    new java.math.BigInteger(bits, r).setBit(bits - 1), p.subtract(one.shiftLeft(Math.max(0, bits - 53)))};
            for (java.math.BigInteger num : nums) {
                for (int e : new int[] {-1100, -1053 - bits, -1000 - Math.max(0, bits - 52), -1001, -60, 0, 77,
                        900 - Math.max(0, bits - 52), 901, 970 - bits}) {
                    for (java.math.BigInteger n : new java.math.BigInteger[] {num, num.negate()}) {
                        assertEquals(DyadicMatrix.encloseByComparison(n, e), DyadicMatrix.enclose(n, e), n + " * 2^" + e);
                        checked++;
                    }
                }
            }
        }
        for (int n = 0; n < 20_000; n++) {
            java.math.BigInteger num = new java.math.BigInteger(1 + r.nextInt(120), r).subtract(one.shiftLeft(r.nextInt(60)));
            int e = r.nextInt(400) - 200;
            assertEquals(DyadicMatrix.encloseByComparison(num, e), DyadicMatrix.enclose(num, e), num + " * 2^" + e);
        }
        assertTrue(checked > 7000);
    }

    @Test
    void enclosingADecimalIsVerifiedAndTight() {
        Random r = new Random(3);
        for (int n = 0; n < 1000; n++) {
            BigDecimal x = new BigDecimal(r.nextGaussian()).multiply(new BigDecimal(r.nextGaussian()))
                    .add(new BigDecimal("1e-30"));
            Interval i = org.compactproofs.checker.arith.TestIntervals.enclosing(x);
            assertTrue(new BigDecimal(i.lo()).compareTo(x) <= 0 && new BigDecimal(i.hi()).compareTo(x) >= 0);
            assertTrue(i.hi() == i.lo() || Math.nextUp(i.lo()) == i.hi());
        }
    }
}
