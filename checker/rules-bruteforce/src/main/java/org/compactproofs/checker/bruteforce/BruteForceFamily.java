package org.compactproofs.checker.bruteforce;

import java.util.List;
import java.util.Set;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.rules.Rule;
import org.compactproofs.checker.rules.RuleFamily;
import org.compactproofs.checker.rules.Strategies;

/** Strategy brute-force: rule B1 alone. */
public final class BruteForceFamily implements RuleFamily {
    @Override
    public List<Rule> rules(String strategy) {
        return strategy.equals("brute-force") ? List.of(new BruteForceRule()) : null;
    }

    @Override
    public Set<String> strategies() {
        return Set.of("brute-force");
    }

    /** B1 reads the exact tables. */
    @Override
    public long tableWork(String strategy, Model m) {
        return Strategies.exactTableWork(m);
    }

    /** Zero: a brute force is bounded by its own limits, checked before its walk. */
    @Override
    public long worstWork(String strategy, Model m) {
        return 0;
    }
}
