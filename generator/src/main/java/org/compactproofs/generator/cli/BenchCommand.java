package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.bench.AccuracyBench;
import org.compactproofs.generator.bench.CubicBench;
import org.compactproofs.generator.bench.GridBench;
import org.compactproofs.generator.bench.ScalingBench;
import org.compactproofs.generator.bench.TrainingBench;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks that print figures, each next to a baseline measured in the same run (never timed unit tests): the
 * options and the printing; the measurements are the classes of {@code org.compactproofs.generator.bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Accuracy.class, BenchCommand.Cubic.class,
            BenchCommand.Scaling.class, BenchCommand.Grid.class, BenchCommand.ScaleEstimates.class, MemoryBenchCommand.class, HostileBenchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Seconds per seed for the paper's Max-of-4 training (goal: <= 10 s on 2 cores), against a "
                    + "baseline: the checker's plain forward pass (no gradient) on as many samples.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "3", description = "Seeds to train, one after another (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Override
        public Integer call() {
            TrainingBench.Result r = TrainingBench.run(seeds, (t, seed) -> System.out.printf("seed %d: %.2f s%n", seed, t));
            System.out.printf("training: %.2f s per seed (%d steps x batch %d = %d samples; goal <= 10 s: %s)%n",
                    r.perSeed(), r.steps(), r.batchSize(), r.samples(), r.perSeed() <= 10 ? "met" : "NOT met");
            System.out.printf("baseline: plain forward pass, no gradient, same %d samples: %.2f s (extrapolated from %d)%n",
                    r.samples(), r.baseline(), r.baselineSamples());
            System.out.printf("ratio training / plain forward: %.2f%n", r.perSeed() / r.baseline());
            return 0;
        }
    }

    @Command(name = "accuracy", mixinStandardHelpOptions = true,
            description = "Time to evaluate all vocab^K inputs of a model, on all cores and on one, against a "
                    + "baseline: the checker's plain forward pass on a sample, extrapolated.")
    static final class Accuracy implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;

        @Override
        public Integer call() {
            AccuracyBench.Result r = AccuracyBench.run(ModelReader.read(model).model());
            System.out.printf("model %s: %d inputs, %d correct%n", model, r.evaluation().total(), r.evaluation().correct());
            System.out.printf("accuracy evaluation: %.2f s on %d threads, %.2f s on 1 thread%n", r.all(), r.cores(), r.one());
            System.out.printf("baseline: plain forward pass, 1 thread: %.1f s (extrapolated from %d inputs; %d correct)%n",
                    r.baseline(), AccuracyBench.SAMPLE, r.sampleCorrect());
            System.out.printf("speed-up over the plain forward pass: %.1fx (1 thread), %.1fx (%d threads)%n",
                    r.baseline() / r.one(), r.baseline() / r.all(), r.cores());
            return 0;
        }
    }

    @Command(name = "cubic", mixinStandardHelpOptions = true,
            description = "Time to generate the cubic certificate of a model (best of several runs), its size plain "
                    + "and gzipped, against the float brute-force evaluation of the same model in the same run.")
    static final class Cubic implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;
        @Option(names = "--out", description = "Also keep the certificate here (for checker bench cubic).")
        Path out;
        @Option(names = "--repeat", defaultValue = "5", description = "Timed runs (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            CubicBench.Result r = CubicBench.run(ModelReader.read(model), out, repeat);
            System.out.printf("model %s: cubic claim %s of %s (%.5f)%n", model, r.claim(), r.total(),
                    r.claim().doubleValue() / r.total().doubleValue());
            System.out.printf("cubic generation: %.3f s (best of %d, writing the certificate included)%n", r.best(), repeat);
            System.out.printf("certificate: %,d bytes, %,d gzipped%s%n", r.bytes(), r.gzipBytes(),
                    out != null ? " (" + out + ")" : "");
            System.out.printf("baseline: float brute-force evaluation of all inputs: %.3f s; ratio cubic / brute force %.2f%n",
                    r.bruteForce(), r.best() / r.bruteForce());
            return 0;
        }
    }

    @Command(name = "scaling", mixinStandardHelpOptions = true,
            description = "The checker's work and the certificate's size for strategies as the vocabulary grows (K = 4) "
                    + "and as the context length K grows (at --context-vocab), with the exponents fitted in v and in K "
                    + "(least squares on log-log). The models are trained once and shared by the strategies.")
    static final class Scaling implements Callable<Integer> {
        @Option(names = "--strategy", split = ",", defaultValue = "cubic",
                description = "Strategies, comma-separated; 'grid' stands for every variant of the sub-cubic grid "
                        + "(default: ${DEFAULT-VALUE}).")
        List<String> strategies;
        @Option(names = "--vocab", split = ",", defaultValue = "16,32,64,128", description = "Vocabularies at K = 4 (default: ${DEFAULT-VALUE}).")
        int[] vocab;
        @Option(names = "--contexts", split = ",", defaultValue = "3,4,5", description = "Context lengths K at "
                + "--context-vocab (default: ${DEFAULT-VALUE}).")
        int[] contexts;
        @Option(names = "--context-vocab", defaultValue = "32", description = "The vocabulary of the context series (default: ${DEFAULT-VALUE}).")
        int contextVocab;
        @Option(names = "--steps", defaultValue = "600", description = "Training steps of each model (default: ${DEFAULT-VALUE}).")
        int steps;
        @Option(names = "--summary", description = "Print only the fitted exponents per strategy.")
        boolean summary;

        @Override
        public Integer call() throws Exception {
            List<String> names = ScalingBench.expand(strategies);
            System.out.printf("models trained %d steps from the paper's initialisation; work = the checker's counted "
                    + "operations (bounds, and for the grid its interval tables); bytes = the certificate, plain%n", steps);
            Map<String, ScalingBench.Series> series = ScalingBench.run(names, vocab, contexts, contextVocab, steps);
            for (String name : names) {
                ScalingBench.Series s = series.get(name);
                if (!summary) {
                    System.out.printf("%nstrategy %s%n    v   k   cases   checker work   work/(v^3 k^2)   work/(v^2 k^2)"
                            + "   all operations   certificate bytes   check s%n", name);
                    for (ScalingBench.Point p : s.points()) {
                        double v = p.vocab(), k = p.context();
                        System.out.printf("%5d %3d %7d %14d %16.3f %16.3f %16d %19d %9.2f%n", p.vocab(), p.context(),
                                p.cases(), p.work(), p.work() / (v * v * v * k * k), p.work() / (v * v * k * k), p.all(),
                                p.bytes(), p.checkSeconds());
                    }
                }
                System.out.printf("fitted exponent of the checker's work in v (K = 4): %.2f over %d sizes  %s%n",
                        s.workInV(), s.sizesInV(), name);
                System.out.printf("fitted exponent in K (v = %d): checker's work %.2f, certificate size %.2f, over %d "
                        + "context lengths  %s%n", contextVocab, s.workInK(), s.bytesInK(), s.sizesInK(), name);
            }
            return 0;
        }
    }

    @Command(name = "scale-estimates", mixinStandardHelpOptions = true,
            description = "ESTIMATES of the cubic proof's cost where it is out of reach (issue 16): slices of it (the "
                    + "cases of the top few maxima) generated and checked on one thread, extrapolated to the whole "
                    + "(docs/results-scale.md), next to the same seed's archived sub-cubic certificates checked in the "
                    + "same run (the ratios, and their exponent in v); written to certificates/results/scale-estimates.json.")
    static final class ScaleEstimates implements Callable<Integer> {
        @Option(names = "--vocab", split = ",", defaultValue = "256,512,1024,2048",
                description = "Vocabularies, each from certificates/models/max-of-4-vocab-V (default: ${DEFAULT-VALUE}).")
        int[] vocab;
        @Option(names = "--seed", defaultValue = "50", description = "The seed of each vocabulary (default: ${DEFAULT-VALUE}).")
        long seed;
        @Option(names = "--slices", split = ",", defaultValue = "1,16", description = "Maxima per slice, two or more "
                + "sizes (default: ${DEFAULT-VALUE}).")
        int[] slices;
        @Option(names = "--out", defaultValue = "certificates/results/scale-estimates.json",
                description = "The JSON written (default: ${DEFAULT-VALUE}).")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            if (slices.length < 2 || java.util.Arrays.stream(slices).distinct().count() != slices.length
                    || java.util.Arrays.stream(slices).anyMatch(s -> s < 1)) {
                throw new org.compactproofs.checker.UnusableInputException("--slices: two or more different sizes, each at least 1");
            }
            System.out.println("cubic proof, ESTIMATED from slices (one thread): vocab, slice maxima: generate s / check s,"
                    + " then the whole: generate s, check s, checker work");
            List<org.compactproofs.generator.bench.SliceEstimate.Estimate> estimates = org.compactproofs.generator.bench
                    .SliceEstimate.run(vocab, seed, slices, e -> {
                        StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "%5d", e.vocab()));
                        e.slices().forEach(s -> line.append(String.format(java.util.Locale.ROOT, "   %d: %.1f / %.1f",
                                s.maxima(), s.generateSeconds(), s.checkSeconds())));
                        System.out.println(line + String.format(java.util.Locale.ROOT, "   whole: %.0f s, %.0f s, %.3g",
                                e.generateSeconds(), e.checkSeconds(), e.checkerWork()));
                        for (var m : e.subcubic()) {
                            System.out.printf(java.util.Locale.ROOT, "        archived %s: bound %.4f, check %.2f s; "
                                    + "cubic estimate / this: %.0f%n", m.strategy(), m.bound(), m.checkSeconds(),
                                    e.checkSeconds() / m.checkSeconds());
                        }
                    });
            org.compactproofs.generator.bench.SliceEstimate.exponents(estimates).forEach((s, fit) -> System.out.printf(
                    java.util.Locale.ROOT, "fitted exponent in v of the check time, in this run: %.2f over %d sizes  %s%n",
                    fit[0], (int) fit[1], s));
            org.compactproofs.generator.bench.SliceEstimate.write(out, estimates);
            System.out.println("wrote " + out);
            return 0;
        }
    }

    @Command(name = "grid", mixinStandardHelpOptions = true,
            description = "Every variant of the sub-cubic grid on one model: certified bound, the checker's time (best of "
                    + "several in-process runs, reading the model and certificate included), its operations and the "
                    + "unexplained dimension, against the rigorous brute-force check of the same model in the same run "
                    + "(goal: <= 50 ms per variant at v = 64).")
    static final class Grid implements Callable<Integer> {
        @Option(names = "--model", defaultValue = "certificates/models/max-of-4/seed-123.safetensors",
                description = "Model file (default: ${DEFAULT-VALUE}).")
        Path model;
        @Option(names = "--repeat", defaultValue = "5", description = "Timed checks per variant (default: ${DEFAULT-VALUE}).")
        int repeat;

        @Override
        public Integer call() throws Exception {
            GridBench.Result r = GridBench.run(model, repeat);
            System.out.println("   bound   check ms   checker ops   unexplained dim   variant");
            double worst = 0, total = 0;
            for (GridBench.Row row : r.rows()) {
                System.out.printf("%8.5f %10.1f %13.0f %17.0f   %s%n", row.bound(), 1000 * row.seconds(),
                        (double) row.operations(), (double) row.unexplainedDimension(), row.variant());
                worst = Math.max(worst, row.seconds());
                total += row.seconds();
            }
            System.out.printf("check time: mean %.1f ms, worst %.1f ms (goal <= 50 ms); baseline: rigorous brute-force "
                    + "check of the same model, 1 thread: %.0f ms; ratio mean grid / brute force %.3f%n",
                    1000 * total / r.rows().size(), 1000 * worst, 1000 * r.bruteForceSeconds(),
                    total / r.rows().size() / r.bruteForceSeconds());
            return 0;
        }
    }
}
