package org.compactproofs.generator.strategy.subcubic;

import java.math.BigInteger;
import java.nio.file.Path;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.strategy.OurStrategy;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.cubic.CubicProver;

/** Strategy subcubic-maxdiff (rule S1): the cases of {@link MaxDiffSearch}, written as cubic's rows are. */
public final class MaxDiffStrategy extends OurStrategy {
    public MaxDiffStrategy() {
        super("subcubic-maxdiff");
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        return CubicProver.write(input.file(), out, new MaxDiffSearch(FloatCircuits.of(input.model())).cases(), name(),
                "maxdiff-row", "rule S1 (docs/rules.md): the checker bounds all outputs at once, in O(k log k) per case");
    }
}
