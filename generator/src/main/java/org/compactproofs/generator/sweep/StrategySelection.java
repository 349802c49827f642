package org.compactproofs.generator.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.subcubic.UnionStrategy;

/** Which strategies a sweep (or the demo) runs: named on the command line, or K's default; only feasible ones. */
public final class StrategySelection {
    /** The main strategies: the default for K != 4 (K = 4 runs all 160). Every accepted certificate is archived. */
    public static final List<String> MAIN_STRATEGIES = List.of(Strategies.BRUTE_FORCE.name(), Strategies.CUBIC.name(),
            Strategies.SUBCUBIC_MAXDIFF.name(), Strategies.SUBCUBIC_UNION.name(),
            "eupu-max-diff-exact--attn-mean-query+diff--attn-err-exact-eqke+max-diff-exact", UnionStrategy.VARIANT,
            "subcubic-coupled-2", "subcubic-staircase-2");

    private StrategySelection() {}

    /** The strategies named ('all', 'grid' expanded), or K's default (null: all for K = 4); unknown names refused. */
    public static List<String> strategies(List<String> requested, int context) {
        List<String> known = Strategies.names(), names = new ArrayList<>();
        for (String s : requested != null ? requested : context == 4 ? List.of("all") : MAIN_STRATEGIES) {
            switch (s) {
                case "all" -> names.addAll(known);
                case "grid" -> Strategies.grid().forEach(g -> names.add(g.name()));
                default -> {
                    if (!known.contains(s)) {
                        throw new UnusableInputException("unknown strategy '" + s + "' (see generator strategies; "
                                + "'grid' and 'all' stand for groups)");
                    }
                    names.add(s);
                }
            }
        }
        return names.stream().distinct().toList();
    }

    /**
     * The strategies without brute force when the model's v^K inputs cannot be enumerated, and without cubic when its
     * worst case on the model's shape exceeds the checker's default {@code --max-work} (from v = 512 at K = 4, d_model
     * 32; a real certificate's work is smaller, at v = 256 about half its worst case: name cubic to run it anyway,
     * {@code cubicNamed}); then {@code skipped} is told why.
     */
    public static List<String> feasible(List<String> names, Model m, Consumer<String> skipped) {
        return feasible(names, m, skipped, false);
    }

    public static List<String> feasible(List<String> names, Model m, Consumer<String> skipped, boolean cubicNamed) {
        String bruteForce = Strategies.BRUTE_FORCE.name(), cubic = Strategies.CUBIC.name();
        List<String> out = names;
        if (out.contains(bruteForce) && !Inputs.enumerable(m)) {
            skipped.accept(Inputs.bruteForceOutOfReach(m));
            out = out.stream().filter(n -> !n.equals(bruteForce)).toList();
        }
        double cubicWork = (double) org.compactproofs.checker.rules.Strategies.tableWork(cubic, m)
                + new org.compactproofs.checker.cases.CaseFamily().worstWork(cubic, m);
        if (out.contains(cubic) && !cubicNamed && cubicWork > Limits.DEFAULT_WORK) {
            skipped.accept(String.format(java.util.Locale.ROOT, "cubic skipped: its worst case at vocab %d is %.3g "
                    + "operations, beyond the checker's default --max-work of %d (name it with --strategies to run it "
                    + "anyway; an estimate from slices: generator bench scale-estimates)", m.vocab(), cubicWork, Limits.DEFAULT_WORK));
            out = out.stream().filter(n -> !n.equals(cubic)).toList();
        }
        return out;
    }
}
