package org.compactproofs.generator.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.report.Figures;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;

/**
 * The main job on one model: its strategies (K's default: all for K = 4) judged as a sweep judges a seed, into
 * {@code dir} (archived as {@code max-of-K/seed-N/} when the model's name ends in its seed), every row in
 * {@code dir/table.txt}, and the model's heatmaps.
 */
public final class Demo {
    /**
     * The rows, the lines of table.txt (a header, then a line per row), those of ours and of the best variant of each
     * grid (the reference's, ours), and the figures drawn.
     */
    public record Result(List<ObjectNode> rows, List<String> table, List<String> shown, List<Figures.Outcome> figures) {
        public long accepted() {
            return rows.stream().filter(r -> r.get("accepted").asBoolean()).count();
        }
    }

    private static final Pattern SEED = Pattern.compile("seed-?(\\d{1,18})$");

    private Demo() {}

    /** {@code runs/demo-<model name>}: scratch space, not committed. */
    public static Path defaultDirectory(Path model) {
        return Path.of("runs/demo-" + name(model));
    }

    private static String name(Path model) {
        return model.getFileName().toString().replace(".safetensors", "");
    }

    /** {@code skipped} is told when brute force is left out (too many inputs). */
    public static Result run(Path model, Path dir, Path checkerJar, List<String> strategies, Consumer<String> skipped)
            throws IOException {
        ModelReader.ModelFile file = ModelReader.read(model);
        String name = name(model);
        Files.createDirectories(dir);
        Judge judge = new Judge(new Archive(dir), new CheckerProcess(checkerJar), List.of());
        List<String> names = StrategySelection.feasible(StrategySelection.strategies(strategies, file.model().context()),
                file.model(), skipped);
        Matcher seedInName = SEED.matcher(name);
        long seed = seedInName.find() ? Long.parseLong(seedInName.group(1)) : 0; // names dir/max-of-K/seed-N/
        List<ObjectNode> rows = judge.seed(Archive.task(file.model().context()), seed, file, names);
        List<String> table = new ArrayList<>(List.of(String.format(Locale.ROOT, "%-9s %-10s %14s %15s %9s %9s   %s",
                "verdict", "bound", "checker ops", "unexplained", "prove s", "check s", "strategy")));
        for (ObjectNode r : rows) {
            table.add(String.format(Locale.ROOT, "%-9s %-10.7f %,14d %15s %9.3f %9.3f   %s",
                    r.get("accepted").asBoolean() ? "ACCEPTED" : "REJECTED", r.get("bound").asDouble(),
                    r.get("checkerOperations").asLong(), Inputs.scientific(r.get("unexplainedDimension").bigIntegerValue()),
                    r.get("generateSeconds").asDouble(), r.get("checkSeconds").asDouble(), r.get("strategy").asText()));
        }
        Files.writeString(dir.resolve("table.txt"), String.join(System.lineSeparator(), table) + System.lineSeparator());
        List<ObjectNode> shown = new ArrayList<>(rows.stream().filter(r -> group(r) == Strategy.Group.OURS).toList());
        for (Strategy.Group grid : new Strategy.Group[] {Strategy.Group.REFERENCE_GRID, Strategy.Group.OUR_GRID}) {
            rows.stream().filter(r -> group(r) == grid).max(Comparator.comparingDouble(r -> r.get("bound").asDouble()))
                    .ifPresent(shown::add);
        }
        List<String> shownLines = new ArrayList<>();
        for (ObjectNode r : shown) {
            shownLines.add(table.get(1 + rows.indexOf(r)));
        }
        Figures figures = new Figures(dir);
        figures.heatmaps(file.model(), seedInName.find(0) ? "seed " + seed : model.getFileName().toString());
        return new Result(rows, table, shownLines, figures.outcomes());
    }

    private static Strategy.Group group(ObjectNode row) {
        return Strategies.named(row.get("strategy").asText()).group();
    }
}
