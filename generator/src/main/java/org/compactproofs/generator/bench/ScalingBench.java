package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.SafetensorsWriter;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.train.Trainer;
import org.compactproofs.generator.train.TrainingConfig;

/**
 * The checker's work and the certificate's size for strategies as the vocabulary grows (K = 4) and as the context
 * length K grows (at one vocabulary), with the exponents fitted in v and in K (least squares on log-log). The
 * models are trained once per shape and shared by the strategies.
 */
public final class ScalingBench {
    /**
     * One certificate: its shape, the checker's cases, its work (bound and table operations), all its counted
     * operations (cases aside), the certificate's bytes and the check's seconds.
     */
    public record Point(int vocab, int context, long cases, long work, long all, long bytes, double checkSeconds) {}

    /** A strategy's points, and the fitted exponents of its work in v, in K, and of its size in K (NaN: too few points). */
    public record Series(List<Point> points, double workInV, int sizesInV, double workInK, double bytesInK, int sizesInK) {}

    private ScalingBench() {}

    /** The strategies named, 'grid' standing for every variant of the grid (other names are checked when proved). */
    public static List<String> expand(List<String> strategies) {
        List<String> names = new ArrayList<>();
        for (String s : strategies) {
            if (s.equals("grid")) {
                Strategies.grid().forEach(g -> names.add(g.name()));
            } else {
                names.add(s);
            }
        }
        return names;
    }

    /** The shapes (v, 4) for each vocabulary, then (contextVocab, K) for each context length not already among them. */
    static List<int[]> shapes(int[] vocab, int[] contexts, int contextVocab) {
        List<int[]> shapes = new ArrayList<>();
        for (int v : vocab) {
            shapes.add(new int[] {v, 4});
        }
        for (int k : contexts) {
            if (shapes.stream().noneMatch(s -> s[0] == contextVocab && s[1] == k)) {
                shapes.add(new int[] {contextVocab, k});
            }
        }
        return shapes;
    }

    /** Every strategy on a model of every shape, trained {@code steps} steps from the paper's initialisation (seed 7). */
    public static Map<String, Series> run(List<String> names, int[] vocab, int[] contexts, int contextVocab, int steps)
            throws IOException {
        Map<String, List<Point>> points = new LinkedHashMap<>();
        names.forEach(n -> points.put(n, new ArrayList<>()));
        for (int[] shape : shapes(vocab, contexts, contextVocab)) {
            int v = shape[0], k = shape[1];
            Model m = Trainer.train(TrainingConfig.paper(7).withSizes(v, k, 32, 32).withSteps(steps), (a, b, l) -> { });
            Path file = Files.createTempFile("scaling", ".safetensors");
            Path cert = Files.createTempFile("scaling", ".cert");
            SafetensorsWriter.write(m, file);
            ProofInput input = new ProofInput(ModelReader.read(file), 1);
            for (String name : names) {
                Strategies.require(name).prove(input, cert);
                points.get(name).add(measure(v, k, file, cert));
            }
            Files.delete(file);
            Files.delete(cert);
        }
        Map<String, Series> out = new LinkedHashMap<>();
        points.forEach((name, ps) -> out.put(name, fit(ps, contextVocab)));
        return out;
    }

    /** Checks one certificate and counts its work by the kinds of the checker's counters. */
    private static Point measure(int v, int k, Path model, Path cert) throws IOException {
        long bytes = Files.size(cert);
        long start = System.nanoTime();
        Verdict verdict = CertificateFile.check(model, cert, 1);
        double check = Clock.seconds(start);
        long cases = verdict.work().cases(), work = verdict.work().boundOperations();
        long all = verdict.operations().values().stream().mapToLong(Long::longValue).sum() - cases; // cases: steps
        return new Point(v, k, cases, work, all, bytes, check);
    }

    /** The exponents over the points of work (a certificate without cases costs nothing: no point to fit). */
    private static Series fit(List<Point> points, int contextVocab) {
        List<double[]> inV = new ArrayList<>(), inK = new ArrayList<>(), bytesInK = new ArrayList<>();
        for (Point p : points) {
            if (p.work() > 0) {
                if (p.context() == 4) {
                    inV.add(new double[] {Math.log(p.vocab()), Math.log(p.work())});
                }
                if (p.vocab() == contextVocab) {
                    inK.add(new double[] {Math.log(p.context()), Math.log(p.work())});
                    bytesInK.add(new double[] {Math.log(p.context()), Math.log(p.bytes())});
                }
            }
        }
        return new Series(points, slope(inV), inV.size(), slope(inK), slope(bytesInK), inK.size());
    }

    /** The least-squares slope of the points {x, y} (NaN with fewer than two): on logs, the fitted exponent. */
    public static double slope(List<double[]> points) {
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
