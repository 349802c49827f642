package org.compactproofs.generator.strategy.staircase;

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
 * Strategy subcubic-staircase-R (rule S4, docs/rules.md): rule S3's bound on staircase cases, in which one non-max
 * token may reach {@code upto} while the others stay at most {@code rest}. Most inputs a plain case loses have a
 * single token near the maximum (two or more near it are rarer by a factor of about gap/v), and the one token near
 * the maximum takes less of the attention than two would, so a staircase holds more inputs than the largest box.
 * The search runs the checker's own bound ({@link CoupledBounds}); {@link CaseFinder#findStairs} widens each plain
 * case. Cost O(R k^2 v^2 W log v) after the tables: sub-cubic.
 */
public final class StaircaseStrategy extends OurStrategy {
    /** The numbers of exact outputs per max that have a strategy (the checker's list). */
    public static final List<Integer> EXACT_OUTPUTS = List.of(2, 4);

    private final int exactOutputs;

    public StaircaseStrategy(int exactOutputs) {
        super("subcubic-staircase-" + exactOutputs);
        this.exactOutputs = exactOutputs;
    }

    /** The cases rule S4 accepts: per (query, max, nonmax) the staircase of most inputs the search finds. */
    public static List<CaseStep> cases(Model m, CircuitTables tables, int exactOutputs) {
        CaseRule.Bound bound = CoupledBounds.of(m, tables, exactOutputs);
        int[] worst = new int[1];
        return CaseFinder.everyPair(m.vocab(), (q, max, out) ->
                CaseFinder.findStairs(q, max, m.context(), 0, (c, a, b) -> bound.of(q, max, c, a, b, worst), out));
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        Model m = input.model();
        return CubicProver.write(input.file(), out, cases(m, input.shared(CircuitTables.class, CircuitTables::of),
                exactOutputs), name(), "staircase-row", "rule S4 (docs/rules.md): rule S3's bound (" + exactOutputs
                + " outputs below the max one by one) on staircase cases: one non-max token up to 'upto', the others"
                + " up to 'rest'");
    }
}
