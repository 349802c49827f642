package org.compactproofs.checker.rules;

import java.util.List;
import java.util.Set;
import org.compactproofs.checker.model.Model;

/**
 * A family of rules, one module {@code checker/rules-*} with its lemmas in docs/rules.md, found by the kernel
 * through {@link java.util.ServiceLoader} ({@code META-INF/services/org.compactproofs.checker.rules.RuleFamily}),
 * so that the kernel names no rule class. A family absent from the class path makes its strategies unknown,
 * nothing else: what an auditor must read for one certificate is the kernel and its strategy's family.
 */
public interface RuleFamily {
    /**
     * Fresh instances of the rules of {@code strategy} (rules keep per-certificate state), or null when this family
     * does not prove it. Deciding null tests the name only and touches no other class of the family.
     */
    List<Rule> rules(String strategy);

    /** The strategies this family proves, for messages. */
    Set<String> strategies();

    /**
     * An upper bound on the work of what the strategy's rules build once per certificate whatever its steps (the
     * circuit tables, exact ({@link Strategies#exactTableWork}) or enclosed, and what is derived from them), in
     * operations that also stand for their memory: charged against {@code --max-work} at the strategy line,
     * before any of it is built (docs/trusted-base.md, "Costs").
     */
    long tableWork(String strategy, Model m);

    /**
     * An upper estimate of the operations the strategy's rules can be made to do on a model of this shape by some
     * certificate (every case key used once, every cache missed); only for messages: the check meters what it
     * does ({@link ProofState#caseChecked}).
     */
    long worstWork(String strategy, Model m);
}
