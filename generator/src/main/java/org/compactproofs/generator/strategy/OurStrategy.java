package org.compactproofs.generator.strategy;

import java.math.BigInteger;

/** One of our own strategies (group {@link Group#OURS}): brute force and the proofs by cases. */
public abstract class OurStrategy implements Strategy {
    private final String name;

    protected OurStrategy(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Group group() {
        return Group.OURS;
    }

    /**
     * The proofs by cases (cubic, and subcubic-maxdiff, subcubic-union, subcubic-coupled-R and subcubic-staircase-R, which read the same tables): 3v^2 + 2kv
     * (EUPU, EQKE, EVOU in full, PVOU and EQKP).
     */
    @Override
    public BigInteger unexplainedDimension(int vocab, int context, int dModel) {
        return BigInteger.valueOf(3L * vocab * vocab + 2L * context * vocab);
    }
}
