package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.compactproofs.generator.bench.ScalingBench;
import org.compactproofs.generator.strategy.Strategies;

/**
 * The evidence of docs/results-scale.md and its figures (issue 16): per vocabulary and strategy, the means over
 * seeds of every larger vocabulary's sweep ({@code results/max-of-4-vocab-V.json}) with vocabulary 64's 151 seeds
 * ({@code results/max-of-4.json}) for reference, and ESTIMATES where a strategy is out of reach: the cubic proof
 * from slices ({@code results/scale-estimates.json}, {@code generator bench scale-estimates}), brute force
 * extrapolated as v^5 (v^4 inputs, O(v) each) from the largest vocabulary where it was run.
 */
public record ScaleResults(List<Cell> measured, List<Estimate> estimates, List<Quiet> quiet) {
    /** The vocabularies whose fitted exponents the page reports (issue 16: from 256 to 2,048). */
    public static final int FIT_FROM = 256;
    /** The vocabulary of results/max-of-4.json, shown for reference. */
    public static final int REFERENCE_VOCAB = 64;

    /** A strategy at a vocabulary, over its seeds (means unless said): what was run and measured. */
    public record Cell(int vocab, String strategy, int seeds, double boundMean, double boundMin, double boundMax,
                       double sampledAccuracy, double generateSeconds, double checkSeconds, double checkerOperations,
                       double gzipBytes, BigInteger unexplainedDimension, int archived) {}

    /**
     * An archived certificate checked again by {@code generator bench scale-estimates}, one at a time on an otherwise
     * idle machine (the sweep's checks run two at once): the quieter figure for the goals and the fits.
     */
    public record Quiet(int vocab, String strategy, double checkSeconds) {}

    /** An ESTIMATE of a strategy out of reach at a vocabulary: seconds on one thread, and how it was obtained. */
    public record Estimate(int vocab, String strategy, double generateSeconds, double checkSeconds, String method) {}

    private static final Pattern TASK = Pattern.compile("max-of-4-vocab-([1-9][0-9]*)\\.json");

    /** Everything under the archive's {@code results/}. */
    public static ScaleResults read(Path archiveRoot) throws IOException {
        Path results = archiveRoot.resolve("results");
        List<Cell> cells = new ArrayList<>();
        Path reference = results.resolve("max-of-4.json");
        if (Files.exists(reference)) {
            cells.addAll(cells(REFERENCE_VOCAB, reference, StrategySelection.MAIN_STRATEGIES));
        }
        try (Stream<Path> files = Files.list(results)) {
            for (Path f : files.sorted().toList()) {
                Matcher m = TASK.matcher(f.getFileName().toString());
                if (m.matches()) {
                    cells.addAll(cells(Integer.parseInt(m.group(1)), f, null));
                }
            }
        }
        cells.sort(Comparator.comparingInt(Cell::vocab).thenComparingInt(c -> order(c.strategy())));
        Path bench = results.resolve("scale-estimates.json");
        List<Estimate> estimates = new ArrayList<>(cubicEstimates(bench));
        estimates.addAll(bruteForceEstimates(cells));
        estimates.sort(Comparator.comparingInt(Estimate::vocab).thenComparingInt(e -> order(e.strategy())));
        List<Quiet> quiet = new ArrayList<>();
        if (Files.exists(bench)) {
            for (JsonNode e : new ObjectMapper().readTree(bench.toFile()).path("estimates")) {
                e.path("subcubic").forEach(m -> quiet.add(new Quiet(e.path("vocab").asInt(), m.path("strategy").asText(),
                        m.path("checkSeconds").asDouble())));
            }
        }
        return new ScaleResults(cells, estimates, quiet);
    }

    /** One of the sweep's main strategies: the figures, the main table and the fits are about these. */
    static boolean main(String strategy) {
        return StrategySelection.MAIN_STRATEGIES.contains(strategy);
    }

    private static int order(String strategy) {
        int i = StrategySelection.MAIN_STRATEGIES.indexOf(strategy);
        return i < 0 ? StrategySelection.MAIN_STRATEGIES.size() : i;
    }

