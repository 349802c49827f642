package org.compactproofs.checker.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.ExactOracle;
import org.junit.jupiter.api.Test;

/**
 * Audit of the test yardstick {@link ExactOracle}: its double shortcut rounds eqkeRaw and eqkpRaw to double
 * separately and adds them, so when they cancel (here 2^60 + x_t and -2^60) the rounded score loses x_t entirely
 * and the "million times the rounding error" margin test passes on a wrong sign. The float32 model below attends
 * sharply to the largest token (scores s * 8t); the oracle sees uniform attention.
 */
class AuditOracleTest {

    /** d_model 4 (0: cancelling key part, 1: constant, 2: token value 8t, 3: attention output), d_head 2. */
    static Model cancellingScores(int v, int k) {
        int d = 4, h = 2;
        double big = 0x1p30;
        double[][] wE = new double[v][d], wPos = new double[k][d];
        for (int t = 0; t < v; t++) {
            wE[t] = new double[] {1, 1, 8 * t, 0};
        }
        for (int i = 0; i < k; i++) {
            wPos[i][0] = -1;                       // h_i[0] = 0, but eqke and eqkp are each ~2^60
        }
        double[][] wQ = new double[d][h], wK = new double[d][h], wV = new double[d][h], wO = new double[h][d];
        wQ[1][0] = big;
        wQ[1][1] = 1;
        wK[0][0] = big;
        wK[2][1] = 1;                               // R(i, t) = 2^60 * h_i[0] + 8t = 8t exactly
        wV[2][0] = 1;
        wO[0][3] = 1;                               // r[3] = attention average of 8 t_i
        double[][] wU = new double[d][v];
        for (int o = 0; o < v; o++) {
            wU[3][o] = o;
            wU[1][o] = -4.0 * o * o;                // logit_o = o r[3] - 4 o^2: peak at r[3] / 8
        }
        return new Model(v, k, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of());
    }

    @Test
    void checkerIsSoundOnTheCancellingModel() {
        Model m = cancellingScores(5, 3);
        long truth = new AuditBruteForceTest.Truth(m).count();
        BruteForce.Result r = new BruteForce(m, CircuitTables.of(m)).run(2);
        assertTrue(r.correct() <= truth, r + " truth " + truth);
        assertEquals(0, r.undecidable());
        assertEquals(truth, r.correct());
    }

    /** Fails: ExactOracle's count is far from the truth, so BruteForceSoundnessTest's yardstick is not exact. */
    @Test
    void exactOracleAgreesWithAnIndependentYardstick() {
        Model m = cancellingScores(5, 3);
        long truth = new AuditBruteForceTest.Truth(m).count();
        assertEquals(truth, new ExactOracle(m).trueCount(), "ExactOracle vs Apfloat-only yardstick");
    }

    /**
     * v 2, k 2: the true attention looks at position 0 only (raw scores 50 and 0, written as 2^60 + (-2^60 + 50)),
     * the oracle's rounded scores are equal. logit_1 - logit_0 = r[3] - 1/4 with r[3] the attended token. Input
     * (0, 1) is wrong (r[3] ~ 0) but the oracle averages (r[3] = 1/2) and counts it correct: an over-count, so a
     * checker that over-counted by one here would pass BruteForceSoundnessTest.
     */
    static Model cancellingPositions() {
        int v = 2, k = 2, d = 5, h = 2;
        double big = 0x1p30;
        double[][] wE = {{1, 1, 0, 0, 0}, {1, 1, 1, 0, 0}};
        double[][] wPos = {{-1, 0, 0, 0, 50}, {-1, 0, 0, 0, 0}};
        double[][] wQ = new double[d][h], wK = new double[d][h], wV = new double[d][h], wO = new double[h][d];
        wQ[1][0] = big;
        wQ[1][1] = 1;
        wK[0][0] = big;
        wK[4][1] = 1;                               // R(i, t) = 2^60 (1 + W_pos[i][0]) + W_pos[i][4]
        wV[2][0] = 1;
        wO[0][3] = 1;                               // r[3] = attention average of the token
        double[][] wU = new double[d][v];
        wU[3][1] = 1;
        wU[1][1] = -0.25;
        return new Model(v, k, d, h, wE, wPos, wQ, wK, wV, wO, wU, Map.of());
    }

    @Test
    void checkerIsSoundOnTheCancellingPositionsModel() {
        Model m = cancellingPositions();
        long truth = new AuditBruteForceTest.Truth(m).count();
        assertEquals(3, truth);
        BruteForce.Result r = new BruteForce(m, CircuitTables.of(m)).run(1);
        assertEquals(3, r.correct());
    }

    /** Fails: ExactOracle says 4 of 4 where 3 are correct (it would accept a checker proving 4). */
    @Test
    void exactOracleDoesNotOverCount() {
        Model m = cancellingPositions();
        assertTrue(new ExactOracle(m).trueCount() <= new AuditBruteForceTest.Truth(m).count());
    }
}
