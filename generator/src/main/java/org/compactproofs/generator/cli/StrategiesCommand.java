package org.compactproofs.generator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the proof strategies, one name per line (the names `prove --strategy` takes). */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "List the proof strategies, one per line.")
final class StrategiesCommand implements Callable<Integer> {
    /** Our own strategies, then the reference's 100 sub-cubic variants (rule S2). */
    static final String[] NAMES = names();

    private static String[] names() {
        java.util.List<String> names = new java.util.ArrayList<>(java.util.List.of("brute-force", "cubic", "subcubic-maxdiff"));
        for (org.compactproofs.checker.rules.GridVariant g : org.compactproofs.checker.rules.GridVariant.all()) {
            names.add(g.name());
        }
        return names.toArray(String[]::new);
    }

    @Override
    public Integer call() {
        for (String name : NAMES) {
            System.out.println(name);
        }
        return 0;
    }
}
