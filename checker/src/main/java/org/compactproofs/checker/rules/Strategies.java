package org.compactproofs.checker.rules;

import java.util.List;
import java.util.Map;

/** The strategies a certificate may name, and the rules each may use. Append-only: version 1 stays checkable. */
public final class Strategies {
    private static final Map<String, List<Rule>> RULES = Map.of(
            "brute-force", List.of(new BruteForceRule()));

    private Strategies() {}

    /** The rules of a strategy, or null if the strategy is unknown. */
    public static List<Rule> rules(String strategy) {
        return RULES.get(strategy);
    }

    public static java.util.Set<String> names() {
        return new java.util.TreeSet<>(RULES.keySet());
    }
}
