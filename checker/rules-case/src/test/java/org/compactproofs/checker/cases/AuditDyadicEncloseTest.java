package org.compactproofs.checker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.bruteforce.AuditBruteForceTest;
import org.compactproofs.checker.bruteforce.BruteForce;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Audit of DyadicMatrix.enclose (commit d170de3): the candidate Math.scalb(n.doubleValue(), e) is infinite whenever
 * the numerator n alone exceeds the double range, even if n 2^e is an ordinary number, and the method then
 * returns [MAX_VALUE, +inf] (or [-inf, -MAX_VALUE]) without any check: an enclosure that does not contain the value.
 * Every table has one exponent for all entries, so one subnormal float32 weight in each factor (exponent -596 for
 * EVOU) and one entry of 2^428 or more trigger it with float32 weights.
 */
class AuditDyadicEncloseTest {
    private static final double E = 0x1p-149; // float32's smallest subnormal

    private static boolean contains(Interval i, BigInteger n, int e) {
        BigDecimal x = new BigDecimal(n).multiply(e >= 0 ? new BigDecimal(BigInteger.TWO.pow(e))
                : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-e))));
        boolean lo = i.lo() == Double.NEGATIVE_INFINITY || new BigDecimal(i.lo()).compareTo(x) <= 0;
        boolean hi = i.hi() == Double.POSITIVE_INFINITY || new BigDecimal(i.hi()).compareTo(x) >= 0;
        return lo && hi;
    }

    /** Fails: 2^1100 * 2^-200 = 2^900 is enclosed as [MAX_VALUE, +inf]. */
    @Test
    void hugeNumeratorWithNegativeExponent() {
        BigInteger n = BigInteger.ONE.shiftLeft(1100);
        Interval i = DyadicMatrix.enclose(n, -200);
        assertTrue(contains(i, n, -200), "2^900 enclosed as " + i);
        Interval j = DyadicMatrix.enclose(n.negate(), -200);
        assertTrue(contains(j, n.negate(), -200), "-2^900 enclosed as " + j);
    }

    /** The same bound-checking edge cases that pass: the value itself beyond the double range. */
    @Test
    void valuesBeyondTheDoubleRangeAreEnclosed() {
        BigInteger max = new BigDecimal(Double.MAX_VALUE).toBigIntegerExact();
        for (BigInteger n : new BigInteger[] {max, max.add(BigInteger.ONE.shiftLeft(960)), max.add(BigInteger.ONE.shiftLeft(970)),
            BigInteger.ONE.shiftLeft(1024), BigInteger.ONE.shiftLeft(1500)}) {
            assertTrue(contains(DyadicMatrix.enclose(n, 0), n, 0), n.toString());
            assertTrue(contains(DyadicMatrix.enclose(n.negate(), 0), n.negate(), 0), n.toString());
            assertTrue(contains(DyadicMatrix.enclose(n.shiftLeft(3000), -3000), n, 0), n.toString());
        }
    }

    /**
     * v 2, k 1, float32 weights. EVOU[1][1] = 2^508 with table exponent -596 (numerator 2^1104: enclosed as
     * [MAX, inf]); PVOU[0][1] = -1.5 * 2^508. Input (1): logit_1 - logit_0 ~ 2^508 - 1.5 * 2^508 < 0, wrong.
     */
    static Model overflowingNumerator() {
        double a = 0x1p127, b = 1.5 * 0x1p127;
        double[][] wE = {{E, 0}, {a, 0}}, wPos = {{-b, 0}};
        double[][] wQ = {{0}, {0}}, wK = {{0}, {0}};
        double[][] wV = {{a}, {E}}, wO = {{a, E}}, wU = {{0, a}, {E, 0}};
        return new Model(2, 1, 2, 1, wE, wPos, wQ, wK, wV, wO, wU, Map.of());
    }

    /** Brute force stays sound here (a wrong lower end MAX_VALUE only switches its fast path off). */
    @Test
    void bruteForceIsSoundOnTheOverflowingNumeratorModel() {
        Model m = overflowingNumerator();
        long truth = new AuditBruteForceTest.Truth(m).count();
        BruteForce.Result r = new BruteForce(m, CircuitTables.of(m)).run(1);
        assertTrue(r.correct() <= truth, r + " truth " + truth);
        assertEquals(truth, r.correct());
    }

    /** Fails: rule C1 accepts the case (query 1, max 1) although its only input (1) is wrong. */
    @Test
    void cubicRuleRejectsTheWrongCase() {
        Model m = overflowingNumerator();
        assertTrue(!new AuditBruteForceTest.Truth(m).isCorrect(new int[] {1}), "input (1) is wrong");
        double bound = new CubicBounds(m, CircuitTables.of(m)).of(1, 1, 0, -1, new int[1]);
        assertTrue(!(bound > 0), "rule C1 proves the wrong input (1) correct: case bound " + bound);
    }

    /**
     * Fails: end to end, `checker check` accepts "claim correct 2 of 2" for the F32 model file although only input
     * (0) is correct (the audit yardstick and brute force both give 1).
     */
    @Test
    void checkerRejectsAnOverclaimingCubicCertificate(@TempDir Path dir) throws Exception {
        Model m = overflowingNumerator();
        assertEquals(1, new AuditBruteForceTest.Truth(m).count());
        Map<String, Object[]> t = new LinkedHashMap<>();
        t.put("embed.W_E", new Object[] {new int[] {2, 2}, m.wE()});
        t.put("pos_embed.W_pos", new Object[] {new int[] {1, 2}, m.wPos()});
        t.put("blocks.0.attn.W_Q", new Object[] {new int[] {1, 2, 1}, m.wQ()});
        t.put("blocks.0.attn.W_K", new Object[] {new int[] {1, 2, 1}, m.wK()});
        t.put("blocks.0.attn.W_V", new Object[] {new int[] {1, 2, 1}, m.wV()});
        t.put("blocks.0.attn.W_O", new Object[] {new int[] {1, 1, 2}, m.wO()});
        t.put("unembed.W_U", new Object[] {new int[] {2, 2}, m.wU()});
        StringBuilder json = new StringBuilder("{");
        ByteBuffer data = ByteBuffer.allocate(4 * 64).order(ByteOrder.LITTLE_ENDIAN);
        for (Map.Entry<String, Object[]> e : t.entrySet()) {
            int begin = data.position();
            for (double[] row : (double[][]) e.getValue()[1]) {
                for (double x : row) {
                    assertEquals(x, (double) (float) x, "float32-representable");
                    data.putFloat((float) x);
                }
            }
            json.append('"').append(e.getKey()).append("\":{\"dtype\":\"F32\",\"shape\":")
                    .append(java.util.Arrays.toString((int[]) e.getValue()[0]).replace(" ", ""))
                    .append(",\"data_offsets\":[").append(begin).append(',').append(data.position()).append("]},");
        }
        json.setLength(json.length() - 1);
        json.append('}');
        while (json.length() % 8 != 0) {
            json.append(' ');
        }
        byte[] header = json.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer file = ByteBuffer.allocate(8 + header.length + data.position()).order(ByteOrder.LITTLE_ENDIAN);
        file.putLong(header.length).put(header).put(data.array(), 0, data.position());
        Path model = dir.resolve("m.safetensors"), cert = dir.resolve("m.cert");
        Files.write(model, file.array());
        Files.writeString(cert, "compact-proofs certificate 1\nmodel sha256:" + ModelReader.sha256(file.array()) + "\n"
                + "task max-of-k vocab 2 context 1 distribution uniform\nclaim correct 2 of 2\nstrategy cubic\n"
                + "case query 0 max 0 nonmax 0 count 1\ncase query 1 max 1 nonmax 0 count 1\n");
        Verdict v = Checker.check(model, cert, RepositoryFiles::open, 1, Limits.DEFAULT);
        assertTrue(!v.accepted(), "accepted: proven " + v.proven() + " of 2, but only 1 input is correct");
    }
}
