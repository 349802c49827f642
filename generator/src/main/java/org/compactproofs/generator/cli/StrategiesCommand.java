package org.compactproofs.generator.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Lists the proof strategies, one name per line (the names `prove --strategy` takes). */
@Command(name = "strategies", mixinStandardHelpOptions = true, description = "List the proof strategies, one per line.")
final class StrategiesCommand implements Callable<Integer> {
    static final String[] NAMES = {"brute-force", "cubic", "subcubic-maxdiff"};

    @Override
    public Integer call() {
        for (String name : NAMES) {
            System.out.println(name);
        }
        return 0;
    }
}
