package org.compactproofs.generator.strategy.cubic;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.generator.strategy.OurStrategy;
import org.compactproofs.generator.strategy.ProofInput;

/** Strategy cubic (rule C1): {@link CubicProver}. */
public final class CubicStrategy extends OurStrategy {
    public static final String NAME = "cubic";

    public CubicStrategy() {
        super(NAME);
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        return CubicProver.prove(input.file(), out);
    }
}
