package org.compactproofs.generator.strategy.coupled;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import org.compactproofs.checker.cases.CaseRule;
import org.compactproofs.checker.cases.CoupledBounds;
import org.compactproofs.checker.model.CircuitTables;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.cert.CaseStep;
import org.compactproofs.generator.strategy.OurStrategy;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.cubic.CaseFinder;
import org.compactproofs.generator.strategy.cubic.CubicProver;

/**
 * Strategy subcubic-coupled-R (rule S3, docs/rules.md): for each max M, the outputs outside {M-R..M} bounded at
 * once with the direct path coupled to the value and position paths through a common vector u, and the R outputs
 * just below M bounded one by one as the cubic proof does. The search runs the checker's own rigorous bound
 * ({@link CoupledBounds}), so every case written is accepted: a binary search per (query, max, nonmax) for the
 * largest upto whose bound is positive. Cost O(R k^2 v^2 W) after the tables: sub-cubic.
 */
public final class CoupledStrategy extends OurStrategy {
    /** The numbers of exact outputs per max that have a strategy (the checker's list). */
    public static final List<Integer> EXACT_OUTPUTS = List.of(0, 1, 2, 4);

    private final int exactOutputs;

    public CoupledStrategy(int exactOutputs) {
        super("subcubic-coupled-" + exactOutputs);
        this.exactOutputs = exactOutputs;
    }

    /** The cases rule S3 accepts, with the largest upto per (query, max, nonmax) that a binary search finds. */
    public static List<CaseStep> cases(Model m, CircuitTables tables, int exactOutputs) {
        CaseRule.Bound bound = CoupledBounds.of(m, tables, exactOutputs);
        int[] worst = new int[1];
        return CaseFinder.everyPair(m.vocab(), (q, max, out) ->
                CaseFinder.find(q, max, m.context(), 0, (c, a) -> bound.of(q, max, c, a, worst), out));
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        Model m = input.model();
        return CubicProver.write(input.file(), out, cases(m, input.shared(CircuitTables.class, CircuitTables::of), exactOutputs), name(), "coupled-row",
                "rule S3 (docs/rules.md): the outputs outside {max-" + exactOutputs + "..max} at once, coupled,"
                        + " and the " + exactOutputs + " just below the max one by one");
    }
}
