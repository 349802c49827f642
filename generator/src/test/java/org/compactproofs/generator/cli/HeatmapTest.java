package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.model.ModelReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's heatmaps of the hand-built external model: one of its circuit tables has largest entry 0 and the rest
 * negative, which XChart's own colour range (its maximum starts at Double.MIN_VALUE) maps past the end of the scale.
 */
class HeatmapTest {
    @TempDir
    Path dir;

    @Test
    void craftedModelsHeatmapsAreDrawn() throws Exception {
        System.setProperty("java.awt.headless", "true");
        org.compactproofs.generator.report.Figures figures = new org.compactproofs.generator.report.Figures(dir);
        figures.heatmaps(ModelReader.read(RepositoryFiles.craftedFixture()).model(), "crafted-max-of-4-vocab8");
        for (String table : new String[] {"eqke", "eqkp", "evou", "pvou"}) {
            assertTrue(Files.size(dir.resolve("heatmap-" + table + ".png")) > 0, table);
            assertTrue(Files.size(dir.resolve("heatmap-" + table + ".svg")) > 0, table);
        }
    }
}
