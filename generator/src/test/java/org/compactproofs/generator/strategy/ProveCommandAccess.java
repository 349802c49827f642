package org.compactproofs.generator.strategy;

import java.nio.file.Path;
import org.compactproofs.checker.cli.CliRun;
import org.compactproofs.generator.cli.GeneratorMain;

/** Proves through the generator's command line, as a user would. */
final class ProveCommandAccess {
    private ProveCommandAccess() {}

    static void prove(String strategy, Path model, Path out) {
        CliRun run = CliRun.of(new GeneratorMain(), "prove", "--strategy", strategy, "--model", model.toString(),
                "--out", out.toString());
        if (run.exitCode() != 0) {
            throw new AssertionError(run.toString());
        }
    }
}
