package org.compactproofs.generator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures on degenerate data, below the commands: every table and point set either drawn (PNG and SVG) or
 * skipped with a note, and none of it left to XChart's own failures (whose note would say "XChart could not").
 */
class FiguresTest {
    @TempDir
    Path dir;

    private static final double NAN = Double.NaN, INF = Double.POSITIVE_INFINITY;

    private Figures.Outcome only(Figures f) {
        List<Figures.Outcome> all = f.outcomes();
        Figures.Outcome o = all.get(all.size() - 1);
        assertFalse(o.note() != null && o.note().contains("XChart could not"), o.toString());
        assertEquals(o.written(), Files.isRegularFile(dir.resolve(o.name() + ".png")), o.toString());
        assertEquals(o.written(), Files.isRegularFile(dir.resolve(o.name() + ".svg")), o.toString());
        return o;
    }

    private Figures.Outcome heatmap(double[][] table) {
        Figures f = new Figures(dir);
        f.heatmap("a table", table, "t");
        return only(f);
    }

    @Test
    void heatmapsOfDegenerateTables() {
        // the case: the largest value exactly 0 (XChart's range started its maximum at Double.MIN_VALUE)
        assertTrue(heatmap(new double[][] {{-20, 0}, {0, -3}}).written());
        // a value just below the maximum whose distance to the minimum rounds to the maximum's (ratio 1.0)
        assertTrue(heatmap(new double[][] {{-1e20, 1}, {2, 0}}).written());
        assertTrue(heatmap(new double[][] {{0, 0}, {0, 0}}).written(), "zero");
        assertTrue(heatmap(new double[][] {{-7.5, -7.5, -7.5}}).written(), "constant, one row");
        assertTrue(heatmap(new double[][] {{3}}).written(), "one cell");
        assertTrue(heatmap(new double[][] {{1}, {2}, {3}}).written(), "one column");
        assertTrue(heatmap(new double[][] {{Double.MIN_VALUE, 0}, {-Double.MIN_VALUE, 0}}).written(), "subnormal");
        assertTrue(heatmap(new double[][] {{-Double.MAX_VALUE / 2, Double.MAX_VALUE / 2}}).written(), "wide");
        Figures.Outcome special = heatmap(new double[][] {{NAN, 1, INF}, {-INF, 2, 3}});
        assertTrue(special.written());
        assertEquals("1 NaN cell(s) left blank; 2 infinite cell(s) drawn at the end of the range", special.note());
        Figures.Outcome none = heatmap(new double[][] {{NAN, INF}});
        assertFalse(none.written());
        assertEquals("t not drawn: the table has no finite value", none.line());
        Figures.Outcome tooWide = heatmap(new double[][] {{-Double.MAX_VALUE, Double.MAX_VALUE}});
        assertFalse(tooWide.written());
        assertTrue(tooWide.note().startsWith("its values span more than a double can"), tooWide.note());
    }

    private Figures.Outcome frontier(String rows) throws Exception {
        Figures f = new Figures(dir);
        f.frontier(new ObjectMapper().readTree("[" + rows + "]"));
        return only(f);
    }

    private static String row(long seed, String strategy, String bound, long ops, boolean accepted) {
        return "{\"seed\":" + seed + ",\"strategy\":\"" + strategy + "\",\"bound\":" + bound + ",\"accepted\":"
                + accepted + ",\"checkerOperations\":" + ops + "}";
    }

