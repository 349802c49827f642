package org.compactproofs.checker.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.compactproofs.checker.model.Model;

/** The strategies a certificate may name, and the rules each may use. Append-only: version 1 stays checkable. */
public final class Strategies {
    private static final Map<String, Supplier<List<Rule>>> RULES = new java.util.HashMap<>(Map.of(
            "brute-force", () -> List.of(new BruteForceRule()),
            "cubic", () -> withRow(new CubicCaseRule(), "case-row"),
            "subcubic-maxdiff", () -> withRow(new MaxDiffCaseRule(), "maxdiff-row")));

    /** The grid variant that strategy subcubic-union pairs with rule S1 (it takes no witnesses). */
    public static final String UNION_VARIANT = "eupu-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";

    static {
        RULES.put("subcubic-union", () -> { // each key proved by S1 or by S2, never both (shared keys)
            CaseRule.Keys keys = new CaseRule.Keys();
            CaseRule s1 = new MaxDiffCaseRule(keys), s2 = new GapCaseRule(new GridProof(GridVariant.parse(UNION_VARIANT)), keys);
            return List.of(s1, new CaseRowRule("maxdiff-row", s1), s2, new CaseRowRule("gap-row", s2));
        });
        for (GridVariant g : GridVariant.all()) { // rule S2: the reference's 100 sub-cubic variants
            RULES.put(g.name(), () -> {
                GridProof proof = new GridProof(g);
                GapCaseRule cases = new GapCaseRule(proof);
                return List.of(new VectorRule(proof), new AverageAttentionRule(proof), cases, new CaseRowRule("gap-row", cases));
            });
        }
    }

    private Strategies() {}

    /** A case rule and its row form ({@link CaseRowRule}), which runs the same check in the same registry. */
    private static List<Rule> withRow(CaseRule cases, String row) {
        return List.of(cases, new CaseRowRule(row, cases));
    }

    /** Fresh instances of the rules of a strategy (rules keep per-certificate state), or null if unknown. */
    public static List<Rule> rules(String strategy) {
        Supplier<List<Rule>> rules = RULES.get(strategy);
        return rules == null ? null : rules.get();
    }

    /**
     * The certificate-independent work of a check on a model of this shape: the table products' multiply-adds
     * plus 64 per table entry (an exact entry is a BigInteger of some 60 bytes, so at the default limit the
     * tables' memory stays within a few hundred MB). Charged before any table is built (docs/trusted-base.md,
     * "Costs"); in double, so it saturates instead of overflowing.
     */
    public static long tableWork(Model m) {
        double v = m.vocab(), k = m.context();
        double products = org.compactproofs.checker.model.IntervalTables.operations(m.vocab(), m.context(),
                m.dModel(), m.dHead());
        return (long) Math.min(Long.MAX_VALUE, products + 64 * (3 * v * v + 2 * v * k));
    }

    /**
     * An upper estimate of the operations a strategy's rules can be made to do on this shape by some certificate:
     * every case key used once (the registry allows no more) and every cache missed. Only for messages: the
     * check itself meters what it does ({@link ProofState#spend}). Brute force is bounded by its own limits.
     */
    static long worstWork(String strategy, Model m) {
        double v = m.vocab(), k = m.context(), keys = v * (v + 1) / 2 * k;
        double c1 = keys * v * (k - 1) * (CubicBounds.WINDOW + 4) + v * v * v / 2 + 4 * v * v * k;
        double s1 = keys * k * (MaxDiffBounds.WINDOW + 8) + 8 * v * v * k;
        double s2 = 16 * v * v * (k + m.dModel() + m.dHead() + GapBounds.CHORDS) + keys * (4 * k + 16);
        double rules = switch (strategy) {
            case "brute-force" -> 0;
            case "cubic" -> c1;
            case "subcubic-maxdiff" -> s1;
            case "subcubic-union" -> s1 + s2;
            default -> s2;
        };
        return (long) Math.min(Long.MAX_VALUE, tableWork(m) + rules);
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(RULES.keySet());
    }
}
