package org.compactproofs.generator.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.generator.bench.MemoryBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code generator bench memory}: the options and the table of a {@link MemoryBench}. */
@Command(name = "memory", mixinStandardHelpOptions = true,
        description = "Peak resident memory (VmHWM) and time (best of --repeat) of separate checker.jar check JVMs on a cubic certificate "
                + "(the baseline) and on the same certificate padded to the given sizes, with the JVM's default heap "
                + "and with -Xmx256m; ratios to the baseline. Linux only (reads /proc).")
final class MemoryBenchCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
            description = "Model file (default: ${DEFAULT-VALUE}).")
    Path model;
    @Option(names = "--checker", defaultValue = "checker/target/checker.jar", description = "The checker jar (default: ${DEFAULT-VALUE}).")
    Path checkerJar;
    @Option(names = "--sizes", split = ",", defaultValue = "10000000,100000000",
            description = "Padded certificate sizes in bytes (default: ${DEFAULT-VALUE}).")
    List<Long> sizes;
    @Option(names = "--repeat", defaultValue = "3", description = "Runs of each (default: ${DEFAULT-VALUE}); the "
            + "shortest time and the highest peak are shown.")
    int repeat;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(checkerJar)) {
            throw new UnusableInputException(checkerJar + ": no checker jar (build first: mvn -q package -DskipTests)");
        }
        try (MemoryBench bench = new MemoryBench(model, sizes)) {
            System.out.printf(Locale.ROOT, "checker.jar check of %s, one JVM per run, peak RSS = VmHWM%n", model);
            System.out.printf(Locale.ROOT, "%-17s %14s %-9s %8s %17s %12s %6s%n", "certificate", "bytes", "heap",
                    "seconds", "MB/s over baseline", "peak RSS MB", "ratio");
            bench.run(checkerJar, repeat, r -> System.out.printf(Locale.ROOT, "%-17s %,14d %-9s %8.2f %17s %12.1f %6.2f%n",
                    r.certificate(), r.bytes(), r.heap(), r.seconds(), r.rateOverBaseline() == null ? "-"
                            : String.format(Locale.ROOT, "%.1f", r.rateOverBaseline()), r.peakRss() / 1e6, r.ratio()));
            return 0;
        }
    }
}
