package org.compactproofs.checker.cli;

import java.io.PrintWriter;
import org.compactproofs.checker.UnusableInputException;
import picocli.CommandLine;

/**
 * Runs a picocli command tree under the exit-code contract: usage errors and {@link UnusableInputException}s
 * print one line and exit 2; anything unexpected prints one line naming it as an internal error and exits 3.
 * No stack trace reaches the user unless the environment variable COMPACT_PROOFS_DEBUG is set.
 */
public final class Commands {
    private Commands() {}

    /** What a hostile shape within the limits gets when its tables do not fit (exit 2, docs/trusted-base.md). */
    static final String OUT_OF_MEMORY = "the input needs more memory than this Java heap has (raise it with -Xmx)";

    public static int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setParameterExceptionHandler((ex, argv) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("error: " + ex.getMessage());
            err.println("(run with --help for usage)");
            return ExitCodes.UNUSABLE_INPUT;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(commandLine.getErr(), ex));
        try {
            return cli.execute(args);
        } catch (RuntimeException | Error e) {
            return report(cli.getErr(), e);
        }
    }

    /**
     * The one mapping from a throwable to a line and an exit code, for the main thread and (through
     * {@link org.compactproofs.checker.bruteforce.Parallel}, which rethrows a task's throwable unchanged) every worker.
     */
    public static int report(PrintWriter err, Throwable ex) {
        if (System.getenv("COMPACT_PROOFS_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        while ((ex instanceof java.util.concurrent.ExecutionException
                || ex instanceof java.util.concurrent.CompletionException) && ex.getCause() != null) {
            ex = ex.getCause(); // a wrapper says nothing of its own: judge what it wraps
        }
        if (ex instanceof java.io.UncheckedIOException io) { // a file that could not be read or written
            err.println("error: " + UnusableInputException.describe(io.getCause()));
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (ex instanceof UnusableInputException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        if (ex instanceof OutOfMemoryError) { // a hostile shape within the limits (docs/trusted-base.md, "Limits")
            err.println("error: " + OUT_OF_MEMORY);
            err.flush();
            return ExitCodes.UNUSABLE_INPUT;
        }
        err.println("internal error (please report): " + ex);
        err.flush();
        return ExitCodes.INTERNAL_ERROR;
    }
}
