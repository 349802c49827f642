package org.compactproofs.checker.cli;

import picocli.CommandLine.Command;

/** Entry point of checker.jar, the trusted base. */
@Command(name = "checker", mixinStandardHelpOptions = true, version = CheckerMain.VERSION,
        description = "The trusted checker of compact-proofs certificates.",
        subcommands = {CheckCommand.class, AuditCommand.class, InspectCommand.class, BenchCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:accepted / success", "1:rejected", "2:unusable input (unreadable or malformed files, bad usage)",
                "3:internal error"})
public final class CheckerMain implements Runnable {
    /** This checker's name and version (also the "checker" field of the manifests the generator writes). */
    public static final String VERSION = "compact-proofs checker 0.1";

    public static void main(String[] args) {
        System.exit(Commands.execute(new CheckerMain(), args));
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
