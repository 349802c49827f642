package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.generator.sweep.Demo;
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
        Path dir = out != null ? out : Demo.defaultDirectory(model);
        Demo.Result r = Demo.run(model, dir, checkerJar, strategies, System.err::println);
        System.out.println(r.table().get(0));
        r.shown().forEach(System.out::println);
        System.out.printf(Locale.ROOT, "%d strategies, %d certificates accepted by the checker jar (a separate process); "
                + "above: ours and the best of the paper's grid and of ours; all %d rows in %s%n", r.rows().size(),
                r.accepted(), r.rows().size(), dir.resolve("table.txt"));
        PlotCommand.print(r.figures());
        System.out.printf(Locale.ROOT, "certificates and heatmaps in %s; %.1f s in all%n", dir,
                (System.nanoTime() - start) / 1e9);
        return r.accepted() == r.rows().size() ? 0 : 1;
    }
}
