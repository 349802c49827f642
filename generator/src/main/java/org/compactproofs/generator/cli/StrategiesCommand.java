package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the proof strategies, one name per line (the names `prove --strategy` takes), in {@link Strategies}' order. */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "List the proof strategies, one per "
        + "line: ours (brute-force, cubic, subcubic-maxdiff), the reference's 100 sub-cubic variants, then ours of the grid.")
final class StrategiesCommand implements Callable<Integer> {
    @Option(names = "--dimension", paramLabel = "MODEL",
            description = "Also print each strategy's unexplained dimension for this model's shape, after a tab.")
    Path dimensionFor;

    @Override
    public Integer call() {
        Model m = dimensionFor == null ? null : ModelReader.read(dimensionFor).model();
        for (Strategy s : Strategies.all()) {
            System.out.println(m == null ? s.name() : s.name() + "\t" + s.unexplainedDimension(m.vocab(), m.context(), m.dModel()));
        }
        return 0;
    }
}
