package org.compactproofs.checker.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's names and its proof-length accounting, against the reference's formulas worked by hand. */
class GridVariantTest {
    @Test
    void hundredAndFiftyDistinctNamesThatParseBack() {
        List<GridVariant> all = GridVariant.all();
        assertEquals(150, all.size());
        Set<String> names = new HashSet<>();
        for (GridVariant g : all) {
            names.add(g.name());
            assertEquals(g, GridVariant.parse(g.name()));
        }
        assertEquals(150, names.size());
        assertEquals(100, all.stream().filter(g -> !g.ours()).count());
        assertEquals("eupu-mean-query+max-diff--attn-mean-query+diff--attn-err-svd", all.get(0).name()); // the reference's order
        assertNull(GridVariant.parse("eupu-max-diff--attn-mean-query+diff--attn-err-nonsense"));
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

    private static long dim(String name, int v, int d) {
        return GridVariant.parse(name).unexplainedDimension(v, d);
    }
}
