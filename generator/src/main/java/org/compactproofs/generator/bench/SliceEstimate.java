package org.compactproofs.generator.bench;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.Verdict;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import org.compactproofs.generator.strategy.cubic.CubicSearch;
import org.compactproofs.generator.strategy.cubic.CubicStrategy;

/**
 * An ESTIMATE of what the cubic proof (rule C1) would cost on a model where it is out of reach (issue 16), from
 * slices of it measured on this machine: certificates of the cases whose maximum is one of the top few tokens, each
 * generated and checked for real (the checker accepts a slice: it claims only the cases it holds). The cost of
 * maximum M grows as M + 1 (one query per token up to M, each case O(v k W)), so a slice's weight is the sum of
 * M + 1 over its maxima and the whole proof's is v (v + 1) / 2; two slices of different weights fit
 * {@code seconds = fixed + perWeight * weight} (fixed: the tables, and reading the model), extrapolated to the
 * whole. The smallest slice is checked once unmeasured first (class loading and compilation would otherwise make
 * it look dearer than a larger one). Where the whole proof was also run, the two can be compared
 * (docs/results-scale.md does).
 */
public final class SliceEstimate {
    /** One measured slice: its number of maxima (the top ones), weight, seconds to generate and to check, work. */
    public record Slice(int maxima, long weight, double generateSeconds, double checkSeconds, long checkerWork,
                        BigInteger proven) {}

    /**
     * The estimate for the whole proof, from the slices; seconds on one thread of this machine; with the archived
     * sub-cubic certificates of the same model checked in the same run, for the ratios of issue 16's goals.
     */
    public record Estimate(int vocab, String model, List<Slice> slices, double generateSeconds, double checkSeconds,
                           double checkerWork, List<Measured> subcubic) {}

    /** An archived certificate of the same model checked in the same run (one thread), and its bound. */
    public record Measured(String strategy, double checkSeconds, double bound) {}

    private SliceEstimate() {}

    /** The strategies whose archived certificates a run checks beside the slices: the main sub-cubic ones. */
    static final List<String> SUBCUBIC = org.compactproofs.generator.sweep.StrategySelection.MAIN_STRATEGIES.subList(2,
            org.compactproofs.generator.sweep.StrategySelection.MAIN_STRATEGIES.size());

