package org.compactproofs.generator.strategy.grid;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.checker.grid.GridVariant;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategy;

/** One variant of the sub-cubic grid (rule S2) as a strategy: {@link GridProver}, its tables shared per model. */
public final class GridStrategy implements Strategy {
    private final GridVariant variant;

    public GridStrategy(GridVariant variant) {
        this.variant = variant;
    }

    public GridVariant variant() {
        return variant;
    }

    @Override
    public String name() {
        return variant.name();
    }

    @Override
    public Group group() {
        return variant.ours() ? Group.OUR_GRID : Group.REFERENCE_GRID;
    }

    @Override
    public BigInteger unexplainedDimension(int vocab, int context, int dModel) {
        return BigInteger.valueOf(unexplainedDimension(variant, vocab, dModel));
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        return GridProver.write(input.file(), out, input.shared(GridProver.class, GridProver::new).prove(variant));
    }

    /**
     * The reference's "unexplained dimension" of the proof (its {@code subcubic_approx_effective_dimension}):
     * direct-path term + attention-error term + v (PVOU) + v^2 (EVOU). The reference does not count the
     * attention handling; nor do we for convex-chord (its v x 33 table of envelope values is derived, not read).
     */
    public static long unexplainedDimension(GridVariant g, int v, int dModel) {
        long eupu = switch (g.directPath()) {
            case GLOBAL_MAX_DIFF_EXACT -> 2;
            case MAX_DIFF_EXACT -> 2L * v;
            case MEAN_QUERY_MAX_DIFF, SVD_QUERY_MAX_DIFF -> v + (long) v * dModel + 2;
            case MAX_DIFF -> (long) v * dModel + 2;
        };
        long svd = 2L * v, mean = g.attentionError().name().startsWith("MEAN") ? v : 0; // the mean+... options
        long error = switch (g.attentionError()) {
            case SVD -> svd;
            case EXACT_EQKE_MAX_DIFF_EXACT -> (long) v * v;
            case MAX_DIFF_EXACT -> svd + 2L * v;
            default -> svd + mean + 2L * dModel;
        };
        return eupu + error + v + (long) v * v;
    }
}
