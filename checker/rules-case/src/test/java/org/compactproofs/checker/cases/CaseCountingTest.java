package org.compactproofs.checker.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.cert.CertificateFormatException;
import org.compactproofs.checker.cert.Step;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ProofState;
import org.junit.jupiter.api.Test;

/**
 * The counting of the case rules (C1, S1, S2 share {@link CaseRule}) for any context length K: the keys
 * (query, max, nonmax, upto) partition the v^K inputs exactly. With the query the last of the K tokens and nonmax
 * counting the other K-1 positions, the widest case of every key sums to v^K exactly (BigInteger, up to
 * 64^20 = 2^120); on small tasks every input, enumerated, falls in exactly one key, and every case's size is what
 * the rule demands. The bound is replaced by one that always holds: what is tested is the rule's own counting.
 */
class CaseCountingTest {
    /** A bound that always holds, of no work. */
    private static final CaseRule.Bound ALWAYS = new CaseRule.Bound() {
        @Override
        public double of(int q, int m, int c, int a, int[] worst) {
            return 1;
        }

        @Override
        public long operations() {
            return 0;
        }
    };

    private static CaseRule always() {
        return new CaseRule("case", (s, first) -> ALWAYS);
    }

    private static Model zero(int v, int k) {
        return new Model(v, k, 1, 1, new double[v][1], new double[k][1], new double[1][1], new double[1][1],
                new double[1][1], new double[1][1], new double[1][v], Map.of());
    }

    private static Step step(int line, int q, int m, int c, int a, BigInteger count) {
        List<Step.Field> f = new ArrayList<>(List.of(field("query", q), field("max", m), field("nonmax", c)));
        if (c > 0) {
            f.add(field("upto", a));
        }
        f.add(new Step.Field("count", count.toString(), true, 1, 1));
        return new Step(line, 1, "case", f);
    }

    private static Step.Field field(String key, int value) {
        return new Step.Field(key, Integer.toString(value), true, 1, 1);
    }

    /** C(n, r) by Pascal's triangle: independent of the rule's own product formula. */
    private static BigInteger choose(int n, int r) {
        BigInteger[] row = {BigInteger.ONE};
        for (int i = 1; i <= n; i++) {
            BigInteger[] next = new BigInteger[i + 1];
            next[0] = next[i] = BigInteger.ONE;
            for (int j = 1; j < i; j++) {
                next[j] = row[j - 1].add(row[j]);
            }
            row = next;
        }
        return row[r];
    }

