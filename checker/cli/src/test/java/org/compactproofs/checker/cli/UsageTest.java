package org.compactproofs.checker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code --help} of every command prints its usage cleanly. picocli reads descriptions as format strings (a literal
 * percent is {@code %%}); one it cannot format is printed raw after a "[picocli WARN] Could not format" line.
 */
public class UsageTest {
    @Test
    void everyCheckerCommandPrintsItsUsageCleanly() {
        assertEveryUsageIsClean(CheckerMain::new);
    }

    /**
     * Runs {@code <command path> --help} in-process ({@link CliRun}, which captures standard output and error, and
     * so picocli's warnings and its command line's writers) for the root command and every subcommand, at any depth,
     * of the tree {@code root} makes (a fresh tree for each run), and asserts that each exits 0, prints a usage
     * naming its command, and writes no picocli warning anywhere.
     */
    public static void assertEveryUsageIsClean(Supplier<Object> root) {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(root.get()), commands);
        for (CommandLine command : commands) {
            String name = command.getCommandSpec().qualifiedName(); // e.g. "checker bench brute-force"
            List<String> args = new ArrayList<>(List.of(name.split(" ")));
            args.remove(0); // the root command's own name
            args.add("--help");
            CliRun run = CliRun.of(root.get(), args.toArray(String[]::new));
            String what = name + " --help: " + run;
            assertEquals(0, run.exitCode(), what);
            assertTrue(run.stdout().startsWith("Usage: " + name), what);
            for (String warning : List.of("picocli WARN", "Could not format")) {
                assertFalse(run.stdout().contains(warning) || run.stderr().contains(warning), what);
            }
            java.util.regex.Matcher power = java.util.regex.Pattern.compile("([0-9]+) = 2\\^([0-9]+)")
                    .matcher(run.stdout().replaceAll("\\s+", " "));
            while (power.find()) { // a default restated as a power of two says the same number
                assertEquals(new java.math.BigInteger(power.group(1)), java.math.BigInteger.TWO.pow(
                        Integer.parseInt(power.group(2))), name + ": " + power.group());
            }
        }
        assertTrue(commands.size() > 1, "the walk found the subcommands: " + commands.size());
    }

    /** Adds {@code cli} and every command below it, at any depth, to {@code commands}. */
    private static void collect(CommandLine cli, List<CommandLine> commands) {
        commands.add(cli);
        for (CommandLine sub : new LinkedHashSet<>(cli.getSubcommands().values())) { // an alias maps to the same one
            collect(sub, commands);
        }
    }
}