    /**
     * {@link #cubic} for each vocabulary's model {@code certificates/models/max-of-4-vocab-V/seed-S.safetensors}, with
     * the same seed's archived sub-cubic certificates; each estimate to {@code each} as it is done.
     */
    public static List<Estimate> run(int[] vocab, long seed, int[] slices, java.util.function.Consumer<Estimate> each)
            throws IOException {
        List<Estimate> out = new ArrayList<>();
        Path dir = Files.createTempDirectory("slices");
        try {
            for (int v : vocab) {
                List<Path> archived = new ArrayList<>();
                for (String s : SUBCUBIC) {
                    Path cert = Path.of("certificates/max-of-4-vocab-" + v, "seed-" + seed, s + ".cert.gz");
                    if (Files.isRegularFile(cert)) {
                        archived.add(cert);
                    }
                }
                Estimate e = cubic(Path.of("certificates/models/max-of-4-vocab-" + v, "seed-" + seed + ".safetensors"),
                        slices, dir, archived);
                out.add(e);
                each.accept(e);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
        return out;
    }

    /** Per sub-cubic strategy checked at two or more vocabularies: {fitted exponent in v of its check time, sizes}. */
    public static java.util.Map<String, double[]> exponents(List<Estimate> estimates) {
        java.util.Map<String, double[]> out = new java.util.LinkedHashMap<>();
        for (String s : SUBCUBIC) {
            List<double[]> points = new ArrayList<>();
            estimates.forEach(e -> e.subcubic().stream().filter(m -> m.strategy().equals(s)).forEach(m ->
                    points.add(new double[] {Math.log(e.vocab()), Math.log(m.checkSeconds())})));
            if (points.size() >= 2) {
                out.put(s, new double[] {ScalingBench.slope(points), points.size()});
            }
        }
        return out;
    }

    /**
     * The estimates into certificates/results/scale-estimates.json, which docs/results-scale.md reads: an existing
     * file's estimates of other vocabularies are kept, those of the vocabularies measured now replaced.
     */
    public static void write(Path out, List<Estimate> estimates) throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.TreeMap<Integer, Object> byVocab = new java.util.TreeMap<>();
        if (Files.exists(out)) {
            json.readTree(out.toFile()).path("estimates").forEach(e -> byVocab.put(e.path("vocab").asInt(), e));
        }
        estimates.forEach(e -> byVocab.put(e.vocab(), e));
        json.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), java.util.Map.of("format",
                "compact-proofs scale estimates 1", "strategy", "cubic", "method", "slices of the top maxima, generated "
                        + "and checked on one thread, extrapolated linearly in the weight sum(M + 1) (generator bench "
                        + "scale-estimates)", "estimates", List.copyOf(byVocab.values())));
    }

    /** Measures slices of the top {@code sizes[i]} maxima of the cubic proof of {@code model}, in {@code dir}. */
    public static Estimate cubic(Path model, int[] sizes, Path dir, List<Path> archived) throws IOException {
        ModelReader.ModelFile file = ModelReader.read(model);
        int v = file.model().vocab();
        List<Slice> slices = new ArrayList<>();
        for (int size : sizes) {
            long start = System.nanoTime();
            int from = v - size;
            List<CaseStep> cases = new CubicSearch(FloatCircuits.of(file.model())).cases(m -> m >= from);
            Path cert = dir.resolve("cubic-slice-" + v + "-" + size + ".cert");
            CubicProver.write(file, cert, cases, CubicStrategy.NAME, "case-row", "a slice of rule C1's proof (the top "
                    + size + " maxima), for an estimate of the whole");
            double generate = Clock.seconds(start);
            if (slices.isEmpty()) { // warm-up: the first check in a JVM also loads and compiles the checker
                CertificateFile.check(model, cert, 1, UNLIMITED_WORK);
            }
            start = System.nanoTime();
            Verdict verdict = CertificateFile.check(model, cert, 1, UNLIMITED_WORK);
            double check = Clock.seconds(start);
            if (!verdict.accepted()) {
                throw new IllegalStateException("the checker rejected a cubic slice of " + model + ": " + verdict.failure());
            }
            long work = verdict.operations().values().stream().mapToLong(Long::longValue).sum();
            slices.add(new Slice(size, weight(v, size), generate, check, work, verdict.proven()));
            Files.delete(cert);
        }
        List<Measured> measured = new ArrayList<>();
        for (Path cert : archived) {
            long start = System.nanoTime();
            Verdict verdict = CertificateFile.check(model, cert, 1, Limits.DEFAULT);
            double seconds = Clock.seconds(start);
            String name = cert.getFileName().toString().replace(".cert.gz", "");
            measured.add(new Measured(name, seconds, new java.math.BigDecimal(verdict.certifiedCount()).divide(
                    new java.math.BigDecimal(verdict.header().total()), java.math.MathContext.DECIMAL64).doubleValue()));
        }
        double whole = (double) v * (v + 1) / 2;
        return new Estimate(v, model.toString(), slices, extrapolate(slices, Slice::generateSeconds, whole),
                extrapolate(slices, Slice::checkSeconds, whole), extrapolate(slices, s -> (double) s.checkerWork(), whole),
                measured);
    }

    /** The default limits but --max-work: a slice is measured, not judged against a budget. */
    private static final Limits UNLIMITED_WORK = new Limits(Limits.DEFAULT_CERTIFICATE_BYTES, Limits.DEFAULT_LINE_BYTES,
            Limits.DEFAULT_MODEL_BYTES, Limits.DEFAULT_BRUTE_FORCE_INPUTS, Limits.DEFAULT_EXACT_PATH_INPUTS,
            Long.MAX_VALUE, Limits.DEFAULT.caseKeys(), Integer.MAX_VALUE);

    /** The sum of M + 1 over the top {@code size} maxima of vocabulary v. */
    static long weight(int v, int size) {
        long w = 0;
        for (int m = v - size; m < v; m++) {
            w += m + 1;
        }
        return w;
    }

    /**
     * The line through the first and last slice (value against weight), at {@code whole}; the fixed part is taken
     * as at least zero, so that noise cannot make a small slice look free.
     */
    static double extrapolate(List<Slice> slices, java.util.function.ToDoubleFunction<Slice> value, double whole) {
        Slice a = slices.get(0), b = slices.get(slices.size() - 1);
        double perWeight = (value.applyAsDouble(b) - value.applyAsDouble(a)) / (b.weight() - a.weight());
        double fixed = Math.max(0, value.applyAsDouble(a) - perWeight * a.weight());
        return fixed + Math.max(perWeight, 0) * whole;
    }
}
