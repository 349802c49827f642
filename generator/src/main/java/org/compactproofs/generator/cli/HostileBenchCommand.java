package org.compactproofs.generator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.bench.HostileInputs;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The checker on hostile inputs ({@link HostileInputs}) next to normal certificates of the archive, each in its
 * own checker JVM: exit code, seconds and peak resident memory, with ratios to the normal cubic check measured in
 * the same run. With {@code --compare OTHER.jar}, the same runs of another checker build side by side.
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
        for (Path jar : compare == null ? List.of(checkerJar) : List.of(checkerJar, compare)) {
            if (!Files.isRegularFile(jar)) {
                throw new UnusableInputException(jar + ": no checker jar (build first: mvn -q package -DskipTests)");
            }
        }
        Path dir = Files.createTempDirectory("bench-hostile");
        try {
            List<HostileInputs.Input> inputs = new ArrayList<>();
            for (Strategy normal : List.of(Strategies.CUBIC, Strategies.SUBCUBIC_UNION, Strategies.BRUTE_FORCE)) {
                inputs.add(new HostileInputs.Input("normal " + normal.name(), "the archived certificate", model,
                        archive.resolve(normal.name() + ".cert.gz")));
            }
            inputs.addAll(HostileInputs.write(ModelReader.read(model).model(), dir));
            List<Path> jars = compare == null ? List.of(checkerJar) : List.of(checkerJar, compare);
            System.out.printf(Locale.ROOT, "%-22s %-40s %5s %8s %8s %9s%n", "input", "checker", "exit", "seconds",
                    "ratio", "peak MB");
            for (Path jar : jars) {
                double baseline = 0;
                for (HostileInputs.Input in : inputs) {
                    MemoryBenchCommand.Run r = MemoryBenchCommand.measure(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                            "check", "--model", in.model().toString(), "--cert", in.certificate().toString()), timeout);
                    baseline = baseline == 0 ? r.seconds() : baseline;
                    System.out.printf(Locale.ROOT, "%-22s %-40s %5s %8.2f %8.2f %9.0f%n", in.name(),
                            abbreviate(jar.toString()), r.exitCode() < 0 ? "time" : "" + r.exitCode(), r.seconds(),
                            r.seconds() / baseline, r.peakRss() / 1e6);
                }
            }
            System.out.println();
            for (HostileInputs.Input in : inputs) {
                System.out.printf(Locale.ROOT, "%-22s %s%n", in.name(), in.attack());
            }
            return 0;
        } finally {
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : "..." + s.substring(s.length() - 37);
    }
}
