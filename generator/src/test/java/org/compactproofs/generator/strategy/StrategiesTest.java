package org.compactproofs.generator.strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.TreeSet;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.grid.GridVariant;
import org.junit.jupiter.api.Test;

/** The generator's one list of strategies: the checker's names, in the order of every listing, and proof lengths. */
class StrategiesTest {
    @Test
    void theGeneratorsNamesAreTheCheckers() {
        List<String> names = Strategies.names();
        assertEquals(160, names.size());
        assertEquals(160, new TreeSet<>(names).size(), "no name twice");
        assertEquals(org.compactproofs.checker.rules.Strategies.names(), new TreeSet<>(names),
                "every name the checker accepts has a prover, and no other");
    }

    @Test
    void oursFirstThenTheGridInItsOrder() {
        assertEquals(List.of("brute-force", "cubic", "subcubic-maxdiff", "subcubic-union", "subcubic-coupled-0",
                        "subcubic-coupled-1", "subcubic-coupled-2", "subcubic-coupled-4", "subcubic-staircase-2",
                        "subcubic-staircase-4"),
                Strategies.ours().stream().map(Strategy::name).toList());
        assertEquals(GridVariant.all().stream().map(GridVariant::name).toList(),
                Strategies.grid().stream().map(Strategy::name).toList());
        assertEquals(Strategies.names().subList(10, 160), Strategies.grid().stream().map(Strategy::name).toList());
        assertEquals(100, Strategies.all().stream().filter(s -> s.group() == Strategy.Group.REFERENCE_GRID).count());
        assertEquals(50, Strategies.all().stream().filter(s -> s.group() == Strategy.Group.OUR_GRID).count());
        for (Strategy s : Strategies.all()) {
            assertSame(s, Strategies.named(s.name()));
        }
        assertNull(Strategies.named("grid"));
        UnusableInputException e = assertThrows(UnusableInputException.class, () -> Strategies.require("nope"));
        assertEquals("unknown strategy 'nope' (known: brute-force, cubic, subcubic-maxdiff, subcubic-union, "
                + "subcubic-coupled-0, subcubic-coupled-1, subcubic-coupled-2, subcubic-coupled-4, subcubic-staircase-2, "
                + "subcubic-staircase-4 and the grid "
                + "listed by 'strategies')", e.getMessage());
    }

    /** v = 64, d = 32: direct-path term + attention-error term + v + v^2 (subcubic_approx_effective_dimension). */
    @Test
    void unexplainedDimensionFollowsTheReference() {
        int v = 64, d = 32;
        assertEquals(2 + 2 * v + v + v * v, dim("eupu-global-max-diff-exact--attn-mean-query+diff--attn-err-svd", v, d));
        assertEquals((v + v * d + 2) + (2 * v + 2 * d) + v + v * v,
                dim("eupu-mean-query+max-diff--attn-mean-query+diff--attn-err-max-diff", v, d));
        assertEquals((v * d + 2) + (2 * v + v + 2 * d) + v + v * v,
                dim("eupu-max-diff--attn-drop-average-query-per-output-logit-reasoning--attn-err-mean+max-diff-subproduct", v, d));
        assertEquals(2 * v + v * v + v + v * v,
                dim("eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact", v, d));
        assertEquals(2 * v + 4 * v + v + v * v, dim("eupu-max-diff-exact--attn-convex-chord--attn-err-max-diff-exact", v, d));
        assertEquals(8384, dim("eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact", 64, 32));
    }

    /** Ours: brute force reads every input's logits, v^(K+1); the proofs by cases read the tables, 3v^2 + 2kv. */
    @Test
    void oursUnexplainedDimension() {
        assertEquals(BigInteger.valueOf(64).pow(21), Strategies.BRUTE_FORCE.unexplainedDimension(64, 20, 32));
        for (Strategy s : List.of(Strategies.CUBIC, Strategies.SUBCUBIC_MAXDIFF, Strategies.SUBCUBIC_UNION)) {
            assertEquals(BigInteger.valueOf(12_800), s.unexplainedDimension(64, 4, 32), s.name());
        }
        assertTrue(Strategies.ours().stream().noneMatch(Strategy::grid));
    }

    private static long dim(String name, int v, int d) {
        return Strategies.named(name).unexplainedDimension(v, 4, d).longValueExact();
    }
}
