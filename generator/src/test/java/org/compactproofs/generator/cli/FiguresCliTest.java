package org.compactproofs.generator.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactproofs.checker.RepositoryFiles;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.report.OddModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generator demo} and {@code generator plot} on models of odd shapes the checker accepts (vocabularies 2 to
 * 8, contexts 1, 2, 4 and 20, zero and constant weights, an EQKE of rank one, an EVOU whose largest entry is 0):
 * exit 0, and every figure written (PNG and SVG) or skipped with a one-line note naming it, never a crash.
 */
class FiguresCliTest {
    @TempDir
    Path dir;

    static final List<String> HEATMAPS = List.of("heatmap-eqke", "heatmap-eqkp", "heatmap-evou", "heatmap-pvou");
    static final List<String> FIGURES = List.of("frontier", "proof-cost-vs-unexplained-dimension", "normalised-bound-vs-svd", "heatmap-eqke", "heatmap-eqkp",
            "heatmap-evou", "heatmap-pvou");

    private static Path checkerJar() {
        Path jar = RepositoryFiles.root().resolve("checker/target/checker.jar");
        assumeTrue(Files.isRegularFile(jar), "needs the packaged checker jar (mvn verify builds it first)");
        return jar;
    }

    private Path write(Model m, Path file) throws Exception {
        Files.createDirectories(file.getParent());
        SafetensorsWriter.write(m, file);
        return file;
    }

    /** Each figure has both files, or a note "note: NAME not drawn: ..." (and no files); no internal error. */
    private static void everyFigureWrittenOrNoted(CliRun run, Path out, List<String> figures) throws Exception {
        assertEquals(0, run.exitCode(), run.toString());
        assertFalse(run.stderr().contains("internal error") || run.stderr().contains("Exception"), run.toString());
        for (String f : figures) {
            boolean png = Files.isRegularFile(out.resolve(f + ".png")), svg = Files.isRegularFile(out.resolve(f + ".svg"));
            boolean noted = run.stderr().contains("note: " + f + " not drawn: ");
            assertTrue(png && svg && !noted || !png && !svg && noted, f + ": png " + png + ", svg " + svg + "\n" + run);
            if (png) {
                assertTrue(Files.size(out.resolve(f + ".png")) > 1000, f);
            }
        }
    }

    /** The real demo, every strategy, on an 8-token d_model 12 model whose EVOU peaks at exactly 0. */
    @Test
    @Timeout(120)
    void demoDrawsEveryHeatmapOfAnEightTokenModel() throws Exception {
        Path jar = checkerJar();
        Model m = OddModels.evouPeaksAtZero();
        double[][] evou = FloatCircuits.of(m).evou();
        assertEquals(0.0, Arrays.stream(evou).flatMapToDouble(Arrays::stream).max().getAsDouble(), "the crash's shape");
        assertTrue(Arrays.stream(evou).flatMapToDouble(Arrays::stream).min().getAsDouble() < 0);
        Path model = write(m, dir.resolve("evou-peaks-at-zero.safetensors")), out = dir.resolve("demo");
        CliRun run = CliRun.of(new GeneratorMain(), "demo", model.toString(), "--checker", jar.toString(), "--out", out.toString());
        everyFigureWrittenOrNoted(run, out, HEATMAPS);
        assertTrue(run.stdout().contains("160 strategies, 160 certificates accepted"), run.stdout());
        for (String h : HEATMAPS) {
            assertTrue(Files.isRegularFile(out.resolve(h + ".png")), h + " is drawable: " + run);
        }
    }

    /**
     * The models of the odd shapes: name, model. Vocabularies 2 to 8, contexts 1, 2, 20; zero, constant, EQKE of
     * rank one, EVOU at most 0 with a 0.
     */
    static List<Object[]> oddShapes() {
        List<Object[]> shapes = new ArrayList<>();
        shapes.add(new Object[] {"zero-v2-k1", OddModels.constant(2, 1, 1, 1, 0)});
        shapes.add(new Object[] {"constant-v3-k2", OddModels.constant(3, 2, 2, 1, 1)}); // every table constant, EQKE of rank one
        shapes.add(new Object[] {"negative-v4-k1", OddModels.constant(4, 1, 3, 2, -0.5)});
        shapes.add(new Object[] {"random-v5-k2", OddModels.random(5, 2, 4, 4, 5)});
        shapes.add(new Object[] {"random-v6-k1", OddModels.random(6, 1, 3, 1, 6)}); // d_head 1: EQKE of rank one
        shapes.add(new Object[] {"random-v7-k2", OddModels.random(7, 2, 12, 12, 7)});
        shapes.add(new Object[] {"random-v2-k20", OddModels.random(2, 20, 2, 2, 2)});
        shapes.add(new Object[] {"zero-v8-k20", OddModels.constant(8, 20, 2, 2, 0)});
        shapes.add(new Object[] {"evou-peaks-at-zero-v3-k1", OddModels.evouPeaksAtZero(3, 1, 2)});
        shapes.add(new Object[] {"evou-peaks-at-zero-v6-k20", OddModels.evouPeaksAtZero(6, 20, 3)});
        return shapes;
    }

