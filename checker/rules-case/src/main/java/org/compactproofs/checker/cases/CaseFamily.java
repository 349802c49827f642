package org.compactproofs.checker.cases;

import java.util.List;
import java.util.Set;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.RuleFamily;
import org.compactproofs.checker.rules.Strategies;

/**
 * Strategies cubic (rule C1, {@code case}), subcubic-maxdiff (rule S1, {@code maxdiff-case}) and
 * subcubic-coupled-R (rule S3, {@code coupled-case}), each with its row form, in one key registry.
 */
public final class CaseFamily implements RuleFamily {
    @Override
    public List<Rule> rules(String strategy) {
        return switch (strategy) {
            case "cubic" -> withRow(new CaseRule("case", (state, first) -> new CubicBounds(state.model(), state.tables())),
                    "case-row");
            case "subcubic-maxdiff" -> withRow(new CaseRule("maxdiff-case", MaxDiffBounds::of), "maxdiff-row");
            default -> COUPLED.contains(strategy) ? withRow(new CaseRule("coupled-case",
                    CoupledBounds.withExactOutputs(exactOutputs(strategy))), "coupled-row")
                    : STAIRCASE.contains(strategy) ? withRow(new CaseRule("staircase-case",
                    CoupledBounds.withExactOutputs(exactOutputs(strategy)), new CaseRule.Keys(), true), "staircase-row")
                    : null;
        };
    }

    /** A case rule and its row form ({@link CaseRowRule}), which runs the same check in the same registry. */
    private static List<Rule> withRow(CaseRule cases, String row) {
        return List.of(cases, new CaseRowRule(row, cases));
    }

    /** Rule S3's strategies, subcubic-coupled-R: R outputs below the max bounded by rule C1. */
    static final Set<String> COUPLED = Set.of("subcubic-coupled-0", "subcubic-coupled-1", "subcubic-coupled-2",
            "subcubic-coupled-4");

    /** Rule S4's strategies, subcubic-staircase-R: rule S3's bound on staircase cases. */
    static final Set<String> STAIRCASE = Set.of("subcubic-staircase-2", "subcubic-staircase-4");

    private static int exactOutputs(String strategy) {
        return Integer.parseInt(strategy.substring(strategy.lastIndexOf('-') + 1));
    }

    private static boolean coupledBound(String strategy) {
        return COUPLED.contains(strategy) || STAIRCASE.contains(strategy);
    }

    @Override
    public Set<String> strategies() {
        Set<String> names = new java.util.TreeSet<>(COUPLED);
        names.addAll(STAIRCASE);
        names.addAll(Set.of("cubic", "subcubic-maxdiff"));
        return names;
    }

    /** C1, S1, S3 and S4 read the exact tables; S3 and S4 derive O(r k v^2) more (top lists, G*, tails). */
    @Override
    public long tableWork(String strategy, Model m) {
        double v = m.vocab(), k = m.context(), r = coupledBound(strategy) ? exactOutputs(strategy) : -1;
        return (long) Math.min(Long.MAX_VALUE, Strategies.exactTableWork(m)
                + (r < 0 ? 0 : v * v * (2 + k * (3 + r + 2) + r / 2 + 5 * k)));
    }

    /**
     * Every key once: C1 scans each output's window, S1 its O(k) terms; plus their tables and caches. A staircase
     * case of S4 computes its parts' terms at two thresholds and places them in O(k^2).
     */
    @Override
    public long worstWork(String strategy, Model m) {
        double v = m.vocab(), k = m.context(), keys = v * (v + 1) / 2 * k;
        double r = coupledBound(strategy) ? exactOutputs(strategy) : 0, sides = STAIRCASE.contains(strategy) ? 2 : 1;
        return (long) Math.min(Long.MAX_VALUE, strategy.equals("cubic")
                ? keys * v * (k - 1) * (CubicBounds.WINDOW + 4) + v * v * v / 2 + 4 * v * v * k
                : keys * k * (sides * (MaxDiffBounds.WINDOW * (r + 2) + 8 + r * (CubicBounds.WINDOW + 4)) + sides * k * (r + 1))
                        + 8 * v * v * k);
    }
}
