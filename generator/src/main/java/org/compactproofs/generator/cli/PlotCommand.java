package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.GridVariant;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.grid.SingularVectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The figures of docs/results.md (K = 4, in docs/plots/) and docs/results-max-of-K.md (in docs/plots/max-of-K/),
 * as PNG and SVG, from the sweep's JSON: proof length against certified bound
 * (the paper's frontier), normalised bound against EQKE's singular-value ratio, and heatmaps of one seed's
 * circuit tables.
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Write the figures (PNG and SVG) from certificates/results/max-of-K.json into docs/plots/ (K = 4) "
                + "or docs/plots/max-of-K/.")
final class PlotCommand implements Callable<Integer> {
    @Option(names = "--context", defaultValue = "4", description = "Context length K of the sweep to plot (default: ${DEFAULT-VALUE}).")
    int context;
    @Option(names = "--results", description = "The sweep's results (default: certificates/results/max-of-K.json).")
    Path results;
    @Option(names = "--models", description = "Model directory (default: certificates/models/max-of-K).")
    Path models;
    @Option(names = "--out", description = "Output directory (default: docs/plots for K = 4, docs/plots/max-of-K otherwise).")
    Path out;
    @Option(names = "--seed", description = "The seed of the heatmaps (default: 123 if swept, else the smallest seed).")
    Long seed;
    /** The heatmaps' model as their titles name it (default: "seed N"); the demo sets it for a model without a seed. */
    String modelLabel;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        String task = SweepCommand.task(context);
        results = results != null ? results : Path.of("certificates/results/" + task + ".json");
        models = models != null ? models : Path.of("certificates/models/" + task);
        out = out != null ? out : Path.of(context == 4 ? "docs/plots" : "docs/plots/" + task);
        if (!Files.exists(results)) {
            throw new UnusableInputException(results + ": no results (run generator sweep"
                    + (context == 4 ? "" : " --context " + context) + " first)");
        }
        Files.createDirectories(out);
        JsonNode rows = new ObjectMapper().readTree(results.toFile()).get("results");
        frontier(rows);
        singularValues(rows);
        if (seed == null) {
            java.util.Set<Long> seeds = new java.util.TreeSet<>();
            rows.forEach(r -> seeds.add(r.get("seed").asLong()));
            seed = ResultsReport.heatmapSeed(seeds);
        }
        heatmaps(ModelReader.read(models.resolve("seed-" + seed + ".safetensors")).model());
        System.out.println("wrote the figures to " + out);
        return 0;
    }

    /** The legend's group of a strategy: ours by name, the grid's variants in two groups. */
    static String group(String strategy) {
        GridVariant g = GridVariant.parse(strategy);
        return g == null ? strategy : g.ours() ? "grid variants (convex-chord, ours)" : "the paper's 100 grid variants (certified)";
    }

    private void frontier(JsonNode rows) throws IOException {
        XYChart chart = new XYChartBuilder().width(1000).height(650).title("Proof length against certified bound, every seed and strategy")
                .xAxisTitle("certified accuracy bound").yAxisTitle("checker operations (log scale)").build();
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setSeriesColors(new java.awt.Color[] {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e),
            new java.awt.Color(0x9467bd), new java.awt.Color(0x2ca02c), new java.awt.Color(0xd62728), new java.awt.Color(0x8c564b)});
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(4);
        Map<String, List<double[]>> by = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            if (r.get("accepted").asBoolean() && r.get("checkerOperations").asLong() > 0) {
                by.computeIfAbsent(group(r.get("strategy").asText()), k -> new ArrayList<>())
                        .add(new double[] {r.get("bound").asDouble(), r.get("checkerOperations").asDouble()});
            }
        }
        by.forEach((name, pts) -> chart.addSeries(name, pts.stream().mapToDouble(p -> p[0]).toArray(),
                pts.stream().mapToDouble(p -> p[1]).toArray()));
        save(chart, "frontier");
    }

    /**
     * Normalised bound (bound / brute force; where brute force is out of reach, bound / the sampled accuracy
     * estimate) against sigma_1 / sigma_2 of EQKE, per seed.
     */
    private void singularValues(JsonNode rows) throws IOException {
        Map<Long, Double> truth = new LinkedHashMap<>();
        boolean exact = false;
        for (JsonNode r : rows) {
            if (r.get("strategy").asText().equals("brute-force")) {
                truth.put(r.get("seed").asLong(), r.get("bound").asDouble());
                exact = true;
            }
        }
        for (JsonNode r : exact ? List.<JsonNode>of() : rows) {
            if (r.has("sampledAccuracyEstimate")) {
                truth.put(r.get("seed").asLong(), r.get("sampledAccuracyEstimate").asDouble());
            }
        }
        Map<Long, Double> ratio = new LinkedHashMap<>();
        for (long s : truth.keySet()) {
            FloatCircuits c = FloatCircuits.of(ModelReader.read(models.resolve("seed-" + s + ".safetensors")).model());
            double[] sigma = SingularVectors.values(c.eqke(), 2);
            ratio.put(s, sigma[0] / sigma[1]);
        }
        XYChart chart = new XYChartBuilder().width(1000).height(650)
                .title("Normalised bound against how close EQKE is to rank one")
                .xAxisTitle("sigma_1 / sigma_2 of EQKE").yAxisTitle(exact ? "certified bound / true accuracy"
                        : "certified bound / sampled accuracy estimate").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setXAxisDecimalPattern("#");
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        for (String strategy : List.of("cubic", "subcubic-union", "subcubic-maxdiff",
                "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact",
                "eupu-max-diff-exact--attn-mean-query+diff--attn-err-max-diff")) {
            List<double[]> pts = new ArrayList<>();
            for (JsonNode r : rows) {
                long s = r.get("seed").asLong();
                if (r.get("strategy").asText().equals(strategy) && ratio.containsKey(s)) {
                    pts.add(new double[] {ratio.get(s), r.get("bound").asDouble() / truth.get(s)});
                }
            }
            if (!pts.isEmpty()) {
                chart.addSeries(strategy.length() > 40 ? "grid: " + strategy.replace("eupu-", "").replace("--attn-", " / ") : strategy,
                        pts.stream().mapToDouble(p -> p[0]).toArray(), pts.stream().mapToDouble(p -> p[1]).toArray());
            }
        }
        save(chart, "normalised-bound-vs-svd");
    }

    void heatmaps(Model m) throws IOException {
        FloatCircuits c = FloatCircuits.of(m);
        heatmap("EQKE (query x key token)", c.eqke(), "heatmap-eqke");
        heatmap("EQKP (query token x key position)", c.eqkp(), "heatmap-eqkp");
        heatmap("EVOU (attended token x output)", c.evou(), "heatmap-evou");
        heatmap("PVOU (position x output)", c.pvou(), "heatmap-pvou");
    }

    private void heatmap(String title, double[][] table, String name) throws IOException {
        int rows = table.length, cols = table[0].length;
        int[] x = new int[cols], y = new int[rows];
        for (int j = 0; j < cols; j++) {
            x[j] = j;
        }
        for (int i = 0; i < rows; i++) {
            y[i] = i;
        }
        // XChart's own range starts its maximum at Double.MIN_VALUE (positive), so on a table whose largest entry is
        // 0 and the rest negative a zero maps to the colour index one past the end: give the series the true range,
        // and an entry below the maximum whose position on the scale rounds to its end the maximum itself.
        double lo = java.util.Arrays.stream(table).flatMapToDouble(java.util.Arrays::stream).min().getAsDouble();
        double hi = java.util.Arrays.stream(table).flatMapToDouble(java.util.Arrays::stream).max().getAsDouble();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = table[i][j];
                cells.add(new Number[] {j, i, hi > lo && (v - lo) / (hi - lo) >= 1 ? hi : v});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(800).height(700)
                .title(title + ", " + (modelLabel != null ? modelLabel : "seed " + seed)).xAxisTitle("column").yAxisTitle("row").build();
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setShowValue(false);
        chart.addSeries(name, toList(x), toList(y), cells).setMin(lo).setMax(hi);
        save(chart, name);
    }

    private static List<Integer> toList(int[] a) {
        List<Integer> out = new ArrayList<>();
        for (int v : a) {
            out.add(v);
        }
        return out;
    }

    private void save(Chart<?, ?> chart, String name) throws IOException {
        BitmapEncoder.saveBitmap(chart, out.resolve(name).toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, out.resolve(name).toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
    }
}
