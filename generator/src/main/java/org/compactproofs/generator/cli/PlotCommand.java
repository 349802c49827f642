package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.report.Figures;
import org.compactproofs.generator.sweep.Archive;
import org.compactproofs.generator.sweep.ResultsReport;
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
    @Option(names = "--scale", description = "Instead: the larger vocabularies' figures (check time and bound against v) "
            + "into docs/plots/scale/, and docs/results-scale.md rewritten, from certificates/results/.")
    boolean scale;

    @Override
    public Integer call() throws IOException {
        if (scale) {
            Path dir = out != null ? out : Path.of("docs/plots/scale");
            Figures figures = new Figures(dir);
            org.compactproofs.generator.sweep.ScaleReport.plotAndWrite(Path.of("certificates"), figures,
                    Path.of("docs/results-scale.md"));
            print(figures.outcomes());
            System.out.println("wrote the figures to " + dir + " and docs/results-scale.md");
            return 0;
        }
        String task = Archive.task(context);
        results = results != null ? results : Path.of("certificates/results/" + task + ".json");
        models = models != null ? models : Path.of("certificates/models/" + task);
        out = out != null ? out : Path.of(context == 4 ? "docs/plots" : "docs/plots/" + task);
        if (!Files.exists(results)) {
            throw new UnusableInputException(results + ": no results (run generator sweep"
                    + (context == 4 ? "" : " --context " + context) + " first)");
        }
        JsonNode rows;
        try {
            rows = new ObjectMapper().readTree(results.toFile()).path("results");
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UnusableInputException(results + ": not the JSON of a sweep: " + e.getOriginalMessage());
        }
        if (!rows.isArray()) {
            throw new UnusableInputException(results + ": no \"results\" array (not the JSON of a sweep)");
        }
        Figures figures = new Figures(out);
        figures.frontier(rows);
        figures.proofCost(rows);
        figures.normalisedBound(rows, models);
        if (seed == null) {
            java.util.Set<Long> seeds = new java.util.TreeSet<>();
            rows.forEach(r -> seeds.add(r.path("seed").asLong()));
            seed = ResultsReport.heatmapSeed(seeds);
        }
        figures.heatmaps(ModelReader.read(models.resolve("seed-" + seed + ".safetensors")).model(), "seed " + seed);
        print(figures.outcomes());
        System.out.println("wrote the figures to " + out);
        return 0;
    }

    /** One line on stderr per figure skipped or drawn without part of its data. */
    static void print(List<Figures.Outcome> outcomes) {
        for (Figures.Outcome o : outcomes) {
            if (o.line() != null) {
                System.err.println("note: " + o.line());
            }
        }
    }
}
