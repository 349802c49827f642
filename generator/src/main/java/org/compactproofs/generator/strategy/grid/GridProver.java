package org.compactproofs.generator.strategy.grid;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.GapBounds;
import org.compactproofs.checker.rules.GridVariant;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.strategy.cubic.CaseFinder;
import org.compactproofs.generator.strategy.cubic.CubicCase;

/**
 * A certificate for one variant of the sub-cubic grid (rule S2 of docs/rules.md, the reference's
 * LargestWrongLogitQuadraticConfig): the witness vectors the variant takes, for mean-query+diff the average
 * attention of each (max, nonmax) (the mean over queries of the lower attention bound found in a first pass
 * without averages), then for each (query, max, nonmax) the largest {@code upto} the bound accepts. The search
 * evaluates the checker's own {@link GapBounds} on the same witnesses, so every case written is one the checker
 * accepts; what the generator contributes is the search and the witnesses.
 */
public final class GridProver {
    private final Model model;
    private final CircuitTables tables;
    private final Map<String, double[]> witnesses;

    /** Shares the exact tables and the floating witnesses across the variants of one model. */
    public GridProver(Model model) {
        this.model = model;
        this.tables = CircuitTables.of(model);
        this.witnesses = GridWitnessFinder.find(model);
    }

    /** The proof of one variant: its cases and its average attentions. */
    public record Proof(GridVariant variant, Map<String, double[]> vectors, Map<Integer, Double> averages,
                        List<CubicCase> cases) {
        public BigInteger claim() {
            return cases.stream().map(CubicCase::count).reduce(BigInteger.ZERO, BigInteger::add);
        }
    }

    public Proof prove(GridVariant variant) {
        Map<String, double[]> vectors = new HashMap<>();
        Map<String, DyadicMatrix> exact = new HashMap<>();
        for (GridVariant.Factor f : variant.factors()) {
            for (int j = 1; j <= f.peels(); j++) {
                for (String side : new String[] {"-left", "-right"}) {
                    vectors.put(f.name() + "-" + j + side, witnesses.get(f.name() + "-" + j + side));
                }
            }
        }
        if (variant.directPathWitness()) {
            vectors.put("eupu-centre", witnesses.get("eupu-centre"));
        }
        vectors.forEach((name, x) -> exact.put(name, DyadicMatrix.of(new double[][] {x})));
        Map<Integer, Double> averages = new HashMap<>();
        GapBounds first = new GapBounds(model, tables, variant, exact, key -> new Interval(0, 0));
        List<CubicCase> cases = search(first);
        if (variant.attention() == GridVariant.Attention.MEAN_QUERY_DIFF) {
            int k = model.context();
            Map<Integer, double[]> sums = new HashMap<>();
            for (CubicCase c : cases) {
                double alpha = first.attention(c.query(), c.max(), c.nonmax(), c.upTo()).lo();
                double[] s = sums.computeIfAbsent(c.max() * k + c.nonmax(), x -> new double[2]);
                s[0] += alpha;
                s[1]++;
            }
            sums.forEach((key, s) -> averages.put(key, s[0] / s[1]));
            GapBounds second = new GapBounds(model, tables, variant, exact,
                    key -> averages.containsKey(key) ? point(averages.get(key)) : new Interval(0, 0));
            cases = search(second);
        }
        return new Proof(variant, vectors, averages, cases);
    }

    private static Interval point(double x) {
        return new Interval(x, x);
    }

    private List<CubicCase> search(GapBounds bounds) {
        List<CubicCase> out = new ArrayList<>();
        int v = model.vocab(), k = model.context();
        for (int m = 0; m < v; m++) {
            for (int q = 0; q <= m; q++) {
                int query = q, max = m;
                CaseFinder.find(q, m, k, 0, (nonmax, upTo) -> bounds.margin(query, max, nonmax, upTo), out);
            }
        }
        return out;
    }

    /** Writes the certificate of a proof; returns its claim. */
    public static BigInteger write(ModelReader.ModelFile file, Path out, Proof proof) {
        BigInteger claim = proof.claim();
        int k = file.model().context();
        try (CertificateWriter w = new CertificateWriter(out, file.sha256(), file.model(), claim, proof.variant().name())) {
            w.comment("rule S2 (docs/rules.md): one variant of the reference's sub-cubic grid; witnesses, then cases");
            w.comment("unexplained dimension " + proof.variant().unexplainedDimension(file.model().vocab(), file.model().dModel()));
            proof.vectors().keySet().stream().sorted().forEach(name -> {
                double[] x = proof.vectors().get(name);
                for (int i = 0; i < x.length; i++) {
                    w.line("vector name " + name + " index " + i + " value " + Double.toHexString(x[i]));
                }
            });
            proof.averages().keySet().stream().sorted().forEach(key -> w.line("average-attention max " + key / k
                    + " nonmax " + key % k + " value " + Double.toHexString(proof.averages().get(key))));
            w.comment(proof.cases().size() + " cases");
            for (CubicCase c : proof.cases()) {
                w.line("gap-case query " + c.query() + " max " + c.max() + " nonmax " + c.nonmax()
                        + (c.nonmax() > 0 ? " upto " + c.upTo() : "") + " count " + c.count());
            }
        }
        return claim;
    }
}