    /** The accepted rows of one results file by strategy (only {@code only}'s strategies when given), as cells. */
    private static List<Cell> cells(int vocab, Path file, List<String> only) throws IOException {
        Map<String, List<JsonNode>> by = new LinkedHashMap<>();
        for (JsonNode r : new ObjectMapper().readTree(file.toFile()).path("results")) {
            String s = r.path("strategy").asText();
            if (r.path("accepted").asBoolean() && (only == null || only.contains(s))) {
                by.computeIfAbsent(s, k -> new ArrayList<>()).add(r);
            }
        }
        List<Cell> out = new ArrayList<>();
        by.forEach((s, rs) -> out.add(new Cell(vocab, s, rs.size(), mean(rs, "bound"),
                rs.stream().mapToDouble(r -> r.path("bound").asDouble()).min().orElse(Double.NaN),
                rs.stream().mapToDouble(r -> r.path("bound").asDouble()).max().orElse(Double.NaN),
                mean(rs, "sampledAccuracyEstimate"), mean(rs, "generateSeconds"), mean(rs, "checkSeconds"),
                mean(rs, "checkerOperations"), mean(rs, "certificateGzipBytes"),
                rs.get(0).path("unexplainedDimension").bigIntegerValue(),
                (int) rs.stream().filter(r -> r.path("archived").asBoolean(true)).count())));
        return out;
    }

    private static double mean(List<JsonNode> rs, String field) {
        return rs.stream().filter(r -> r.has(field)).mapToDouble(r -> r.path(field).asDouble()).average().orElse(Double.NaN);
    }

    private static List<Estimate> cubicEstimates(Path file) throws IOException {
        List<Estimate> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        for (JsonNode e : json.path("estimates")) {
            StringBuilder slices = new StringBuilder();
            int v = e.path("vocab").asInt(), largest = 0;
            BigInteger proven = BigInteger.ZERO;
            for (JsonNode s : e.path("slices")) {
                slices.append(slices.isEmpty() ? "" : " and ").append(s.path("maxima").asInt());
                if (s.path("maxima").asInt() > largest) {
                    largest = s.path("maxima").asInt();
                    proven = s.path("proven").bigIntegerValue();
                }
            }
            // the inputs whose maximum is among the top `largest` tokens: v^4 - (v - largest)^4
            BigInteger inputs = BigInteger.valueOf(v).pow(4).subtract(BigInteger.valueOf(v - largest).pow(4));
            out.add(new Estimate(v, Strategies.CUBIC.name(), e.path("generateSeconds").asDouble(),
                    e.path("checkSeconds").asDouble(), String.format(java.util.Locale.ROOT, "slices of the top %s maxima, "
                    + "extrapolated (on the top %d, the cubic proof certifies %.4f of their inputs)", slices, largest,
                    new java.math.BigDecimal(proven).divide(new java.math.BigDecimal(inputs), java.math.MathContext.DECIMAL64).doubleValue())));
        }
        return out;
    }

    /** Brute force where it was not run: v^5 from the largest vocabulary where it was (ESTIMATE). */
    private static List<Estimate> bruteForceEstimates(List<Cell> cells) {
        String bf = Strategies.BRUTE_FORCE.name();
        Cell base = cells.stream().filter(c -> c.strategy().equals(bf)).max(Comparator.comparingInt(Cell::vocab)).orElse(null);
        List<Estimate> out = new ArrayList<>();
        if (base == null) {
            return out;
        }
        cells.stream().mapToInt(Cell::vocab).distinct().filter(v -> v > base.vocab()).forEach(v -> {
            double f = Math.pow((double) v / base.vocab(), 5);
            out.add(new Estimate(v, bf, base.generateSeconds() * f, base.checkSeconds() * f,
                    "v^5 from the measured mean at v = " + base.vocab()));
        });
        return out;
    }

    /** The vocabularies measured, ascending. */
    public List<Integer> vocabularies() {
        return measured.stream().map(Cell::vocab).distinct().sorted().toList();
    }

