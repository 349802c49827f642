package org.compactproofs.generator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.generator.bench.HostileBench;
import org.compactproofs.generator.bench.HostileInputs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code generator bench hostile}: the options and the table of a {@link HostileBench}; with {@code --compare
 * OTHER.jar}, the same runs of another checker build side by side.
 */
@Command(name = "hostile", mixinStandardHelpOptions = true,
        description = "Time and peak RSS of checker.jar check on hostile model/certificate pairs (each under 1 MB) "
                + "and on normal archived certificates, in separate JVMs; ratios to the archived cubic certificate's "
                + "check. Linux only (reads /proc).")
final class HostileBenchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
            description = "The trained model the hostile inputs start from (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--archive", defaultValue = "certificates/max-of-4/seed-123",
            description = "Its archived certificates, the normal figures (default: ${DEFAULT-VALUE}).")
    Path archive;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--compare", description = "Another checker jar (e.g. an older build) to run side by side.")
    Path compare;
    @Option(names = "--timeout", defaultValue = "120", description = "Seconds after which a run is stopped (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Override
    public Integer call() throws Exception {
        List<Path> jars = compare == null ? List.of(checkerJar) : List.of(checkerJar, compare);
        for (Path jar : jars) {
            if (!Files.isRegularFile(jar)) {
                throw new UnusableInputException(jar + ": no checker jar (build first: mvn -q package -DskipTests)");
            }
        }
        try (HostileBench bench = new HostileBench(model, archive)) {
            System.out.printf(Locale.ROOT, "%-22s %-40s %5s %8s %8s %9s%n", "input", "checker", "exit", "seconds",
                    "ratio", "peak MB");
            bench.run(jars, timeout, r -> System.out.printf(Locale.ROOT, "%-22s %-40s %5s %8.2f %8.2f %9.0f%n",
                    r.input().name(), abbreviate(r.jar().toString()), r.run().exitCode() < 0 ? "time" : "" + r.run().exitCode(),
                    r.run().seconds(), r.ratio(), r.run().peakRss() / 1e6));
            System.out.println();
            for (HostileInputs.Input in : bench.inputs()) {
                System.out.printf(Locale.ROOT, "%-22s %s%n", in.name(), in.attack());
            }
            return 0;
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : "..." + s.substring(s.length() - 37);
    }
}
