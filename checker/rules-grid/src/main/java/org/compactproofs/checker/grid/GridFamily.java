package org.compactproofs.checker.grid;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.compactproofs.checker.cases.CaseFamily;
import org.compactproofs.checker.cases.CaseRowRule;
import org.compactproofs.checker.cases.CaseRule;
import org.compactproofs.checker.cases.MaxDiffBounds;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.RuleFamily;
import org.compactproofs.checker.rules.Strategies;

/**
 * Rule S2's 150 strategies, one per grid variant (named eupu-...), and subcubic-union,
 * which pairs S2 with rule S1 over shared keys.
 */
public final class GridFamily implements RuleFamily {
    /** The grid variant that strategy subcubic-union pairs with rule S1 (it takes no witnesses). */
    public static final String UNION_VARIANT = "eupu-max-diff-exact--attn-convex-chord--attn-err-exact-eqke+max-diff-exact";

    @Override
    public List<Rule> rules(String strategy) {
        if (strategy.equals("subcubic-union")) { // each key proved by S1 or by S2, never both (shared keys)
            CaseRule.Keys keys = new CaseRule.Keys();
            CaseRule s1 = new CaseRule("maxdiff-case", MaxDiffBounds::of, keys, false),
                    s2 = new CaseRule("gap-case", new GridProof(GridVariant.parse(UNION_VARIANT))::prepare, keys, false);
            return List.of(s1, new CaseRowRule("maxdiff-row", s1), s2, new CaseRowRule("gap-row", s2));
        }
        GridVariant variant = strategy.startsWith("eupu-") ? GridVariant.parse(strategy) : null;
        if (variant == null) {
            return null;
        }
        GridProof proof = new GridProof(variant);
        CaseRule cases = new CaseRule("gap-case", proof::prepare);
        return List.of(new VectorRule(proof), new AverageAttentionRule(proof), cases, new CaseRowRule("gap-row", cases));
    }

    @Override
    public Set<String> strategies() {
        Set<String> names = new TreeSet<>(Set.of("subcubic-union"));
        GridVariant.all().forEach(g -> names.add(g.name()));
        return names;
    }

    /** S2's enclosed tables and what it derives from them ({@link GapBounds#tableWork}); union adds S1's exact tables. */
    @Override
    public long tableWork(String strategy, Model m) {
        double s2 = GapBounds.tableWork(m);
        return (long) Math.min(Long.MAX_VALUE, strategy.equals("subcubic-union") ? s2 + Strategies.exactTableWork(m) : s2);
    }

    @Override
    public long worstWork(String strategy, Model m) {
        double s2 = GapBounds.worstWork(m);
        return (long) Math.min(Long.MAX_VALUE, strategy.equals("subcubic-union") ? s2 + new CaseFamily().worstWork("subcubic-maxdiff", m) : s2);
    }
}