    /** The cell of a strategy at a vocabulary, or null. */
    public Cell cell(int vocab, String strategy) {
        return measured.stream().filter(c -> c.vocab() == vocab && c.strategy().equals(strategy)).findFirst().orElse(null);
    }

    /** The estimate of a strategy at a vocabulary, or null. */
    public Estimate estimate(int vocab, String strategy) {
        return estimates.stream().filter(e -> e.vocab() == vocab && e.strategy().equals(strategy)).findFirst().orElse(null);
    }

    /**
     * Per main strategy, the points (v, mean check seconds) measured, in their order; vocabulary 64's
     * seconds are left out, being the 23,254-certificate sweep's, under another load.
     */
    public Map<String, List<double[]>> checkSeconds() {
        return byStrategy(measured.stream().filter(c -> c.vocab() != REFERENCE_VOCAB && main(c.strategy())),
                Cell::strategy, Cell::vocab, Cell::checkSeconds);
    }

    /** Per strategy, the points (v, estimated check seconds). */
    public Map<String, List<double[]>> estimatedCheckSeconds() {
        return byStrategy(estimates.stream(), Estimate::strategy, Estimate::vocab, Estimate::checkSeconds);
    }

    /** Per main strategy, the points (v, mean certified bound). */
    public Map<String, List<double[]>> bounds() {
        return byStrategy(measured.stream().filter(c -> main(c.strategy())), Cell::strategy, Cell::vocab, Cell::boundMean);
    }

    /** Points (x, y) of each item, by its strategy, the strategies in the main strategies' order. */
    private static <T> Map<String, List<double[]>> byStrategy(Stream<T> items, java.util.function.Function<T, String> strategy,
            java.util.function.ToDoubleFunction<T> x, java.util.function.ToDoubleFunction<T> y) {
        Map<String, List<double[]>> by = new TreeMap<>(Comparator.comparingInt(ScaleResults::order).thenComparing(s -> s));
        items.forEach(i -> by.computeIfAbsent(strategy.apply(i), k -> new ArrayList<>()).add(new double[] {x.applyAsDouble(i),
                y.applyAsDouble(i)}));
        return by;
    }

    /** The quiet check seconds of a strategy at a vocabulary ({@link Quiet}), or NaN. */
    public double quietSeconds(int vocab, String strategy) {
        return quiet.stream().filter(q -> q.vocab() == vocab && q.strategy().equals(strategy)).mapToDouble(Quiet::checkSeconds)
                .findFirst().orElse(Double.NaN);
    }

    /** The fitted exponent in v of a strategy's quiet check seconds over the vocabularies from {@link #FIT_FROM}. */
    public double quietExponent(String strategy) {
        return fit(quiet.stream().filter(q -> q.strategy().equals(strategy)).map(q -> new double[] {q.vocab(), q.checkSeconds()}));
    }

    /**
     * The fitted exponent in v of a strategy's check seconds (least squares on log-log) over the vocabularies from
     * {@link #FIT_FROM}, measured points only, or with the estimates when {@code withEstimates}; NaN with fewer than two.
     */
    public double exponent(String strategy, boolean withEstimates) {
        Stream<double[]> points = measured.stream().filter(c -> c.strategy().equals(strategy))
                .map(c -> new double[] {c.vocab(), c.checkSeconds()});
        if (withEstimates) {
            points = Stream.concat(points, estimates.stream().filter(e -> e.strategy().equals(strategy)
                    && cell(e.vocab(), strategy) == null).map(e -> new double[] {e.vocab(), e.checkSeconds()}));
        }
        return fit(points);
    }

    /** The least-squares slope on log-log of the points (v, seconds) with v >= {@link #FIT_FROM} and seconds > 0. */
    private static double fit(Stream<double[]> points) {
        return ScalingBench.slope(points.filter(p -> p[0] >= FIT_FROM && p[1] > 0)
                .map(p -> new double[] {Math.log(p[0]), Math.log(p[1])}).toList());
    }
}
