package org.compactproofs.checker.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.bruteforce.BruteForce;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** Benchmarks: figures printed next to a baseline measured in the same run. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks of the checker.",
        subcommands = {BenchCommand.BruteForceBench.class, BenchCommand.CubicBench.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "brute-force", mixinStandardHelpOptions = true,
            description = "Time of the rigorous brute-force check of all inputs against unchecked double evaluation "
                    + "of the same walk with no error bound and no exact path (goal: <= 2x, <= 4 s).")
    static final class BruteForceBench implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;
        @Option(names = "--repeat", defaultValue = "3", description = "Timed runs of each (default: ${DEFAULT-VALUE}); the best is shown.")
        int repeat;

        @Override
        public Integer call() {
            Model m = ModelReader.read(model).model();
            int cores = Runtime.getRuntime().availableProcessors();
            long start = System.nanoTime();
            CircuitTables tables = CircuitTables.of(m);
            BruteForce rigorous = new BruteForce(m, tables);
            double setup = (System.nanoTime() - start) / 1e9;
            UncheckedWalk unchecked = new UncheckedWalk(m, tables, false), interval = new UncheckedWalk(m, tables, true);
            rigorous.run(cores); // warm-up of every code path
            unchecked.correct(cores);
            interval.correct(cores);
            double bestRigorous = Double.MAX_VALUE, bestUnchecked = Double.MAX_VALUE, bestInterval = Double.MAX_VALUE;
            BruteForce.Result r = null;
            long u = 0, iv = 0;
            for (int i = 0; i < repeat; i++) {
                start = System.nanoTime();
                u = unchecked.correct(cores);
                bestUnchecked = Math.min(bestUnchecked, (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                iv = interval.correct(cores);
                bestInterval = Math.min(bestInterval, (System.nanoTime() - start) / 1e9);
                start = System.nanoTime();
                r = rigorous.run(cores);
                bestRigorous = Math.min(bestRigorous, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("model %s: %,d inputs, %d threads%n", model, r.inputs(), cores);
            System.out.printf("exact tables and enclosures (once): %.2f s%n", setup);
            System.out.printf("rigorous check:   %.2f s, %,d proven correct, %,d inputs on the exact path, %,d undecidable%n",
                    bestRigorous, r.correct(), r.exactInputs(), r.undecidable());
            System.out.printf("unchecked double: %.2f s, %,d correct by plain comparison%n", bestUnchecked, u);
            System.out.printf("interval walk:    %.2f s, %,d proven by outward-rounded intervals (no exact path)%n",
                    bestInterval, iv);
            System.out.printf("ratio rigorous / unchecked: %.2f (goal <= 2); rigorous incl. setup %.2f s (goal <= 4 s)%n",
                    bestRigorous / bestUnchecked, bestRigorous + setup);
            System.out.printf("ratio interval walk / unchecked: %.2f (the alternative to Theorem B1.1's a-priori bound)%n",
                    bestInterval / bestUnchecked);
            return ExitCodes.ACCEPTED;
        }
    }

    @Command(name = "cubic", mixinStandardHelpOptions = true,
            description = "Time to check a cubic certificate (best of several runs, after start-up), with the work "
                    + "done, against the rigorous brute-force check of the same model in the same run.")
    static final class CubicBench implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;
        @Option(names = "--cert", required = true, description = "A cubic certificate of that model "
                + "(generator prove --strategy cubic, or generator bench cubic --out).")
        Path cert;
        @Option(names = "--repeat", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
        int repeat;

        private static long gzippedSize(Path file) throws java.io.IOException {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(bytes)) {
                java.nio.file.Files.copy(file, z);
            }
            return bytes.size();
        }

        @Override
        public Integer call() throws java.io.IOException {
            int cores = Runtime.getRuntime().availableProcessors();
            org.compactproofs.checker.Verdict v = CertificateFile.check(model, cert, cores);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                v = CertificateFile.check(model, cert, cores);
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
            Model m = ModelReader.read(model).model();
            BruteForce brute = new BruteForce(m, CircuitTables.of(m));
            brute.run(cores);
            long start = System.nanoTime();
            brute.run(cores);
            double bruteSeconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("certificate %s: %s, %s of %s inputs certified%n", cert, v.accepted() ? "ACCEPTED" : "REJECTED",
                    v.certifiedCount(), v.header().total());
            System.out.printf("cubic check: %.3f s (best of %d, reading the model and certificate included)%n", best, repeat);
            System.out.printf("certificate: %,d bytes, %,d gzipped%n", java.nio.file.Files.size(cert), gzippedSize(cert));
            v.operations().forEach((kind, n) -> System.out.printf("  %-50s %,d%n", kind, n));
            System.out.printf("baseline: rigorous brute-force check of the same model: %.3f s; ratio cubic / brute force %.2f%n",
                    bruteSeconds, best / bruteSeconds);
            return v.accepted() ? ExitCodes.ACCEPTED : ExitCodes.REJECTED;
        }
    }
}
