package org.compactproofs.generator.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;
import org.compactproofs.generator.strategy.grid.SingularVectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.XYStyler;

/**
 * The figures of {@code generator plot} and {@code generator demo}, as PNG and SVG: proof length against certified
 * bound (the paper's frontier), normalised bound against EQKE's singular-value ratio, and heatmaps of a model's
 * circuit tables. Each figure is either written or skipped with a one-line note saying why (nothing to draw, no
 * finite value); degenerate data (constant or zero tables, a single point, NaN, zero singular values, zeros on a
 * log axis) is handled here, before XChart sees it, because XChart throws on some of it (see {@link #heatmap}).
 */
public final class Figures {
    /** What became of one figure: written (a note if part of the data was left out) or skipped (the note says why). */
    public record Outcome(String name, boolean written, String note) {
        /** The one line a command prints for this figure, or null when there is nothing to say. */
        public String line() {
            return written ? note == null ? null : name + ": " + note : name + " not drawn: " + note;
        }
    }

    /** The strategies of the normalised-bound figure: ours, then the paper's best grid variant and ours. */
    static final List<String> SVD_STRATEGIES = List.of(Strategies.CUBIC.name(), Strategies.SUBCUBIC_UNION.name(),
            Strategies.SUBCUBIC_MAXDIFF.name(),
            "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact",
            "eupu-max-diff-exact--attn-mean-query+diff--attn-err-max-diff");

    private final Path out;
    private final List<Outcome> outcomes = new ArrayList<>();

