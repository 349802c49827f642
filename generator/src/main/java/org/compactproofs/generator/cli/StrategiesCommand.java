package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.GridVariant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Lists the proof strategies, one name per line (the names `prove --strategy` takes). */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "List the proof strategies, one per "
        + "line: ours (brute-force, cubic, subcubic-maxdiff), the reference's 100 sub-cubic variants, then ours of the grid.")
final class StrategiesCommand implements Callable<Integer> {
    /** Our own strategies, then the sub-cubic grid (rule S2): the reference's 100 variants, then ours. */
    static final String[] NAMES = names();

    @Option(names = "--dimension", paramLabel = "MODEL",
            description = "Also print each strategy's unexplained dimension for this model's shape, after a tab.")
    Path dimensionFor;

    private static String[] names() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of(ResultsReport.OURS));
        for (GridVariant g : GridVariant.all()) {
            names.add(g.name());
        }
        return names.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        Model m = dimensionFor == null ? null : ModelReader.read(dimensionFor).model();
        for (String name : NAMES) {
            System.out.println(m == null ? name : name + "\t"
                    + ResultsReport.unexplainedDimension(name, m.vocab(), m.context(), m.dModel()));
        }
        return 0;
    }
}
