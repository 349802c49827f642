package org.compactproofs.generator.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.model.Model;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.AccuracyEvaluator;
import org.compactproofs.checker.rules.GridVariant;
import org.compactproofs.generator.strategy.grid.GridProver;
import org.compactproofs.generator.strategy.bruteforce.BruteForceProver;
import org.compactproofs.generator.model.FloatCircuits;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.cubic.CubicProver;
import org.compactproofs.generator.strategy.subcubic.MaxDiffSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Write a certificate for a model with a proof strategy; check it with checker.jar check.")
final class ProveCommand implements Callable<Integer> {
    @Option(names = "--strategy", required = true, description = "Proof strategy: brute-force, cubic, subcubic-maxdiff, subcubic-union, or one of the sub-cubic grid (see strategies).")
    String strategy;
    @Option(names = "--model", required = true, description = "The model file (.safetensors).")
    Path model;
    @Option(names = "--out", required = true, description = "The certificate to write.")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;

    @Override
    public Integer call() {
        ModelReader.ModelFile file = ModelReader.read(model);
        long start = System.nanoTime();
        BigInteger claim = prove(strategy, file, out, Threads.resolve(threads));
        BigInteger total = Inputs.count(file.model());
        System.out.printf("wrote %s: strategy %s, claim %s of %s correct (%s), %.2f s%n", out, strategy, claim, total,
                Inputs.decimal(claim, total), (System.nanoTime() - start) / 1e9);
        return 0;
    }

    /**
     * Brute force enumerates every input; above {@link Inputs#ENUMERABLE} (2^31) inputs it is refused
     * before starting, with the generator's time estimated from a rate measured now on a slice of the model.
     */
    static void refuseInfeasibleBruteForce(Model m, int threads) {
        if (Inputs.enumerable(m)) {
            return;
        }
        double rate = AccuracyEvaluator.measuredRate(FloatCircuits.of(m), threads);
        BigDecimal seconds = new BigDecimal(Inputs.count(m)).divide(BigDecimal.valueOf(rate), MathContext.DECIMAL64);
        throw new UnusableInputException(String.format("brute force over %d^%d = %s inputs is out of reach (limit 2^31):"
                + " at %.3g inputs/s (measured now on this machine, %d threads) the generator alone would need %s,"
                + " and the checker's exact re-check longer still; use a structured strategy (cubic, subcubic-*)",
                m.vocab(), m.context(), Inputs.count(m), rate, threads,
                org.compactproofs.checker.rules.BruteForceRule.duration(seconds.doubleValue())));
    }

    /** Writes a certificate of the named strategy; returns its claim. */
    static BigInteger prove(String strategy, ModelReader.ModelFile file, Path out, int threads) {
        return switch (strategy) {
            case "brute-force" -> {
                refuseInfeasibleBruteForce(file.model(), threads);
                yield BruteForceProver.prove(file, out, threads);
            }
            case "cubic" -> CubicProver.prove(file, out);
            case "subcubic-maxdiff" -> CubicProver.write(file, out,
                    new MaxDiffSearch(FloatCircuits.of(file.model())).cases(), strategy, "maxdiff-row",
                    "rule S1 (docs/rules.md): the checker bounds all outputs at once, in O(k log k) per case");
            case "subcubic-union" -> org.compactproofs.generator.strategy.subcubic.UnionProver.prove(file, out);
            default -> {
                GridVariant variant = GridVariant.parse(strategy);
                if (variant == null) {
                    throw new UnusableInputException("unknown strategy '" + strategy
                            + "' (known: brute-force, cubic, subcubic-maxdiff, subcubic-union and the grid listed by 'strategies')");
                }
                yield GridProver.write(file, out, new GridProver(file.model()).prove(variant));
            }
        };
    }
}