    /** Issue 16's figures: names alike in their first 37 characters stay apart; an empty archive is noted, not drawn. */
    @Test
    void scaleFiguresOfLongAlikeNames() throws Exception {
        String a = "eupu-global-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";
        String b = "eupu-global-max-diff-exact--attn-convex-chord--attn-err-max-diff";
        java.util.Map<String, java.util.List<double[]>> time = java.util.Map.of(a, java.util.List.of(new double[] {256, 1},
                new double[] {512, 4}), b, java.util.List.of(new double[] {256, 2}));
        Figures f = new Figures(dir);
        f.scale(time, java.util.Map.of(), java.util.Map.of(a, 2.0), time);
        assertTrue(f.outcomes().stream().allMatch(Figures.Outcome::written), f.outcomes().toString());
        assertTrue(Files.size(dir.resolve("scale-check-time.png")) > 1000 && Files.size(dir.resolve("scale-bound.svg")) > 1000);
        Figures none = new Figures(dir.resolve("none"));
        none.scale(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
        assertEquals("scale-check-time not drawn: no vocabulary measured", none.outcomes().get(0).line());
    }

    /** Issue 19, item 3: operations against unexplained dimension, log-log; zero coordinates are noted, not drawn. */
    @Test
    void proofCostOnLogLogAxes() throws Exception {
        Figures f = new Figures(dir);
        f.proofCost(new ObjectMapper().readTree("[]"));
        assertEquals("proof-cost-vs-unexplained-dimension not drawn: no accepted certificate with both coordinates positive",
                only(f).line());
        Figures g = new Figures(dir);
        g.proofCost(new ObjectMapper().readTree("[{\"strategy\":\"cubic\",\"accepted\":true,\"checkerOperations\":100,"
                + "\"unexplainedDimension\":12800},{\"strategy\":\"subcubic-maxdiff\",\"accepted\":true,"
                + "\"checkerOperations\":0,\"unexplainedDimension\":12800},{\"strategy\":\"cubic\",\"accepted\":false,"
                + "\"checkerOperations\":5,\"unexplainedDimension\":0}]"));
        Figures.Outcome drawn = only(g);
        assertTrue(drawn.written(), drawn.line());
        assertEquals("proof-cost-vs-unexplained-dimension: 1 accepted certificate(s) with a zero coordinate have no "
                + "place on the log axes", drawn.line());
        assertTrue(Files.size(dir.resolve("proof-cost-vs-unexplained-dimension.png")) > 1000);
    }

    @Test
    void frontierOfDegenerateRows() throws Exception {
        assertEquals("frontier not drawn: no accepted certificate", frontier("").line());
        assertEquals("frontier not drawn: no accepted certificate", frontier(row(1, "cubic", "0.5", 10, false)).line());
        Figures.Outcome single = frontier(row(1, "cubic", "0.5", 10, true));
        assertTrue(single.written() && single.note() == null, single.toString());
        assertTrue(frontier(row(1, "cubic", "0.5", 10, true) + "," + row(2, "cubic", "0.5", 10, true)).written(),
                "equal points: no range on either axis");
        Figures.Outcome zeros = frontier(row(1, "cubic", "0.0", 0, true) + "," + row(1, "brute-force", "0.0", 0, true));
        assertFalse(zeros.written());
        assertEquals("no point to draw: 2 accepted certificate(s) of 0 checker operations (nothing certified) have "
                + "no place on the log axis", zeros.note());
        Figures.Outcome nan = frontier(row(1, "cubic", "\"NaN\"", 10, true) + "," + row(1, "brute-force", "1.0", 20, true));
        assertTrue(nan.written());
        assertEquals("1 point(s) left out (a coordinate not finite, or not positive on the log axis)", nan.note());
    }

    private Figures.Outcome normalised(String rows, Object... models) throws Exception {
        Path m = dir.resolve("models");
        for (int i = 0; i < models.length; i += 2) {
            Files.createDirectories(m);
            org.compactproofs.generator.model.SafetensorsWriter.write((org.compactproofs.checker.model.Model) models[i + 1],
                    m.resolve("seed-" + models[i] + ".safetensors"));
        }
        Figures f = new Figures(dir);
        JsonNode json = new ObjectMapper().readTree("[" + rows + "]");
        f.normalisedBound(json, m);
        return only(f);
    }

    @Test
    void normalisedBoundOfDegenerateModels() throws Exception {
        var zero = OddModels.constant(3, 2, 2, 2, 0);
        var constant = OddModels.constant(3, 2, 2, 1, 1);
        var random = OddModels.random(4, 2, 3, 3, 9);
        assertEquals("normalised-bound-vs-svd not drawn: no seed has a brute-force bound or a sampled accuracy estimate",
                normalised(row(1, "cubic", "0.5", 10, true)).line());
        Figures.Outcome z = normalised(row(1, "brute-force", "0.0", 0, true) + "," + row(1, "cubic", "0.0", 0, true), 1, zero);
        assertFalse(z.written());
        assertTrue(z.note().contains("seed 1: its true accuracy is 0.0"), z.note());
        Figures.Outcome c = normalised(row(1, "brute-force", "0.5", 9, true) + "," + row(1, "cubic", "0.25", 9, true), 1, constant);
        assertFalse(c.written(), "sigma_2 = 0: an infinite ratio, no point");
        assertTrue(c.note().contains("seed 1: sigma_1, sigma_2 of EQKE are "), c.note());
        Figures.Outcome one = normalised(row(1, "brute-force", "0.5", 9, true) + "," + row(1, "cubic", "0.25", 9, true)
                + "," + row(2, "brute-force", "0.5", 9, true) + "," + row(2, "cubic", "0.25", 9, true), 1, constant, 2, random);
        assertTrue(one.written(), "one point, the constant model's left out: " + one);
        assertTrue(one.note().startsWith("1 seed(s) without a point (seed 1: sigma_1, sigma_2 of EQKE are "), one.note());
        Figures.Outcome estimate = normalised("{\"seed\":2,\"strategy\":\"cubic\",\"bound\":0.25,\"accepted\":true,"
                + "\"checkerOperations\":9,\"sampledAccuracyEstimate\":0.5}", 2, random);
        assertTrue(estimate.written() && estimate.note() == null, estimate.toString());
    }
}
