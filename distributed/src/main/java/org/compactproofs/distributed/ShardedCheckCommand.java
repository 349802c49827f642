package org.compactproofs.distributed;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.compactproofs.checker.cert.Header;
import org.compactproofs.checker.cli.CheckCommand;
import org.compactproofs.checker.cli.ExitCodes;
import org.compactproofs.checker.cli.LimitOptions;
import org.compactproofs.checker.rules.Failure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code check --model M --cert C --shards N}: one certificate checked in N shards of maxima (Lemma D1). */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check one certificate in N shards of maxima on Spark: each shard verifies the steps of its range "
                + "of max, and the kernel's combining function accepts only if the shards partition 0..vocab-1, none "
                + "failed and their counts reach the claim. Exit 0 accepted, 1 rejected, 2 unusable input.")
final class ShardedCheckCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "The model file (.safetensors): a path every executor reads, or a Hadoop URI.")
    String model;
    @Option(names = "--cert", required = true, description = "The certificate (plain or gzip): a path every executor reads, or a Hadoop URI.")
    String cert;
    @Option(names = "--shards", defaultValue = "0", description = "Shards (default 0: four per core Spark offers).")
    int shards;
    @Option(names = "--master", description = "Spark master URL (default: the one spark-submit sets, else local[*]).")
    String master;
    @Option(names = "--progress", description = "Print to standard error how many shards are checked as each ends.")
    boolean progress;
    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        ShardedCheck.Verdict v;
        try (JavaSparkContext spark = Spark.start(master, "compact-proofs check")) {
            if (progress) {
                Spark.reportProgress(spark);
            }
            v = Spark.job(() -> ShardedCheck.run(spark, model, cert, shards > 0 ? shards : 4 * spark.defaultParallelism(),
                    limits.limits()));
        }
        if (v.unusable() != null) {
            System.err.println("error: " + v.unusable());
            return ExitCodes.UNUSABLE_INPUT;
        }
        PrintStream out = System.out;
        Header h = v.identity().header();
        Failure f = v.failure();
        if (f == null) {
            out.println("ACCEPTED " + cert);
        } else {
            out.println("REJECTED " + cert + ":" + f.line() + ":" + f.column() + " rule " + f.rule());
            out.println("  " + f.inequality() + " does not hold");
            out.println("  left side   " + f.leftValue());
            out.println("  right side  " + f.rightValue());
        }
        out.println("  model     " + model + " (sha256 " + v.modelSha256() + ")");
        out.println("  strategy  " + h.strategy());
        out.println("  shards    " + v.shards().size() + " ranges of max: " + String.join(", ", v.shards().stream()
                .map(s -> s.from() + ".." + (s.to() - 1) + " proves " + s.proven()).toList()));
        if (f == null) {
            out.println("  proven    " + h.claimedCorrect() + " of " + h.total() + " inputs correct (the shards prove "
                    + v.proven() + ")");
            out.println("  bound     accuracy >= " + CheckCommand.fraction(h.claimedCorrect(), h.total()) + " = "
                    + CheckCommand.decimal(h.claimedCorrect(), h.total()));
        }
        System.err.printf("  time      %.2f s%n", (System.nanoTime() - start) / 1e9);
        return f == null ? ExitCodes.ACCEPTED : ExitCodes.REJECTED;
    }
}
