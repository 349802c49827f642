package org.compactproofs.generator.cli;

import org.compactproofs.checker.cli.Commands;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of generator.jar: the untrusted, fast side (training, evaluation, proof search). */
@Command(name = "generator", mixinStandardHelpOptions = true, version = "compact-proofs generator 0.1",
        description = "Trains Max-of-K models, evaluates them, and writes certificates of their accuracy for the checker.",
        subcommands = {TrainCommand.class, TrainSeedsCommand.class, AccuracyCommand.class, ProveCommand.class, StrategiesCommand.class, DemoCommand.class, SweepCommand.class, PlotCommand.class,
                BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:unusable input (unreadable or malformed files, bad usage)", "3:internal error"})
public final class GeneratorMain implements Runnable {
    public static void main(String[] args) {
        System.exit(Commands.execute(new GeneratorMain(), args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
