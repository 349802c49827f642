package org.compactproofs.generator.strategy.bruteforce;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.OurStrategy;
import org.compactproofs.generator.strategy.ProofInput;

/** Strategy brute-force (rule B1): every input, on the input's threads; refused above 2^31 inputs. */
public final class BruteForceStrategy extends OurStrategy {
    public static final String NAME = "brute-force";

    public BruteForceStrategy() {
        super(NAME);
    }

    /** v^(K+1): every input's logits are read. */
    @Override
    public BigInteger unexplainedDimension(int vocab, int context, int dModel) {
        return BigInteger.valueOf(vocab).pow(context + 1);
    }

    @Override
    public BigInteger prove(ProofInput input, Path out) {
        if (!Inputs.enumerable(input.model())
                && Inputs.count(input.model()).compareTo(BigInteger.valueOf(input.bruteForceInputs())) <= 0) {
            BigInteger lower = null;
            if (!input.exactBruteForceClaim()) {
                Path cubic = out.resolveSibling(out.getFileName() + ".cubic.tmp");
                try {
                    lower = org.compactproofs.generator.strategy.Strategies.CUBIC.prove(input, cubic);
                } finally {
                    cubic.toFile().delete();
                }
            }
            return BruteForceProver.proveKeyed(input.file(), out, input.threads(), input.exactBruteForceClaim(), lower,
                    System.err::println);
        }
        refuseInfeasible(input.model(), input.threads(), input.bruteForceInputs());
        return BruteForceProver.prove(input.file(), out, input.threads());
    }

    /**
     * Brute force enumerates every input; above {@link Inputs#ENUMERABLE} (2^31) inputs, unless the caller
     * raised its limit, it is refused before starting, with the generator's time estimated from a rate measured now
     * on a slice of the model.
     */
    static void refuseInfeasible(Model m, int threads, long limit) {
        if (Inputs.enumerable(m)) {
            return;
        }
        double rate = AccuracyEvaluator.measuredRate(FloatCircuits.of(m), threads);
        BigDecimal seconds = new BigDecimal(Inputs.count(m)).divide(BigDecimal.valueOf(rate), MathContext.DECIMAL64);
        throw new UnusableInputException(String.format("brute force over %d^%d = %s inputs is out of reach (limit %d):"
                + " at %.3g inputs/s (measured now on this machine, %d threads) the generator alone would need %s,"
                + " and the checker's exact re-check longer still; use a structured strategy (cubic, subcubic-*), or raise"
                + " --max-brute-force-inputs to write the keyed form and check it with the same option, sharded (distributed.jar check)",
                m.vocab(), m.context(), Inputs.count(m), limit, rate, threads, Limits.duration(seconds.doubleValue())));
    }
}
