package org.compactproofs.checker.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The grid's names. */
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
}
