package org.compactproofs.checker.rules;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The strategies a certificate may name, and the rules each may use. Append-only: version 1 stays checkable. */
public final class Strategies {
    private static final Map<String, Supplier<List<Rule>>> RULES = new java.util.HashMap<>(Map.of(
            "brute-force", () -> List.of(new BruteForceRule()),
            "cubic", () -> List.of(new CubicCaseRule()),
            "subcubic-maxdiff", () -> List.of(new MaxDiffCaseRule())));

    /** The grid variant that strategy subcubic-union pairs with rule S1 (it takes no witnesses). */
    public static final String UNION_VARIANT = "eupu-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";

    static {
        RULES.put("subcubic-union", () -> { // each key proved by S1 or by S2, never both (shared keys)
            CaseRule.Keys keys = new CaseRule.Keys();
            return List.of(new MaxDiffCaseRule(keys), new GapCaseRule(new GridProof(GridVariant.parse(UNION_VARIANT)), keys));
        });
        for (GridVariant g : GridVariant.all()) { // rule S2: the reference's 100 sub-cubic variants
            RULES.put(g.name(), () -> {
                GridProof proof = new GridProof(g);
                return List.of(new VectorRule(proof), new AverageAttentionRule(proof), new GapCaseRule(proof));
            });
        }
    }

    private Strategies() {}

    /** Fresh instances of the rules of a strategy (rules keep per-certificate state), or null if unknown. */
    public static List<Rule> rules(String strategy) {
        Supplier<List<Rule>> rules = RULES.get(strategy);
        return rules == null ? null : rules.get();
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(RULES.keySet());
    }
}
