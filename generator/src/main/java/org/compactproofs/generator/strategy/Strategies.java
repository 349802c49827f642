package org.compactproofs.generator.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.generator.strategy.bruteforce.BruteForceStrategy;
import org.compactproofs.generator.strategy.coupled.CoupledStrategy;
import org.compactproofs.generator.strategy.cubic.CubicStrategy;
import org.compactproofs.generator.strategy.grid.GridStrategy;
import org.compactproofs.generator.strategy.staircase.StaircaseStrategy;
import org.compactproofs.generator.strategy.subcubic.MaxDiffStrategy;
import org.compactproofs.generator.strategy.subcubic.UnionStrategy;

/**
 * The one list of the generator's proof strategies, in the order every listing and report uses: ours (brute force,
 * cubic, subcubic-maxdiff, subcubic-union, subcubic-coupled-0, -1, -2, -4, subcubic-staircase-2, -4), then the 150 variants of the sub-cubic grid (rule S2) in the order of
 * {@link GridVariant#all()}: the reference's 100, then ours. The checker keeps its own list of the names it accepts
 * ({@code org.compactproofs.checker.rules.Strategies}); a test holds the two equal.
 */
public final class Strategies {
    public static final Strategy BRUTE_FORCE = new BruteForceStrategy();
    public static final Strategy CUBIC = new CubicStrategy();
    public static final Strategy SUBCUBIC_MAXDIFF = new MaxDiffStrategy();
    public static final Strategy SUBCUBIC_UNION = new UnionStrategy();

    private static final Map<String, Strategy> ALL = new LinkedHashMap<>();

    static {
        List<Strategy> all = new ArrayList<>(List.of(BRUTE_FORCE, CUBIC, SUBCUBIC_MAXDIFF, SUBCUBIC_UNION));
        CoupledStrategy.EXACT_OUTPUTS.forEach(r -> all.add(new CoupledStrategy(r)));
        StaircaseStrategy.EXACT_OUTPUTS.forEach(r -> all.add(new StaircaseStrategy(r)));
        GridVariant.all().forEach(g -> all.add(new GridStrategy(g)));
        all.forEach(s -> ALL.put(s.name(), s));
    }

    private Strategies() {}

    /** Every strategy, in order. */
    public static List<Strategy> all() {
        return List.copyOf(ALL.values());
    }

    /** Every strategy's name, in order. */
    public static List<String> names() {
        return List.copyOf(ALL.keySet());
    }

    /** Ours (not of the grid), in order. */
    public static List<Strategy> ours() {
        return ALL.values().stream().filter(s -> !s.grid()).toList();
    }

    /** The 150 variants of the sub-cubic grid, in order. */
    public static List<Strategy> grid() {
        return ALL.values().stream().filter(Strategy::grid).toList();
    }

    /** The strategy of this name, or null. */
    public static Strategy named(String name) {
        return ALL.get(name);
    }

    /** The strategy of this name; an unknown name is unusable input, with the names there are. */
    public static Strategy require(String name) {
        Strategy s = named(name);
        if (s == null) {
            throw new UnusableInputException("unknown strategy '" + name + "' (known: " + String.join(", ",
                    ours().stream().map(Strategy::name).toList()) + " and the grid listed by 'strategies')");
        }
        return s;
    }
}