    /** Every key once, with its widest upto (m - 1): returns what the rule proved. */
    private static BigInteger everyKey(int v, int k) {
        ProofState state = new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT);
        CaseRule rule = always();
        int line = 0;
        BigInteger[] choose = new BigInteger[k];
        for (int c = 0; c < k; c++) {
            choose[c] = choose(k - 1, c);
        }
        for (int m = 0; m < v; m++) {
            for (int q = 0; q <= m; q++) {
                for (int c = 0; c <= (q == m ? k - 1 : k - 2); c++) {
                    if (c > 0 && m == 0) {
                        continue; // no token below the maximum 0: the key is empty and has no upto
                    }
                    BigInteger size = choose[c].multiply(BigInteger.valueOf(m).pow(c));
                    assertNull(rule.apply(step(++line, q, m, c, m - 1, size), state));
                }
            }
        }
        return state.proven();
    }

    /** A malformed key is refused: a failure, or an error with its position. */
    private static boolean refused(Step step, ProofState state) {
        try {
            return new CaseRule("case", (s, first) -> ALWAYS).apply(step, state) != null;
        } catch (CertificateFormatException e) {
            return true;
        }
    }

    @Test
    void theWidestCasesOfAllKeysCountEveryInputExactlyOnce() {
        int[][] tasks = {{2, 1}, {2, 2}, {3, 6}, {4, 6}, {5, 6}, {10, 7}, {64, 4}, {64, 5}, {3, 20}};
        for (int[] t : tasks) {
            assertEquals(BigInteger.valueOf(t[0]).pow(t[1]), everyKey(t[0], t[1]), "v = " + t[0] + ", K = " + t[1]);
        }
        assertEquals(BigInteger.ONE.shiftLeft(120), everyKey(64, 20), "64^20 = 2^120");
    }

    /** Enumerates every input of small tasks: each lies in one key, and each case's size is the rule's count. */
    @Test
    void enumeratedInputsFallInExactlyOneKeyOfTheRulesSize() {
        int[][] tasks = {{2, 6}, {3, 6}, {4, 6}, {5, 5}, {3, 7}, {6, 3}};
        for (int[] t : tasks) {
            int v = t[0], k = t[1];
            // tally[q][m][c][a]: inputs of key (q, m, c) whose largest non-max token is a (index a + 1; 0 if c = 0)
            long[][][][] tally = new long[v][v][k][v + 1];
            int[] x = new int[k];
            long inputs = BigInteger.valueOf(v).pow(k).longValueExact();
            for (long n = 0; n < inputs; n++) {
                CubicSoundnessTest.decode(n, v, x);
                int[] key = CubicSoundnessTest.key(x); // the last token is the query; k-1 other positions
                tally[key[0]][key[1]][key[2]][key[3] + 1]++;
            }
            long covered = 0;
            for (int q = 0; q < v; q++) {
                for (int m = 0; m < v; m++) {
                    for (int c = 0; c < k; c++) {
                        long cumulative = 0;
                        for (int a = c == 0 ? -1 : 0; a < (c == 0 ? 0 : m); a++) {
                            cumulative += tally[q][m][c][a + 1] + (a == 0 ? tally[q][m][c][0] : 0);
                            ProofState state = new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT);
                            Step exact = step(1, q, m, c, a, BigInteger.valueOf(cumulative));
                            boolean keyExists = q <= m && c <= (q == m ? k - 1 : k - 2);
                            if (!keyExists) {
                                assertEquals(0, cumulative, "inputs outside every key: q " + q + " m " + m + " c " + c);
                                assertTrue(refused(exact, state), "no key (query " + q + " max " + m + " nonmax " + c + ")");
                                continue;
                            }
                            assertNull(always().apply(exact, state), "v " + v + " K " + k + ": case query " + q
                                    + " max " + m + " nonmax " + c + " upto " + a + " has " + cumulative + " inputs");
                            assertEquals(BigInteger.valueOf(cumulative), state.proven());
                            assertNotNull(always().apply(step(1, q, m, c, a, BigInteger.valueOf(cumulative + 1)),
                                    new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT)), "a wrong count fails");
                        }
                        covered += cumulative;
                    }
                }
            }
            assertEquals(inputs, covered, "v " + v + " K " + k + ": the widest cases partition the inputs");
        }
    }

    @Test
    void aKeyAppearsOnceAndKeysWithoutInputsAreRefused() {
        int v = 64, k = 20;
        ProofState state = new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT);
        CaseRule rule = always();
        BigInteger size = choose(k - 1, 3).multiply(BigInteger.valueOf(10).pow(3));
        assertNull(rule.apply(step(1, 5, 40, 3, 9, size), state));
        assertNotNull(rule.apply(step(2, 5, 40, 3, 9, size), state), "the same key twice");
        assertNotNull(rule.apply(step(3, 5, 40, 3, 39, choose(k - 1, 3).multiply(BigInteger.valueOf(40).pow(3))), state),
                "the same key with another upto");
        assertEquals(size, state.proven());
        // the query below the maximum: some other position holds it, so at most K-2 non-max positions
        assertTrue(refused(step(1, 5, 40, k - 1, 39, BigInteger.valueOf(40).pow(k - 1)),
                new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT)));
        assertNull(new CaseRule("case", (s, first) -> ALWAYS).apply(step(1, 40, 40, k - 1, 39, BigInteger.valueOf(40).pow(k - 1)),
                new ProofState(zero(v, k), Path.of("counting.cert"), 1, org.compactproofs.checker.Limits.DEFAULT)), "query = max: all K-1 others may be below it");
    }
}
