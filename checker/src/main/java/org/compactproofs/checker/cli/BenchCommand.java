package org.compactproofs.checker.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.BruteForce;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Benchmarks: figures printed next to a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks of the checker.",
        subcommands = {BenchCommand.BruteForceBench.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "brute-force", mixinStandardHelpOptions = true,
            description = "Time of the rigorous brute-force check of all inputs against unchecked double evaluation "
                    + "of the same inputs by the same code with the error bound set to zero (goal: <= 2x, <= 4 s).")
    static final class BruteForceBench implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;
        @Option(names = "--repeat", defaultValue = "3", description = "Timed runs of each (default: ${DEFAULT-VALUE}); the best is shown.")
        int repeat;

        @Override
        public Integer call() {
            Model m = ModelReader.read(model).model();
            int cores = Runtime.getRuntime().availableProcessors();
            long start = System.nanoTime();
            CircuitTables tables = CircuitTables.of(m);
            BruteForce rigorous = new BruteForce(m, tables);
            double setup = (System.nanoTime() - start) / 1e9;
            BruteForce unchecked = BruteForce.uncheckedBaseline(m, tables);
            rigorous.run(cores); // warm-up of both code paths
            unchecked.run(cores);
            double bestRigorous = Double.MAX_VALUE, bestUnchecked = Double.MAX_VALUE;
            BruteForce.Result r = null, u = null;
            for (int i = 0; i < repeat; i++) {
                start = System.nanoTime();
                u = unchecked.run(cores);
                bestUnchecked = Math.min(bestUnchecked, (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                r = rigorous.run(cores);
                bestRigorous = Math.min(bestRigorous, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("model %s: %,d inputs, %d threads%n", model, r.inputs(), cores);
            System.out.printf("exact tables and enclosures (once): %.2f s%n", setup);
            System.out.printf("rigorous check:   %.2f s, %,d proven correct, %,d inputs on the exact path, %,d undecidable%n",
                    bestRigorous, r.correct(), r.exactInputs(), r.undecidable());
            System.out.printf("unchecked double: %.2f s, %,d correct by plain comparison%n", bestUnchecked, u.correct());
            System.out.printf("ratio rigorous / unchecked: %.2f (goal <= 2); rigorous incl. setup %.2f s (goal <= 4 s)%n",
                    bestRigorous / bestUnchecked, bestRigorous + setup);
            return ExitCodes.ACCEPTED;
        }
    }
}