    /** The demo (three strategies, brute force where feasible) on every odd shape: exit 0, heatmaps drawn or noted. */
    @Test
    @Timeout(120)
    void demoOnOddShapes() throws Exception {
        Path jar = checkerJar();
        for (Object[] s : oddShapes()) {
            Path model = write((Model) s[1], dir.resolve("models/" + s[0] + ".safetensors")), out = dir.resolve("demo-" + s[0]);
            CliRun run = CliRun.of(new GeneratorMain(), "demo", model.toString(), "--checker", jar.toString(),
                    "--out", out.toString(), "--strategies", "brute-force,cubic,subcubic-union");
            everyFigureWrittenOrNoted(run, out, HEATMAPS);
        }
    }

    /**
     * {@code plot} of sweeps of contexts 1, 2 and 20 over the odd shapes, from results rows written here (the
     * plotting reads only the rows and the models): figures drawn, or skipped with a note, for a sweep of only zero
     * models (nothing certified, no singular-value ratio), of a constant model (sigma_2 = 0: an infinite ratio,
     * which XChart refuses), of a single point, and with heatmaps of every seed.
     */
    @Test
    @Timeout(120)
    void plotOnOddShapes() throws Exception {
        List<Object[]> shapes = oddShapes();
        for (int k : new int[] {1, 2, 20}) {
            Path models = dir.resolve("models/max-of-" + k);
            StringBuilder rows = new StringBuilder("{\"format\":\"compact-proofs results 1\",\"context\":" + k + ",\"results\":[\n");
            long seed = 0;
            List<Long> seeds = new ArrayList<>();
            for (Object[] s : shapes) {
                Model m = (Model) s[1];
                if (m.context() != k) {
                    continue;
                }
                seed++;
                seeds.add(seed);
                write(m, models.resolve("seed-" + seed + ".safetensors"));
                boolean zero = s[0].toString().startsWith("zero");
                double truth = zero ? 0 : 0.5 + 0.01 * seed;
                for (String strategy : List.of("brute-force", "cubic", "subcubic-union", "subcubic-maxdiff")) {
                    double bound = strategy.equals("brute-force") ? truth : truth * 0.8;
                    long ops = zero ? 0 : strategy.equals("brute-force") ? 5000 : 700;
                    rows.append(rows.charAt(rows.length() - 2) == '[' ? "" : ",\n").append(String.format(java.util.Locale.ROOT,
                            "{\"seed\":%d,\"strategy\":\"%s\",\"bound\":%s,\"accepted\":true,\"checkerOperations\":%d}",
                            seed, strategy, bound, ops));
                }
            }
            Path results = dir.resolve("results/max-of-" + k + ".json");
            Files.createDirectories(results.getParent());
            Files.writeString(results, rows.append("\n]}\n"));
            for (long s : seeds) { // the heatmaps of every seed, each with the frontier and the normalised bound
                Path out = dir.resolve("plots/max-of-" + k + "/seed-" + s);
                CliRun run = CliRun.of(new GeneratorMain(), "plot", "--context", "" + k, "--results", results.toString(),
                        "--models", models.toString(), "--out", out.toString(), "--seed", "" + s);
                everyFigureWrittenOrNoted(run, out, FIGURES);
                for (String h : HEATMAPS) {
                    assertTrue(Files.isRegularFile(out.resolve(h + ".png")), h + " of seed " + s + " of K = " + k + ": " + run);
                }
                if (k == 20) { // two random-ish models and a zero one: the zero seed noted
                    assertTrue(Files.isRegularFile(out.resolve("normalised-bound-vs-svd.png")), run.toString());
                    assertTrue(run.stderr().contains("1 seed(s) without a point (seed 2: its true accuracy is 0.0)"), run.stderr());
                    assertTrue(run.stderr().contains("4 accepted certificate(s) of 0 checker operations"), run.stderr());
                }
                if (k == 2) { // a constant model (sigma_2 = 0) and a random one
                    assertTrue(Files.isRegularFile(out.resolve("normalised-bound-vs-svd.png")), run.toString());
                    assertTrue(run.stderr().contains("(seed 1: sigma_1, sigma_2 of EQKE are "), run.stderr());
                }
            }
        }
        // a sweep of zero models only: nothing certified, no singular-value ratio; the heatmaps are still drawn
        Path models = dir.resolve("models/zeros");
        write(OddModels.constant(3, 2, 2, 2, 0), models.resolve("seed-1.safetensors"));
        Path results = dir.resolve("results/zeros.json"), out = dir.resolve("plots/zeros");
        Files.writeString(results, "{\"results\":[{\"seed\":1,\"strategy\":\"brute-force\",\"bound\":0.0,"
                + "\"accepted\":true,\"checkerOperations\":0}]}");
        Files.createDirectories(out);
        Files.writeString(out.resolve("frontier.png"), "a figure of an earlier run");
        CliRun run = CliRun.of(new GeneratorMain(), "plot", "--context", "2", "--results", results.toString(),
                "--models", models.toString(), "--out", out.toString());
        everyFigureWrittenOrNoted(run, out, FIGURES);
        assertTrue(run.stderr().contains("note: frontier not drawn: no point to draw: 1 accepted certificate(s) of 0 "
                + "checker operations"), run.stderr());
        assertTrue(run.stderr().contains("note: normalised-bound-vs-svd not drawn: "), run.stderr());
        assertFalse(Files.exists(out.resolve("frontier.png")), "a skipped figure leaves no stale file of an earlier run");
        // results that are not a sweep's: unusable input
        Files.writeString(results, "[1, 2");
        CliRun bad = CliRun.of(new GeneratorMain(), "plot", "--results", results.toString(), "--models", models.toString(),
                "--out", out.toString());
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.stderr().contains(results.toString()), bad.stderr());
    }
}
