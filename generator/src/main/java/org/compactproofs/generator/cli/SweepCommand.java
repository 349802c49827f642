package org.compactproofs.generator.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.compactproofs.generator.sweep.Sweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generator sweep}: the options of a {@link Sweep}, its progress bar and the files it wrote. */
@Command(name = "sweep", aliases = "results", mixinStandardHelpOptions = true,
        description = "Certify every shipped Max-of-K seed with the chosen strategies, judge each certificate with the "
                + "checker jar in a separate process, archive every accepted certificate with a MANIFEST, and write "
                + "certificates/results/max-of-K.json, .csv and docs/results.md (K = 4) or docs/results-max-of-K.md. "
                + "Resumable.")
final class SweepCommand implements Callable<Integer> {
    @Option(names = "--context", defaultValue = "4", description = "Context length K: sweeps the models of "
            + "certificates/models/max-of-K (default: ${DEFAULT-VALUE}).")
    int context;
    @Option(names = "--models", description = "Model directory (default: certificates/models/max-of-K).")
    Path models;
    @Option(names = "--archive", defaultValue = "certificates", description = "Archive root: certificates, MANIFEST.json and results/ (default: ${DEFAULT-VALUE}).")
    Path archive;
    @Option(names = "--markdown", description = "Markdown output (default: docs/results.md for K = 4, docs/results-max-of-K.md otherwise).")
    Path markdown;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--seeds", split = ",", description = "Seeds (default: every seed-N.safetensors of the model directory).")
    long[] seeds;
    @Option(names = "--strategies", split = ",", description = "Strategies: names, 'grid' (all of the grid) or 'all' "
            + "(default: all for K = 4; otherwise brute force where feasible, cubic, subcubic-maxdiff, subcubic-union, subcubic-coupled-2, subcubic-staircase-2, "
            + "the paper's best grid variant and ours).")
    List<String> strategies;
    @Option(names = "--redo", description = "Redo seeds already recorded.")
    boolean redo;
    @Option(names = "--no-archive", split = ",", paramLabel = "STRATEGY", description = "Strategies judged and "
            + "recorded but not archived (the archive's size budget): their rows say archived false; generator prove "
            + "regenerates such a certificate.")
    List<String> unarchived = List.of();
    @Option(names = "--external", split = ",", paramLabel = "NAME", description = "Instead of the seeds: the named "
            + "models of certificates/models/external/ (NAME.safetensors), archived under certificates/external/NAME/ "
            + "and recorded in certificates/results/external.json; docs/results.md is then rewritten from the stored "
            + "results (its findings read external.json), and nothing of max-of-K is redone.")
    List<String> external;

    @Override
    public Integer call() throws IOException {
        Sweep sweep = new Sweep(new Sweep.Options(context, models, archive, markdown, checkerJar, seeds, strategies, redo,
                unarchived));
        Printer printer = new Printer();
        if (external != null) {
            Sweep.Written w = sweep.runExternal(external, printer);
            System.out.println("wrote " + w.results() + ", " + w.manifest() + (w.markdown() != null ? " and " + w.markdown() : ""));
        } else {
            Sweep.Written w = sweep.run(printer);
            System.out.println("wrote " + w.results() + ", " + w.csv() + ", " + w.manifest() + " and " + w.markdown());
        }
        return 0;
    }

    /** Progress on stderr: a bar per sweep (redrawn every minute when stderr is not a terminal), and notes. */
    private static final class Printer implements Sweep.Listener {
        private ProgressBar bar;

        @Override
        public void started(String task, int seeds) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(seeds).setStyle(ProgressBarStyle.ASCII)
                    .setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(System.console() != null ? 200 : 60_000).build();
        }

        @Override
        public void seedDone() {
            bar.step();
        }

        @Override
        public void finished() {
            bar.close();
        }

        @Override
        public void note(String line) {
            System.err.println(line);
        }
    }
}
