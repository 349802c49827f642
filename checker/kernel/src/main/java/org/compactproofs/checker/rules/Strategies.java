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
        for (RuleFamily family : FAMILIES) {
            List<Rule> rules = family.rules(strategy);
            if (rules != null) {
                return rules;
            }
        }
        return null;
    }

    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        FAMILIES.forEach(f -> names.addAll(f.strategies()));
        return names;
    }

    /**
     * The certificate-independent work of a check on a model of this shape: the table products' multiply-adds
     * plus 64 per table entry (an exact entry is a BigInteger of some 60 bytes, so at the default limit the
     * tables' memory stays within a few hundred MB). Charged before any table is built (docs/trusted-base.md,
     * "Costs"); in double, so it saturates instead of overflowing.
     */
    public static long tableWork(Model m) {
        double v = m.vocab(), k = m.context();
        double products = CircuitTables.operations(m.vocab(), m.context(), m.dModel(), m.dHead());
        return (long) Math.min(Long.MAX_VALUE, products + 64 * (3 * v * v + 2 * v * k));
    }

    /** {@link #tableWork} plus the strategy's family's {@link RuleFamily#worstWork}; only for messages. */
    static long worstWork(String strategy, Model m) {
        for (RuleFamily family : FAMILIES) {
            if (family.rules(strategy) != null) {
                return (long) Math.min(Long.MAX_VALUE, (double) tableWork(m) + family.worstWork(strategy, m));
            }
        }
        return tableWork(m);
    }
}
