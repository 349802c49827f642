package org.compactproofs.checker.cases;

import java.util.List;
import java.util.Set;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.RuleFamily;
import org.compactproofs.checker.rules.Strategies;

/**
 * Strategies cubic (rule C1, {@code case}) and subcubic-maxdiff (rule S1, {@code maxdiff-case}), each with its row
 * form, in one key registry.
 */
public final class CaseFamily implements RuleFamily {
    @Override
    public List<Rule> rules(String strategy) {
        return switch (strategy) {
            case "cubic" -> withRow(new CaseRule("case", (state, first) -> new CubicBounds(state.model(), state.tables())),
                    "case-row");
            case "subcubic-maxdiff" -> withRow(new CaseRule("maxdiff-case", MaxDiffBounds::of), "maxdiff-row");
            default -> null;
        };
    }

    /** A case rule and its row form ({@link CaseRowRule}), which runs the same check in the same registry. */
    private static List<Rule> withRow(CaseRule cases, String row) {
        return List.of(cases, new CaseRowRule(row, cases));
    }

    @Override
    public Set<String> strategies() {
        return Set.of("cubic", "subcubic-maxdiff");
    }

    /** C1 and S1 read the exact tables. */
    @Override
    public long tableWork(String strategy, Model m) {
        return Strategies.exactTableWork(m);
    }

    /** Every key once: C1 scans each output's window, S1 its O(k) terms; plus their tables and caches. */
    @Override
    public long worstWork(String strategy, Model m) {
        double v = m.vocab(), k = m.context(), keys = v * (v + 1) / 2 * k;
        return (long) Math.min(Long.MAX_VALUE, strategy.equals("cubic")
                ? keys * v * (k - 1) * (CubicBounds.WINDOW + 4) + v * v * v / 2 + 4 * v * v * k
                : keys * k * (MaxDiffBounds.WINDOW + 8) + 8 * v * v * k);
    }
}
