package org.compactproofs.generator.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.report.Figures;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;
import org.compactproofs.generator.sweep.Archive;
import org.compactproofs.generator.sweep.CheckerProcess;
import org.compactproofs.generator.sweep.Judge;
import org.compactproofs.generator.sweep.StrategySelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The main job: every strategy on one model (default: the showcase seed 123), each certificate judged by the
 * checker jar in a separate process, the strategies side by side, and the model's heatmaps. Certificates, the
 * full table and the figures go to {@code runs/demo-<model>/} (scratch space, not committed). On a
 * Max-of-K model with K != 4 the default strategies are the sweep's for that K; brute force is skipped where
 * v^K exceeds 2^31.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Certify a model with every strategy, have the checker jar judge each certificate in a separate "
                + "process, print the strategies side by side and write the figures (runs/demo-<model>/).")
final class DemoCommand implements Callable<Integer> {
    @Parameters(index = "0", arity = "0..1", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
            description = "The model (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--out", description = "Output directory (default: runs/demo-<model name>).")
    Path out;
    @Option(names = "--strategies", split = ",", description = "Strategies: names, 'grid' or 'all' (default: all for "
            + "K = 4, the sweep's main strategies otherwise).")
    List<String> strategies;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        ModelReader.ModelFile file = ModelReader.read(model);
        String name = model.getFileName().toString().replace(".safetensors", "");
        Path dir = out != null ? out : Path.of("runs/demo-" + name);
        Files.createDirectories(dir);
        Judge judge = new Judge(new Archive(dir), new CheckerProcess(checkerJar));
        List<String> names = StrategySelection.feasible(StrategySelection.strategies(strategies, file.model().context()),
                file.model(), System.err::println);
        java.util.regex.Matcher seedInName = java.util.regex.Pattern.compile("seed-?(\\d{1,18})$").matcher(name);
        long seed = seedInName.find() ? Long.parseLong(seedInName.group(1)) : 0; // names runs/demo-X/max-of-K/seed-N/
        List<ObjectNode> rows = judge.seed(seed, file, names);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-9s %-10s %14s %15s %9s %9s   %s%n",
                "verdict", "bound", "checker ops", "unexplained", "prove s", "check s", "strategy"));
        for (ObjectNode r : rows) {
            table.append(String.format(Locale.ROOT, "%-9s %-10.7f %,14d %15s %9.3f %9.3f   %s%n",
                    r.get("accepted").asBoolean() ? "ACCEPTED" : "REJECTED", r.get("bound").asDouble(),
                    r.get("checkerOperations").asLong(), org.compactproofs.generator.model.Inputs.scientific(r.get("unexplainedDimension").bigIntegerValue()),
                    r.get("generateSeconds").asDouble(), r.get("checkSeconds").asDouble(), r.get("strategy").asText()));
        }
        Files.writeString(dir.resolve("table.txt"), table);
        List<ObjectNode> shown = new ArrayList<>(rows.stream().filter(r -> group(r) == Strategy.Group.OURS).toList());
        for (Strategy.Group grid : new Strategy.Group[] {Strategy.Group.REFERENCE_GRID, Strategy.Group.OUR_GRID}) {
            rows.stream().filter(r -> group(r) == grid).max(Comparator.comparingDouble(r -> r.get("bound").asDouble())).ifPresent(shown::add);
        }
        String[] lines = table.toString().split("\n");
        System.out.println(lines[0]);
        for (ObjectNode r : shown) {
            for (String l : lines) {
                if (l.endsWith("   " + r.get("strategy").asText())) {
                    System.out.println(l);
                }
            }
        }
        long accepted = rows.stream().filter(r -> r.get("accepted").asBoolean()).count();
        System.out.printf(Locale.ROOT, "%d strategies, %d certificates accepted by the checker jar (a separate process); "
                + "above: ours and the best of the paper's grid and of ours; all %d rows in %s%n", rows.size(), accepted,
                rows.size(), dir.resolve("table.txt"));
        Figures figures = new Figures(dir);
        figures.heatmaps(file.model(), seedInName.find(0) ? "seed " + seed : model.getFileName().toString());
        PlotCommand.print(figures.outcomes());
        System.out.printf(Locale.ROOT, "certificates and heatmaps in %s; %.1f s in all%n", dir,
                (System.nanoTime() - start) / 1e9);
        return accepted == rows.size() ? 0 : 1;
    }

    private static Strategy.Group group(ObjectNode row) {
        return Strategies.named(row.get("strategy").asText()).group();
    }
}
