package org.compactproofs.generator.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.ForwardPass;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.grid.GridStrategy;
import org.compactproofs.generator.train.SplitMix64;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Benchmarks that print figures, each next to a baseline measured in the same run (never timed unit tests).
 */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Speed benchmarks.",
        subcommands = {BenchCommand.Train.class, BenchCommand.Accuracy.class, BenchCommand.Cubic.class,
            BenchCommand.Scaling.class, BenchCommand.Grid.class, MemoryBenchCommand.class, HostileBenchCommand.class})
final class BenchCommand implements Runnable {
    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = "Seconds per seed for the paper's Max-of-4 training (goal: <= 10 s on 2 cores), against a "
                    + "baseline: the checker's plain forward pass (no gradient) on as many samples.")
    static final class Train implements Callable<Integer> {
        @Option(names = "--seeds", defaultValue = "3", description = "Seeds to train, one after another (default: ${DEFAULT-VALUE}).")
        int seeds;

        @Override
        public Integer call() {
            TrainingConfig first = TrainingConfig.paper(1);
            Trainer.train(first.withSteps(300), (s, n, l) -> { }); // warm-up for the JIT
            double total = 0;
            for (int i = 0; i < seeds; i++) {
                long start = System.nanoTime();
                Trainer.train(TrainingConfig.paper(1000 + i), (s, n, l) -> { });
                double t = seconds(start);
                total += t;
                System.out.printf("seed %d: %.2f s%n", 1000 + i, t);
            }
            double perSeed = total / seeds;
            Model m = Trainer.train(first.withSteps(10), (s, n, l) -> { });
            long samples = (long) first.steps() * first.batchSize();
            long baselineSamples = samples / 10;
            SplitMix64 rng = new SplitMix64(7);
            int[] x = new int[m.context()];
            long start = System.nanoTime();
            double sink = 0;
            for (long n = 0; n < baselineSamples; n++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextInt(m.vocab());
                }
                sink += ForwardPass.logits(m, x)[0];
            }
            double baseline = seconds(start) * 10;
            System.out.printf("training: %.2f s per seed (%d steps x batch %d = %d samples; goal <= 10 s: %s)%n",
                    perSeed, first.steps(), first.batchSize(), samples, perSeed <= 10 ? "met" : "NOT met");
            System.out.printf("baseline: plain forward pass, no gradient, same %d samples: %.2f s (extrapolated from %d)%n",
                    samples, baseline, baselineSamples);
            System.out.printf("ratio training / plain forward: %.2f%s%n", perSeed / baseline, sink == 42 ? " " : "");
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
            Model m = ModelReader.read(model).model();
            FloatCircuits c = FloatCircuits.of(m);
            AccuracyEvaluator.evaluate(c, 1); // warm-up
            int cores = Runtime.getRuntime().availableProcessors();
            long start = System.nanoTime();
            AccuracyEvaluator.Result r = AccuracyEvaluator.evaluate(c, cores);
            double all = seconds(start);
            start = System.nanoTime();
            AccuracyEvaluator.evaluate(c, 1);
            double one = seconds(start);
            int sample = 200_000;
            SplitMix64 rng = new SplitMix64(7);
            int[] x = new int[m.context()];
            start = System.nanoTime();
            int correct = 0;
            for (int n = 0; n < sample; n++) {
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextInt(m.vocab());
                }
                correct += ForwardPass.isCorrect(m, x) ? 1 : 0;
            }
            double baseline = seconds(start) * r.total() / sample;
            System.out.printf("model %s: %d inputs, %d correct%n", model, r.total(), r.correct());
            System.out.printf("accuracy evaluation: %.2f s on %d threads, %.2f s on 1 thread%n", all, cores, one);
            System.out.printf("baseline: plain forward pass, 1 thread: %.1f s (extrapolated from %d inputs; %d correct)%n",
                    baseline, sample, correct);
            System.out.printf("speed-up over the plain forward pass: %.1fx (1 thread), %.1fx (%d threads)%n",
                    baseline / one, baseline / all, cores);
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
            org.compactproofs.checker.model.ModelReader.ModelFile file = ModelReader.read(model);
            Path cert = out != null ? out : java.nio.file.Files.createTempFile("cubic", ".cert");
            java.math.BigInteger claim = org.compactproofs.generator.strategy.cubic.CubicProver.prove(file, cert);
            double best = Double.MAX_VALUE;
            for (int i = 0; i < repeat; i++) {
                long start = System.nanoTime();
                org.compactproofs.generator.strategy.cubic.CubicProver.prove(file, cert);
                best = Math.min(best, seconds(start));
            }
            byte[] text = java.nio.file.Files.readAllBytes(cert);
            java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(gz)) {
                z.write(text);
            }
            FloatCircuits c = FloatCircuits.of(file.model());
            AccuracyEvaluator.evaluate(c, Runtime.getRuntime().availableProcessors());
            long start = System.nanoTime();
            AccuracyEvaluator.evaluate(c, Runtime.getRuntime().availableProcessors());
            double brute = seconds(start);
            java.math.BigInteger total = org.compactproofs.generator.model.Inputs.count(file.model());
            System.out.printf("model %s: cubic claim %s of %s (%.5f)%n", model, claim, total,
                    claim.doubleValue() / total.doubleValue());
            System.out.printf("cubic generation: %.3f s (best of %d, writing the certificate included)%n", best, repeat);
            System.out.printf("certificate: %,d bytes, %,d gzipped%s%n", text.length, gz.size(),
                    out != null ? " (" + out + ")" : "");
            System.out.printf("baseline: float brute-force evaluation of all inputs: %.3f s; ratio cubic / brute force %.2f%n",
                    brute, best / brute);
            if (out == null) {
                java.nio.file.Files.delete(cert);
            }
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
            List<String> names = new ArrayList<>();
            for (String s : strategies) {
                if (s.equals("grid")) {
                    Strategies.grid().forEach(g -> names.add(g.name()));
                } else {
                    names.add(s);
                }
            }
            System.out.printf("models trained %d steps from the paper's initialisation; work = the checker's counted "
                    + "operations (bounds, and for the grid its interval tables); bytes = the certificate, plain%n", steps);
            List<int[]> shapes = new ArrayList<>();
            for (int v : vocab) {
                shapes.add(new int[] {v, 4});
            }
            for (int k : contexts) {
                if (shapes.stream().noneMatch(s -> s[0] == contextVocab && s[1] == k)) {
                    shapes.add(new int[] {contextVocab, k});
                }
            }
            // per strategy: points (log v, log work) at K = 4; (log K, log work) and (log K, log bytes) at contextVocab
            java.util.Map<String, List<double[]>> inV = new java.util.LinkedHashMap<>(), inK = new java.util.LinkedHashMap<>(),
                    bytesInK = new java.util.LinkedHashMap<>();
            java.util.Map<String, StringBuilder> tables = new java.util.LinkedHashMap<>();
            for (String name : names) {
                inV.put(name, new ArrayList<>());
                inK.put(name, new ArrayList<>());
                bytesInK.put(name, new ArrayList<>());
                tables.put(name, new StringBuilder("    v   k   cases   checker work   work/(v^3 k^2)   work/(v^2 k^2)"
                        + "   all operations   certificate bytes   check s\n"));
            }
            for (int[] shape : shapes) {
                int v = shape[0], k = shape[1];
                org.compactproofs.checker.model.Model m = org.compactproofs.generator.train.Trainer.train(
                        org.compactproofs.generator.train.TrainingConfig.paper(7).withSizes(v, k, 32, 32).withSteps(steps),
                        (a, b, l) -> { });
                Path file = java.nio.file.Files.createTempFile("scaling", ".safetensors");
                Path cert = java.nio.file.Files.createTempFile("scaling", ".cert");
                org.compactproofs.generator.model.SafetensorsWriter.write(m, file);
                ProofInput input = new ProofInput(ModelReader.read(file), 1);
                for (String name : names) {
                    Strategies.require(name).prove(input, cert);
                    long bytes = java.nio.file.Files.size(cert);
                    long start = System.nanoTime();
                    org.compactproofs.checker.Verdict verdict = org.compactproofs.checker.Checker.check(file, cert, 1);
                    double check = seconds(start);
                    long work = 0, cases = 0, all = 0;
                    for (java.util.Map.Entry<String, Long> e : verdict.operations().entrySet()) {
                        all += e.getValue();
                        if (e.getKey().endsWith(".bound-operations (double, rounded down)") || e.getKey().endsWith(".table-operations")) {
                            work += e.getValue();
                        } else if (e.getKey().endsWith(".cases")) {
                            all -= e.getValue(); // a count of steps, not of operations
                            cases += e.getValue();
                        }
                    }
                    tables.get(name).append(String.format("%5d %3d %7d %14d %16.3f %16.3f %16d %19d %9.2f%n", v, k, cases,
                            work, work / ((double) v * v * v * k * k), work / ((double) v * v * k * k), all, bytes, check));
                    if (work > 0) { // a certificate without cases costs nothing: no point to fit
                        if (k == 4) {
                            inV.get(name).add(new double[] {Math.log(v), Math.log(work)});
                        }
                        if (v == contextVocab) {
                            inK.get(name).add(new double[] {Math.log(k), Math.log(work)});
                            bytesInK.get(name).add(new double[] {Math.log(k), Math.log(bytes)});
                        }
                    }
                }
                java.nio.file.Files.delete(file);
                java.nio.file.Files.delete(cert);
            }
            for (String name : names) {
                if (!summary) {
                    System.out.printf("%nstrategy %s%n%s", name, tables.get(name));
                }
                System.out.printf("fitted exponent of the checker's work in v (K = 4): %.2f over %d sizes  %s%n",
                        slope(inV.get(name)), inV.get(name).size(), name);
                System.out.printf("fitted exponent in K (v = %d): checker's work %.2f, certificate size %.2f, over %d "
                        + "context lengths  %s%n", contextVocab, slope(inK.get(name)), slope(bytesInK.get(name)),
                        inK.get(name).size(), name);
            }
            return 0;
        }

        /** The least-squares slope of the points (NaN with fewer than two). */
        private static double slope(List<double[]> points) {
            if (points.size() < 2) {
                return Double.NaN;
            }
            double mx = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
            double my = points.stream().mapToDouble(p -> p[1]).average().orElse(0);
            double num = 0, den = 0;
            for (double[] p : points) {
                num += (p[0] - mx) * (p[1] - my);
                den += (p[0] - mx) * (p[0] - mx);
            }
            return num / den;
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
            ModelReader.ModelFile file = ModelReader.read(model);
            Model m = file.model();
            Path cert = java.nio.file.Files.createTempFile("grid", ".cert");
            org.compactproofs.generator.strategy.grid.GridProver prover = new org.compactproofs.generator.strategy.grid.GridProver(m);
            List<double[]> rows = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (int pass = 0; pass < 2; pass++) { // the first pass warms the JIT up; the second is reported
                rows.clear();
                names.clear();
                for (org.compactproofs.checker.rules.GridVariant g : org.compactproofs.checker.rules.GridVariant.all()) {
                    org.compactproofs.generator.strategy.grid.GridProver.write(file, cert, prover.prove(g));
                    org.compactproofs.checker.Verdict v = org.compactproofs.checker.Checker.check(model, cert, 1);
                    double best = Double.MAX_VALUE;
                    for (int i = 0; i < repeat; i++) {
                        long start = System.nanoTime();
                        v = org.compactproofs.checker.Checker.check(model, cert, 1);
                        best = Math.min(best, seconds(start));
                    }
                    long ops = v.operations().values().stream().mapToLong(Long::longValue).sum();
                    rows.add(new double[] {v.certifiedCount().doubleValue() / v.header().total().doubleValue(), best, ops,
                            GridStrategy.unexplainedDimension(g, m.vocab(), m.dModel())});
                    names.add(g.name());
                }
            }
            Path brute = java.nio.file.Files.createTempFile("grid", ".cert");
            org.compactproofs.generator.strategy.bruteforce.BruteForceProver.prove(file, brute, 1);
            org.compactproofs.checker.Checker.check(model, brute, 1);
            long start = System.nanoTime();
            org.compactproofs.checker.Checker.check(model, brute, 1);
            double bruteSeconds = seconds(start);
            java.nio.file.Files.delete(cert);
            java.nio.file.Files.delete(brute);
            System.out.println("   bound   check ms   checker ops   unexplained dim   variant");
            double worst = 0, total = 0;
            for (int i = 0; i < rows.size(); i++) {
                double[] r = rows.get(i);
                System.out.printf("%8.5f %10.1f %13.0f %17.0f   %s%n", r[0], 1000 * r[1], r[2], r[3], names.get(i));
                worst = Math.max(worst, r[1]);
                total += r[1];
            }
            System.out.printf("check time: mean %.1f ms, worst %.1f ms (goal <= 50 ms); baseline: rigorous brute-force "
                    + "check of the same model, 1 thread: %.0f ms; ratio mean grid / brute force %.3f%n",
                    1000 * total / rows.size(), 1000 * worst, 1000 * bruteSeconds, total / rows.size() / bruteSeconds);
            return 0;
        }
    }
}
