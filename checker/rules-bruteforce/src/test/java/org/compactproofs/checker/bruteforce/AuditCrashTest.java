package org.compactproofs.checker.bruteforce;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Audit: a valid F64 model whose exact table entry lies in (Double.MAX_VALUE, Double.MAX_VALUE + 2^970) makes
 * Interval.enclosing step to +Infinity and call new BigDecimal(Infinity): NumberFormatException, exit 3 instead
 * of a verdict. (Float32 weights cannot reach it: their tables stay below about 2^520.)
 */
public class AuditCrashTest {
    private static final double BIG = Double.MAX_VALUE, NUDGE = 0x1p960;

    /** v 2, k 1, d_model 2, d_head 1; EU[0][0] = sign * (MAX_VALUE + 2^960), every other table entry 0. */
    public static Model euInTheBand(double sign) {
        double[][] wE = {{BIG, NUDGE}, {0, 0}}, wPos = {{0, 0}};
        double[][] z = {{0}, {0}}, wO = {{0, 0}}, wU = {{sign, 0}, {sign, 0}};
        return new Model(2, 1, 2, 1, wE, wPos, z, z, z, wO, wU, Map.of());
    }

    /** v 2, k 1: eqkeRaw[0][1] = -(MAX_VALUE + 2^960), read by QueryWalk's score enclosure. */
    public static Model scoreInTheBand() {
        double[][] wE = {{BIG, NUDGE}, {1, 0}}, wPos = {{0, 0}};
        double[][] wQ = {{-1}, {-1}}, wK = {{1}, {0}}, z = {{0}, {0}}, wO = {{0, 0}};
        double[][] wU = {{0, 0}, {0, 0}};
        return new Model(2, 1, 2, 1, wE, wPos, wQ, wK, z, wO, wU, Map.of());
    }

    private static void decides(Model m, long truth) {
        BruteForce.Result r = assertDoesNotThrow(() -> new BruteForce(m, CircuitTables.of(m)).run(1));
        assertTrue(r.correct() <= truth);
        assertTrue(new AuditBruteForceTest.Truth(m).count() == truth);
    }

    @Test
    void unembeddingTableJustAboveMaxDouble() {
        decides(euInTheBand(1), 1); // input (0): logit 0 = MAX + 2^960 > 0 = logit 1; input (1): a tie
    }

    @Test
    void unembeddingTableJustBelowMinusMaxDouble() {
        decides(euInTheBand(-1), 0);
    }

    @Test
    void attentionScoreJustBelowMinusMaxDouble() {
        decides(scoreInTheBand(), 0); // every logit is 0: all ties
    }

    /** The same model as a file through `checker check`: exit 3 (internal error) instead of 0 or 1. */
}
