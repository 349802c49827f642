package org.compactproofs.generator.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.generator.model.Inputs;
import org.compactproofs.generator.strategy.ProofInput;
import org.compactproofs.generator.strategy.Strategies;
import org.compactproofs.generator.strategy.Strategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "prove", mixinStandardHelpOptions = true,
        description = "Write a certificate for a model with a proof strategy; check it with checker.jar check.")
final class ProveCommand implements Callable<Integer> {
    @Option(names = "--strategy", required = true, description = "Proof strategy: brute-force, cubic, subcubic-maxdiff, subcubic-union, subcubic-coupled-R (R = 0, 1, 2, 4), subcubic-staircase-R (R = 2, 4), or one of the sub-cubic grid (see strategies).")
    String strategy;
    @Option(names = "--model", required = true, description = "The model file (.safetensors).")
    Path model;
    @Option(names = "--out", required = true, description = "The certificate to write.")
    Path out;
    @Option(names = "--threads", defaultValue = "0", description = "Threads (0 = all cores).")
    int threads;
    @Option(names = "--max-brute-force-inputs", defaultValue = "2147483648", description = "brute-force: the most "
            + "inputs to enumerate (default 2^31, the checker's limit). Above 2^31 the certificate is written in the keyed "
            + "form (rule B1, one step per maximum): check it with the same option, sharded with distributed.jar check.")
    long bruteForceInputs;
    @Option(names = "--brute-force-claim", defaultValue = "exact", description = "Above 2^31 inputs: 'exact' counts every "
            + "input with the checker's own walk for the claim (a pass as long as the check); 'cubic' claims the cubic "
            + "proof's count, found in seconds, and the check prints the exact count the steps prove (default: ${DEFAULT-VALUE}).")
    String bruteForceClaim;

    @Override
    public Integer call() {
        if (!bruteForceClaim.equals("exact") && !bruteForceClaim.equals("cubic")) {
            throw new org.compactproofs.checker.UnusableInputException("--brute-force-claim is 'exact' or 'cubic', not '"
                    + bruteForceClaim + "'");
        }
        ModelReader.ModelFile file = ModelReader.read(model);
        Strategy s = Strategies.require(strategy);
        long start = System.nanoTime();
        BigInteger claim = s.prove(new ProofInput(file, Threads.resolve(threads), bruteForceInputs,
                bruteForceClaim.equals("exact")), out);
        BigInteger total = Inputs.count(file.model());
        System.out.printf("wrote %s: strategy %s, claim %s of %s correct (%s), %.2f s%n", out, strategy, claim, total,
                Inputs.decimal(claim, total), (System.nanoTime() - start) / 1e9);
        return 0;
    }
}
