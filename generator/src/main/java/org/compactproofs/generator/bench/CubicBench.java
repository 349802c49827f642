package org.compactproofs.generator.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.cubic.CubicProver;

/**
 * Time to generate the cubic certificate of a model (best of several runs), its size plain and gzipped, against the
 * float brute-force evaluation of the same model in the same run.
 */
public final class CubicBench {
    /** The claim of all inputs, the best generation seconds, the certificate's bytes plain and gzipped, brute force's seconds. */
    public record Result(BigInteger claim, BigInteger total, double best, int bytes, int gzipBytes, double bruteForce) {}

    private CubicBench() {}

    /** Proves {@code repeat} timed times after one untimed; the certificate is kept at {@code out} (if not null). */
    public static Result run(ModelReader.ModelFile file, Path out, int repeat) throws IOException {
        Path cert = out != null ? out : Files.createTempFile("cubic", ".cert");
        BigInteger claim = CubicProver.prove(file, cert);
        double best = Double.MAX_VALUE;
        for (int i = 0; i < repeat; i++) {
            long start = System.nanoTime();
            CubicProver.prove(file, cert);
            best = Math.min(best, Clock.seconds(start));
        }
        byte[] text = Files.readAllBytes(cert);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(text);
        }
        FloatCircuits c = FloatCircuits.of(file.model());
        AccuracyEvaluator.evaluate(c, Runtime.getRuntime().availableProcessors());
        long start = System.nanoTime();
        AccuracyEvaluator.evaluate(c, Runtime.getRuntime().availableProcessors());
        double brute = Clock.seconds(start);
        if (out == null) {
            Files.delete(cert);
        }
        return new Result(claim, Inputs.count(file.model()), best, text.length, gz.size(), brute);
    }
}
