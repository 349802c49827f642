package org.compactproofs.generator.strategy.grid;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.arith.DyadicMatrix;
import org.compactproofs.checker.arith.Interval;
import org.compactproofs.checker.grid.GapBounds;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.checker.grid.IntervalTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.cert.Rows;
import org.compactproofs.generator.strategy.cubic.CaseFinder;

/**
 * A certificate for one variant of the sub-cubic grid (rule S2 of docs/rules.md, the reference's
 * LargestWrongLogitQuadraticConfig, and our convex-chord attention): the witness vectors the variant takes, for
 * mean-query+diff the average attention of each (max, nonmax) (see {@link #chooseAverages}), then for each
 * (query, max, nonmax) the largest {@code upto} the bound accepts. The search
 * evaluates the checker's own {@link GapBounds} on the same witnesses, so every case written is one the checker
 * accepts; what the generator contributes is the search and the witnesses.
 */
public final class GridProver {
    /** Significant bits kept in witness vectors and average attentions: any witness is sound, short ones are cheap. */
    static final int VECTOR_BITS = 16, AVERAGE_BITS = 10;
    private final Model model;
    private final IntervalTables tables;
    private final Map<String, double[]> witnesses;

    /** Shares the exact tables and the floating witnesses across the variants of one model. */
    public GridProver(Model model) {
        this.model = model;
        this.tables = IntervalTables.of(model);
        this.witnesses = GridWitnessFinder.find(model);
    }

    /** The proof of one variant: its cases and its average attentions. */
    public record Proof(GridVariant variant, Map<String, double[]> vectors, Map<Integer, Double> averages,
                        List<CaseStep> cases) {
        public BigInteger claim() {
            return cases.stream().map(CaseStep::count).reduce(BigInteger.ZERO, BigInteger::add);
        }
    }

    public Proof prove(GridVariant variant) {
        Map<String, double[]> vectors = new HashMap<>();
        Map<String, DyadicMatrix> exact = new HashMap<>();
        for (GridVariant.Factor f : variant.factors()) {
            for (int j = 1; j <= f.peels(); j++) {
                for (String side : new String[] {"-left", "-right"}) {
                    vectors.put(f.name() + "-" + j + side, Rows.round(witnesses.get(f.name() + "-" + j + side), VECTOR_BITS));
                }
            }
        }
        if (variant.directPathWitness()) {
            vectors.put("eupu-centre", Rows.round(witnesses.get("eupu-centre"), VECTOR_BITS));
        }
        vectors.forEach((name, x) -> exact.put(name, DyadicMatrix.of(new double[][] {x})));
        Map<Integer, Double> averages = new HashMap<>();
        GapBounds bounds = new GapBounds(model, tables, variant, exact, key -> new Interval(0, 0));
        List<CaseStep> cases = variant.attention() == GridVariant.Attention.MEAN_QUERY_DIFF
                ? chooseAverages(variant, exact, bounds, averages) : search(bounds);
        return new Proof(variant, vectors, averages, cases);
    }

    /**
     * Per (max, nonmax), the average attention that proves the most inputs among a few candidates: zero and
     * quantiles of the queries' lower attention bounds. The bound is exact for queries whose attention is at
     * least the average and whose outputs' maximum is reached by the copying output; below the average it pays
     * with the smallest R (Theorem S2), so the best average sits low in the distribution.
     */
    private List<CaseStep> chooseAverages(GridVariant variant, Map<String, DyadicMatrix> exact, GapBounds bounds,
                                           Map<Integer, Double> averages) {
        int v = model.vocab(), k = model.context();
        List<CaseStep> out = new ArrayList<>();
        Map<Integer, Double> candidate = new HashMap<>();
        GapBounds trial = new GapBounds(model, tables, variant, exact,
                key -> point(candidate.getOrDefault(key, 0.0)));
        for (int m = 0; m < v; m++) {
            for (int c = 0; c < k; c++) {
                int key = m * k + c, nonmax = c;
                List<Double> alphas = new ArrayList<>();
                for (int q = 0; q <= m; q++) {
                    if (c <= (q == m ? k - 1 : k - 2) && (c == 0 || m > 0)) {
                        alphas.add(bounds.attention(q, m, c, c == 0 ? -1 : m - 1).lo());
                    }
                }
                if (alphas.isEmpty()) {
                    continue;
                }
                alphas.sort(null);
                List<CaseStep> best = null;
                BigInteger bestCount = BigInteger.valueOf(-1);
                double bestAverage = 0;
                for (double quantile : new double[] {-1, 0, 0.1, 0.25, 0.5}) {
                    double abar = quantile < 0 ? 0 : Rows.round(alphas.get((int) (quantile * (alphas.size() - 1))), AVERAGE_BITS);
                    candidate.put(key, abar);
                    List<CaseStep> found = new ArrayList<>();
                    for (int q = 0; q <= m; q++) {
                        int query = q, max = m;
                        List<CaseStep> all = new ArrayList<>();
                        CaseFinder.find(q, m, k, 0, (n, upTo) -> n == nonmax ? trial.margin(query, max, n, upTo)
                                : Double.NEGATIVE_INFINITY, all);
                        found.addAll(all);
                    }
                    BigInteger count = found.stream().map(CaseStep::count).reduce(BigInteger.ZERO, BigInteger::add);
                    if (count.compareTo(bestCount) > 0) {
                        best = found;
                        bestCount = count;
                        bestAverage = abar;
                    }
                }
                candidate.put(key, bestAverage);
                if (bestAverage != 0) {
                    averages.put(key, bestAverage);
                }
                out.addAll(best);
            }
        }
        out.sort(CaseStep.ORDER);
        return out;
    }

    private static Interval point(double x) {
        return new Interval(x, x);
    }

    private List<CaseStep> search(GapBounds bounds) {
        List<CaseStep> out = new ArrayList<>();
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
            w.comment("unexplained dimension " + GridStrategy.unexplainedDimension(proof.variant(), file.model().vocab(),
                    file.model().dModel()));
            proof.vectors().keySet().stream().sorted().forEach(name -> w.line(Rows.vector(name, proof.vectors().get(name))));
            proof.averages().keySet().stream().sorted().forEach(key -> w.line("average-attention max " + key / k
                    + " nonmax " + key % k + " value " + Rows.number(proof.averages().get(key))));
            w.comment(proof.cases().size() + " cases, one row per (max, nonmax) (docs/language.md)");
            Rows.of("gap-row", proof.cases()).forEach(w::line);
        }
        return claim;
    }
}
