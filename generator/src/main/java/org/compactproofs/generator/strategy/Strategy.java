package org.compactproofs.generator.strategy;

import java.math.BigInteger;
import java.nio.file.Path;

/**
 * A proof strategy as the generator knows it: the name its certificates state on their {@code strategy} line, the
 * prover that writes such a certificate, where the strategy comes from, and its proof length as the reference
 * counts it. {@link Strategies} holds the one list of them; each strategy's code lives in its own package
 * ({@code bruteforce}, {@code cubic}, {@code subcubic}, {@code grid}).
 */
public interface Strategy {
    /**
     * Where a strategy comes from: ours (brute force, cubic, subcubic-maxdiff, subcubic-union, subcubic-coupled-R, subcubic-staircase-R), or one of the 150
     * variants of the sub-cubic grid (rule S2): the reference's 100, or our 50 with convex-chord attention.
     */
    enum Group { OURS, REFERENCE_GRID, OUR_GRID }

    /** The name certificates state, {@code generator prove --strategy} takes and the archive files under. */
    String name();

    Group group();

    /** One of the 150 variants of the sub-cubic grid (the reference's or ours). */
    default boolean grid() {
        return group() != Group.OURS;
    }

    /**
     * The reference's "unexplained dimension" of this strategy's proof on a model of this shape (docs/rules.md,
     * "Proof length"); exact, as v^(K+1) overflows a long for K = 20.
     */
    BigInteger unexplainedDimension(int vocab, int context, int dModel);

    /** Writes this strategy's certificate for the input's model to {@code out}; returns its claim (the count it states). */
    BigInteger prove(ProofInput input, Path out);
}
