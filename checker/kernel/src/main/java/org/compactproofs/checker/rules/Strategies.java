package org.compactproofs.checker.rules;

import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;

/**
 * The strategies a certificate may name: those of the rule families on the class path ({@link RuleFamily}).
 * Append-only: version 1 stays checkable.
 */
public final class Strategies {
    private static final List<RuleFamily> FAMILIES = ServiceLoader.load(RuleFamily.class,
            Strategies.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

    private Strategies() {}

    /** Fresh instances of the rules of a strategy, or null if no family proves it. */
    public static List<Rule> rules(String strategy) {
        RuleFamily family = family(strategy);
        return family == null ? null : family.rules(strategy);
    }

    private static RuleFamily family(String strategy) {
        return FAMILIES.stream().filter(f -> f.rules(strategy) != null).findFirst().orElse(null);
    }

    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        FAMILIES.forEach(f -> names.addAll(f.strategies()));
        return names;
    }

    /** The strategy's {@link RuleFamily#tableWork}, charged before any table is built; the strategy is known. */
    public static long tableWork(String strategy, Model m) {
        return family(strategy).tableWork(strategy, m);
    }

    /**
     * The work of the exact tables ({@link CircuitTables}) on a model of this shape: the products' multiply-adds plus
     * 64 per entry (an exact entry is a BigInteger of some 60 bytes, so the tables' memory stays within about one
     * byte per unit of --max-work). In double, so it saturates instead of overflowing.
     */
    public static long exactTableWork(Model m) {
        double v = m.vocab(), k = m.context();
        double products = CircuitTables.operations(m.vocab(), m.context(), m.dModel(), m.dHead());
        return (long) Math.min(Long.MAX_VALUE, products + 64 * (3 * v * v + 2 * v * k));
    }

    /** {@link #tableWork} plus the strategy's {@link RuleFamily#worstWork}; only for messages. */
    static long worstWork(String strategy, Model m) {
        RuleFamily family = family(strategy);
        return (long) Math.min(Long.MAX_VALUE, (double) family.tableWork(strategy, m) + family.worstWork(strategy, m));
    }
}
