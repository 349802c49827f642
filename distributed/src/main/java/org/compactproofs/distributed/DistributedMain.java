package org.compactproofs.distributed;

import org.compactproofs.checker.cli.Commands;
import picocli.CommandLine.Command;

/**
 * {@code java -jar distributed/target/distributed.jar audit|check ...}: the checker's archive audit and one
 * certificate's check, run on Apache Spark (in-process {@code local[*]} unless {@code --master} or spark-submit
 * names a cluster). Spark only carries work and results; the checker's kernel decides (docs/distributed.md).
 * Exit codes as the checker's: 0 accepted, 1 rejected, 2 unusable input, 3 internal error.
 */
@Command(name = "distributed", mixinStandardHelpOptions = true, version = "compact-proofs distributed 0.1",
        subcommands = {AuditCommand.class, ShardedCheckCommand.class, BenchCommand.class},
        description = "The checker's audit and check on Apache Spark (local[*] by default; docs/distributed.md).")
public final class DistributedMain implements Runnable {
    public static void main(String[] args) {
        System.exit(Commands.execute(new DistributedMain(), args));
    }

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }
}
