package org.compactproofs.generator.strategy.subcubic;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.grid.GridFamily;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.cert.CertificateWriter;
import org.compactproofs.generator.cert.Rows;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.OurStrategy;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.grid.GridProver;

/**
 * Strategy subcubic-union: for each (query, max, nonmax) the larger of the case found for rule S1
 * ({@link MaxDiffSearch}) and the case of the best grid variant of ours (rule S2, convex-chord, exact EQKE). The
 * two bounds fail on different inputs (S1 couples each token's weight with its own logits but bounds all outputs
 * at once; S2 bounds the outputs through the convex envelope but the attention through a score gap), so the union
 * proves more than either, at the cost of both tables: still O(v^2 (d + k^2)).
 */
public final class UnionStrategy extends OurStrategy {
    /** The grid variant of rule S2 this strategy uses (the checker's; it takes no witnesses). */
    public static final String VARIANT = GridFamily.UNION_VARIANT;

    private record Choice(String rule, CaseStep c) {}

    public UnionStrategy() {
        super("subcubic-union");
    }

    /** The grid's tables and witnesses are the input's shared ones. */
    @Override
    public BigInteger prove(ProofInput input, Path out) {
        ModelReader.ModelFile file = input.file();
        Map<Long, Choice> best = new LinkedHashMap<>();
        for (CaseStep c : new MaxDiffSearch(FloatCircuits.of(file.model())).cases()) {
            best.put(key(c), new Choice("maxdiff-case", c));
        }
        GridProver.Proof grid = input.shared(GridProver.class, GridProver::new).prove(GridVariant.parse(VARIANT));
        for (CaseStep c : grid.cases()) {
            Choice s1 = best.get(key(c));
            if (s1 == null || c.count().compareTo(s1.c().count()) > 0) {
                best.put(key(c), new Choice("gap-case", c));
            }
        }
        List<Choice> cases = new ArrayList<>(best.values());
        cases.sort(Comparator.comparing(Choice::c, CaseStep.ORDER));
        BigInteger claim = cases.stream().map(x -> x.c().count()).reduce(BigInteger.ZERO, BigInteger::add);
        long fromGrid = cases.stream().filter(x -> x.rule().equals("gap-case")).count();
        try (CertificateWriter w = new CertificateWriter(out, file.sha256(), file.model(), claim, name())) {
            w.comment("each case by rule S1 (maxdiff-row) or by rule S2 (gap-row, " + VARIANT + "),");
            w.comment("whichever covers more; " + cases.size() + " cases, " + fromGrid + " of them by S2");
            List<String> rows = new ArrayList<>(); // interleaved by (max, nonmax): each row's rule is its first word
            for (String rule : new String[] {"maxdiff", "gap"}) {
                rows.addAll(Rows.of(rule + "-row", cases.stream().filter(x -> x.rule().equals(rule + "-case"))
                        .map(Choice::c).toList()));
            }
            rows.sort(Comparator.comparing(UnionStrategy::rowOrder));
            rows.forEach(w::line);
        }
        return claim;
    }

    /** A row's (max, nonmax), for listing the two rules' rows in one order. */
    private static long rowOrder(String row) {
        String[] f = row.split(" ");
        return Long.parseLong(f[2]) * 1000 + Long.parseLong(f[4]);
    }

    private static long key(CaseStep c) {
        return ((long) c.query() << 40) | ((long) c.max() << 16) | c.nonmax();
    }
}
