package org.compactproofs.generator.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;

/**
 * Every variant of the sub-cubic grid on one model: certified bound, the checker's time (best of several in-process
 * runs, reading the model and certificate included), its operations and the unexplained dimension, against the
 * rigorous brute-force check of the same model in the same run.
 */
public final class GridBench {
    /** One variant: its bound, its best check seconds, the checker's operations, its unexplained dimension. */
    public record Row(String variant, double bound, double seconds, long operations, long unexplainedDimension) {}

    /** The variants in the grid's order, and the brute-force check's seconds (1 thread). */
    public record Result(List<Row> rows, double bruteForceSeconds) {}

    private GridBench() {}

    /** Two passes over the variants (the first warms the JIT up; the second is reported), then brute force. */
    public static Result run(Path model, int repeat) throws IOException {
        ModelReader.ModelFile file = ModelReader.read(model);
        Model m = file.model();
        Path cert = Files.createTempFile("grid", ".cert");
        ProofInput input = new ProofInput(file, 1); // one prover's tables for every variant
        List<Row> rows = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            rows.clear();
            for (Strategy s : Strategies.grid()) {
                s.prove(input, cert);
                Verdict v = CertificateFile.check(model, cert, 1);
                double best = Double.MAX_VALUE;
                for (int i = 0; i < repeat; i++) {
                    long start = System.nanoTime();
                    v = CertificateFile.check(model, cert, 1);
                    best = Math.min(best, Clock.seconds(start));
                }
                long ops = v.operations().values().stream().mapToLong(Long::longValue).sum();
                rows.add(new Row(s.name(), v.certifiedCount().doubleValue() / v.header().total().doubleValue(), best,
                        ops, s.unexplainedDimension(m.vocab(), m.context(), m.dModel()).longValueExact()));
            }
        }
        Path brute = Files.createTempFile("grid", ".cert");
        Strategies.BRUTE_FORCE.prove(new ProofInput(file, 1), brute);
        CertificateFile.check(model, brute, 1);
        long start = System.nanoTime();
        CertificateFile.check(model, brute, 1);
        double bruteSeconds = Clock.seconds(start);
        Files.delete(cert);
        Files.delete(brute);
        return new Result(rows, bruteSeconds);
    }
}