    /** Figures written into {@code out} (created if missing). */
    public Figures(Path out) {
        System.setProperty("java.awt.headless", "true"); // before any AWT class is loaded: no display needed
        this.out = out;
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UnusableInputException(out + ": cannot create the directory: " + UnusableInputException.describe(e));
        }
    }

    /** Every figure so far, in the order drawn. */
    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The legend's group of a strategy: ours by name, the grid's variants in two groups. */
    public static String group(String strategy) {
        Strategy s = Strategies.named(strategy);
        return s == null || !s.grid() ? strategy : s.group() == Strategy.Group.OUR_GRID ? "grid variants (convex-chord, ours)"
                : "the paper's 100 grid variants (certified)";
    }

    /** The four circuit tables of a model as heatmaps, titled with {@code caption} (say "seed 123"). */
    public void heatmaps(Model m, String caption) {
        FloatCircuits c = FloatCircuits.of(m);
        heatmap("EQKE (query x key token), " + caption, c.eqke(), "heatmap-eqke");
        heatmap("EQKP (query token x key position), " + caption, c.eqkp(), "heatmap-eqkp");
        heatmap("EVOU (attended token x output), " + caption, c.evou(), "heatmap-evou");
        heatmap("PVOU (position x output), " + caption, c.pvou(), "heatmap-pvou");
    }

    /**
     * Proof length (checker operations, log scale) against certified bound, one point per accepted certificate of
     * the sweep's rows; certificates of no operations (nothing certified) have no place on a log axis.
     */
    public void frontier(JsonNode rows) {
        Map<String, List<double[]>> by = new LinkedHashMap<>();
        int none = 0;
        for (JsonNode r : rows) {
            if (r.path("accepted").asBoolean() && !(r.path("checkerOperations").asDouble() > 0)) {
                none++;
            } else if (r.path("accepted").asBoolean()) {
                by.computeIfAbsent(group(r.path("strategy").asText()), k -> new ArrayList<>())
                        .add(new double[] {r.path("bound").asDouble(Double.NaN), r.path("checkerOperations").asDouble()});
            }
        }
        String zero = none == 0 ? null : none + " accepted certificate(s) of 0 checker operations (nothing certified) "
                + "have no place on the log axis";
        scatter("frontier", "Proof length against certified bound, every seed and strategy", "certified accuracy bound",
                "checker operations (log scale)", true, by, s -> {
                    s.setSeriesColors(new java.awt.Color[] {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e),
                        new java.awt.Color(0x9467bd), new java.awt.Color(0x2ca02c), new java.awt.Color(0xd62728),
                        new java.awt.Color(0x8c564b), new java.awt.Color(0xbcbd22), new java.awt.Color(0x17becf),
                        new java.awt.Color(0xe377c2), new java.awt.Color(0x000000)}); // one colour per series
                    s.setMarkerSize(4);
                }, none == 0 ? "no accepted certificate" : "no point to draw", zero);
    }

    /**
     * The paper's cost figure: checker operations against the proof's unexplained dimension, both on log scales, one
     * point per accepted certificate (grouped as in {@link #frontier}). A certificate with a zero coordinate (no
     * operations, or a dimension of 0) has no place on a log axis: the note counts them.
     */
    public void proofCost(JsonNode rows) {
        Map<String, List<double[]>> by = new LinkedHashMap<>();
        int zero = 0;
        for (JsonNode r : rows) {
            if (!r.path("accepted").asBoolean()) {
                continue;
            }
            double dimension = r.path("unexplainedDimension").asDouble(Double.NaN), ops = r.path("checkerOperations").asDouble(Double.NaN);
            if (dimension == 0 || ops == 0) {
                zero++;
            } else {
                by.computeIfAbsent(group(r.path("strategy").asText()), k -> new ArrayList<>()).add(new double[] {dimension, ops});
            }
        }
        scatter("proof-cost-vs-unexplained-dimension", "Checker operations against unexplained dimension, every seed and "
                + "strategy", "unexplained dimension (log scale)", "checker operations (log scale)", true, by, s -> {
                    s.setXAxisLogarithmic(true);
                    s.setMarkerSize(4);
                }, "no accepted certificate with both coordinates positive",
                zero == 0 ? null : zero + " accepted certificate(s) with a zero coordinate have no place on the log axes");
    }

    /**
     * Issue 16's figures: check seconds against v on log-log axes, one colour per strategy, measured means filled and
     * joined (the legend gives the exponent in {@code exponents}), estimates hollow; and the mean certified bound against
     * v (log x). Points not finite or not positive are left out with a note.
     */
    public void scale(Map<String, List<double[]>> checkSeconds, Map<String, List<double[]>> estimated,
                      Map<String, Double> exponents, Map<String, List<double[]>> bounds) {
        java.awt.Color[] colours = {new java.awt.Color(0x1f77b4), new java.awt.Color(0xff7f0e), new java.awt.Color(0x2ca02c),
            new java.awt.Color(0xd62728), new java.awt.Color(0x9467bd), new java.awt.Color(0x8c564b), new java.awt.Color(0x17becf)};
        List<String> names = new ArrayList<>(checkSeconds.keySet());
        estimated.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add);
        XYChart time = new XYChartBuilder().width(1000).height(650).title("Check time against vocabulary (Max-of-4; "
                + "filled: measured means, hollow: estimates)").xAxisTitle("vocabulary v (log scale)")
                .yAxisTitle("check seconds, one thread (log scale)").build();
        time.getStyler().setXAxisLogarithmic(true);
        time.getStyler().setYAxisLogarithmic(true);
        XYChart bound = new XYChartBuilder().width(1000).height(650).title("Certified bound against vocabulary (Max-of-4, "
                + "means over seeds)").xAxisTitle("vocabulary v (log scale)").yAxisTitle("certified accuracy bound").build();
        bound.getStyler().setXAxisLogarithmic(true);
        int dropped = 0;
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            java.awt.Color colour = colours[i % colours.length];
            Double e = exponents.get(n);
            String label = n.length() > 40 ? n.substring(0, 37) + "..." : n;
            if (time.getSeriesMap().containsKey(label) || bound.getSeriesMap().containsKey(label)) {
                label = n; // two names alike in their first 37 characters: XChart needs unique series names
            }
            dropped += series(time, label + (e == null || e.isNaN() ? "" : String.format(Locale.ROOT, " (fitted v^%.2f)", e)),
                    checkSeconds.getOrDefault(n, List.of()), true, colour, new org.knowm.xchart.style.markers.Circle());
            dropped += series(time, label + " (estimate)", estimated.getOrDefault(n, List.of()), true, colour, new Hollow());
            dropped += series(bound, label, bounds.getOrDefault(n, List.of()), false, colour, new org.knowm.xchart.style.markers.Circle());
        }
        String note = dropped == 0 ? null : dropped + " point(s) left out (not finite, or not positive on a log axis)";
        if (time.getSeriesMap().isEmpty()) {
            skip("scale-check-time", "no vocabulary measured");
            skip("scale-bound", "no vocabulary measured");
            return;
        }
        save(time, "scale-check-time", note);
        save(bound, "scale-bound", note);
    }

    /** Adds the usable points as one joined series; returns how many were left out. */
    private static int series(XYChart chart, String name, List<double[]> points, boolean logY, java.awt.Color colour,
                              org.knowm.xchart.style.markers.Marker marker) {
        List<double[]> ok = points.stream().filter(p -> Double.isFinite(p[0]) && p[0] > 0 && Double.isFinite(p[1])
                && (!logY || p[1] > 0)).sorted(java.util.Comparator.comparingDouble(p -> p[0])).toList();
        if (!ok.isEmpty()) {
            XYSeries s = chart.addSeries(name, ok.stream().mapToDouble(p -> p[0]).toArray(), ok.stream().mapToDouble(p -> p[1]).toArray());
            s.setLineColor(colour);
            s.setMarkerColor(colour);
            s.setMarker(marker);
            if (marker instanceof Hollow) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            }
        }
        return points.size() - ok.size();
    }

    /** An unfilled circle: the estimates' marker. */
    private static final class Hollow extends org.knowm.xchart.style.markers.Marker {
        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int size) {
            g.setStroke(new java.awt.BasicStroke(1.5f));
            g.draw(new java.awt.geom.Ellipse2D.Double(x - size / 2.0, y - size / 2.0, size, size));
        }
    }

    /**
     * Normalised bound (bound / brute force; where brute force is out of reach, bound / the sampled accuracy
     * estimate) against sigma_1 / sigma_2 of EQKE, per seed, the seeds' models read from {@code models}
     * ({@code seed-N.safetensors}). A seed whose ratio or normalised bound is not a finite number (sigma_2 = 0, a
     * true accuracy of 0) has no point; the note says so.
     */
    public void normalisedBound(JsonNode rows, Path models) {
        Map<Long, Double> truth = new LinkedHashMap<>();
        boolean exact = false;
        for (JsonNode r : rows) {
            if (r.path("strategy").asText().equals(Strategies.BRUTE_FORCE.name()) && r.path("accepted").asBoolean()) {
                truth.put(r.path("seed").asLong(), r.path("bound").asDouble(Double.NaN));
                exact = true;
            }
        }
        for (JsonNode r : exact ? List.<JsonNode>of() : rows) {
            if (r.has("sampledAccuracyEstimate")) {
                truth.put(r.path("seed").asLong(), r.get("sampledAccuracyEstimate").asDouble(Double.NaN));
            }
        }
        Map<Long, Double> ratio = new LinkedHashMap<>();
        List<String> unplotted = new ArrayList<>();
        for (Map.Entry<Long, Double> t : truth.entrySet()) {
            long s = t.getKey();
            Model m = ModelReader.read(models.resolve("seed-" + s + ".safetensors")).model();
            double[] sigma = SingularVectors.values(FloatCircuits.of(m).eqke(), 2);
            if (!(t.getValue() > 0 && Double.isFinite(t.getValue()))) {
                unplotted.add("seed " + s + ": its " + (exact ? "true accuracy" : "sampled accuracy") + " is " + t.getValue());
            } else if (!(sigma[1] > 0) || !Double.isFinite(sigma[0] / sigma[1])) {
                unplotted.add("seed " + s + ": sigma_1, sigma_2 of EQKE are " + fmt(sigma[0]) + ", " + fmt(sigma[1]));
            } else {
                ratio.put(s, sigma[0] / sigma[1]);
            }
        }
        Map<String, List<double[]>> series = new LinkedHashMap<>();
        for (String strategy : SVD_STRATEGIES) {
            List<double[]> pts = new ArrayList<>();
            for (JsonNode r : rows) {
                long s = r.path("seed").asLong();
                if (r.path("strategy").asText().equals(strategy) && ratio.containsKey(s)) {
                    pts.add(new double[] {ratio.get(s), r.path("bound").asDouble(Double.NaN) / truth.get(s)});
                }
            }
            if (!pts.isEmpty()) {
                series.put(strategy.length() > 40 ? "grid: " + strategy.replace("eupu-", "").replace("--attn-", " / ")
                        : strategy, pts);
            }
        }
        String why = truth.isEmpty() ? "no seed has a brute-force bound or a sampled accuracy estimate"
                : "no seed has both a finite singular-value ratio and a positive accuracy";
        String remark = unplotted.isEmpty() ? null : unplotted.size() + " seed(s) without a point ("
                + String.join("; ", unplotted.subList(0, Math.min(3, unplotted.size()))) + (unplotted.size() > 3 ? "; ..." : "") + ")";
        scatter("normalised-bound-vs-svd", "Normalised bound against how close EQKE is to rank one",
                "sigma_1 / sigma_2 of EQKE", exact ? "certified bound / true accuracy"
                        : "certified bound / sampled accuracy estimate", false, series, s -> {
                    s.setMarkerSize(5);
                    s.setXAxisDecimalPattern("#");
                    s.setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
                }, why, remark);
    }

    /**
     * A scatter plot of named series of (x, y) points; points that cannot be drawn (a coordinate not finite, or
     * y <= 0 on a log axis) are left out and counted in the note, and a figure without any point is skipped (the
     * note says {@code whyEmpty}). {@code remark}, if not null, says what the caller left out.
     */
    private void scatter(String name, String title, String xTitle, String yTitle, boolean logY,
                         Map<String, List<double[]>> series, Consumer<XYStyler> style, String whyEmpty, String remark) {
        XYChart chart = new XYChartBuilder().width(1000).height(650).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        style.accept(chart.getStyler());
        int dropped = 0, drawn = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> ok = new ArrayList<>();
            for (double[] p : e.getValue()) {
                if (Double.isFinite(p[0]) && Double.isFinite(p[1]) && (!logY || p[1] > 0)
                        && (!chart.getStyler().isXAxisLogarithmic() || p[0] > 0)) {
                    ok.add(p);
                } else {
                    dropped++;
                }
            }
            if (!ok.isEmpty()) {
                chart.addSeries(e.getKey(), ok.stream().mapToDouble(p -> p[0]).toArray(), ok.stream().mapToDouble(p -> p[1]).toArray());
                drawn += ok.size();
            }
        }
        List<String> notes = new ArrayList<>();
        if (remark != null) {
            notes.add(remark);
        }
        if (dropped > 0) {
            notes.add(dropped + " point(s) left out (a coordinate not finite" + (logY ? ", or not positive on the log axis)" : ")"));
        }
        String note = notes.isEmpty() ? null : String.join("; ", notes);
        if (drawn == 0) {
            skip(name, whyEmpty + (note == null ? "" : ": " + note));
        } else {
            save(chart, name, note);
        }
    }

    /**
     * A heatmap of a table (rows bottom to top). XChart's heatmap colours a value v by (v - min) / (max - min) over
     * its series' range and indexes its colour table with that ratio times (colours - 1): a ratio that rounds to 1
     * for v below max indexes past the table's end. Its own range starts max at Double.MIN_VALUE (the least
     * positive double), so a table whose largest value is 0 puts every 0 there (issue 14: EVOU of a model whose
     * largest EVOU entry is 0), and a value just below max may round there too. So the range is set here, to the
     * table's finite minimum and maximum, and a value whose distance to the minimum rounds to the maximum's is
     * drawn as the maximum (the same colour); then every ratio is below 1 - 2^-53 and the index below 2. Infinite
     * cells are drawn at the ends of the range, NaN cells are left blank (with a note); a table without a finite
     * value is skipped.
     */
    void heatmap(String title, double[][] table, String name) {
        int rows = table.length, cols = rows == 0 ? 0 : table[0].length;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        int nan = 0, infinite = 0;
        for (double[] row : table) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                } else if (Double.isNaN(v)) {
                    nan++;
                } else {
                    infinite++;
                }
            }
        }
        if (rows == 0 || cols == 0) {
            skip(name, "the table is empty");
            return;
        }
        if (lo > hi) {
            skip(name, "the table has no finite value");
            return;
        }
        if (!Double.isFinite(hi - lo)) {
            skip(name, "its values span more than a double can (from " + lo + " to " + hi + ")");
            return;
        }
        List<Integer> x = new ArrayList<>(), y = new ArrayList<>();
        for (int j = 0; j < cols; j++) {
            x.add(j);
        }
        for (int i = 0; i < rows; i++) {
            y.add(i);
        }
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double v = table[i][j];
                if (Double.isNaN(v)) {
                    continue; // a blank cell
                }
                v = v >= hi || v - lo >= hi - lo ? hi : v <= lo ? lo : v;
                cells.add(new Number[] {j, i, v});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(800).height(700).title(title)
                .xAxisTitle("column").yAxisTitle("row").build();
        chart.getStyler().setPlotContentSize(1);
        chart.getStyler().setShowValue(false);
        if (chart.getStyler().getRangeColors().length != 3) { // the bound on the colour index above assumes 3
            chart.getStyler().setRangeColors(new java.awt.Color[] {new java.awt.Color(255, 165, 0),
                new java.awt.Color(255, 69, 0), new java.awt.Color(139, 0, 0)});
        }
        HeatMapSeries series = chart.addSeries(name, x, y, cells);
        series.setMin(lo);
        series.setMax(hi);
        List<String> notes = new ArrayList<>();
        if (nan > 0) {
            notes.add(nan + " NaN cell(s) left blank");
        }
        if (infinite > 0) {
            notes.add(infinite + " infinite cell(s) drawn at the end of the range");
        }
        save(chart, name, notes.isEmpty() ? null : String.join("; ", notes));
    }

    /** Writes name.png and name.svg; a chart XChart cannot draw is skipped with a note, never a crash. */
    private void save(Chart<?, ?> chart, String name, String note) {
        String file = out.resolve(name).toString();
        try {
            BitmapEncoder.saveBitmap(chart, file, BitmapEncoder.BitmapFormat.PNG);
            VectorGraphicsEncoder.saveVectorGraphic(chart, file, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UnusableInputException(file + ": cannot write the figure: " + UnusableInputException.describe(e));
        } catch (RuntimeException e) { // XChart's own limits on data we could not foresee: this figure only
            skip(name, "XChart could not draw it (" + e + ")");
            return;
        }
        outcomes.add(new Outcome(name, true, note));
    }

    /** Records a skipped figure and removes its files from an earlier run, which would no longer match the data. */
    private void skip(String name, String why) {
        try {
            Files.deleteIfExists(out.resolve(name + ".png"));
            Files.deleteIfExists(out.resolve(name + ".svg"));
        } catch (IOException e) {
            throw new UnusableInputException(out.resolve(name) + ": cannot remove the old figure: "
                    + UnusableInputException.describe(e));
        }
        outcomes.add(new Outcome(name, false, why));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
