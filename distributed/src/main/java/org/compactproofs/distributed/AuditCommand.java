package org.compactproofs.distributed;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.AuditReport;
import org.compactproofs.checker.cli.LimitOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code audit DIR}: {@code checker audit} on Spark, with the same report, summary, exit codes and limits. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Re-check every certificate of DIR/MANIFEST.json as checker audit does, one Spark task per batch "
                + "of certificates; the same lines, summary and exit codes (0 all accepted, 1 some not, 2 beyond the "
                + "limits or an unusable manifest).")
final class AuditCommand implements Callable<Integer> {
    @Parameters(index = "0", description = "The archive's directory (holding MANIFEST.json): a path every executor reads, "
            + "or a Hadoop URI (hdfs://, s3a://, file://...).")
    String directory;
    @Option(names = "--master", description = "Spark master URL (default: the one spark-submit sets, else local[*]).")
    String master;
    @Option(names = "--json", description = "Print one JSON object instead of text.")
    boolean json;
    @picocli.CommandLine.Mixin
    LimitOptions limits;

    @Override
    public Integer call() {
        long start = System.nanoTime();
        boolean remote = HadoopFiles.remote(directory);
        Path scratch = remote ? HadoopFiles.scratch() : null;
        try {
            if (remote) { // the manifest read locally, by the checker's own reader
                HadoopFiles.copy(directory, "MANIFEST.json", scratch, Manifest.MAX_BYTES, "MAX_BYTES of the manifest");
            }
            Manifest manifest = Manifest.read(remote ? scratch : Path.of(directory));
            List<Auditor.Outcome> outcomes;
            try (JavaSparkContext spark = Spark.start(master, "compact-proofs audit")) {
                outcomes = Spark.job(() -> DistributedAudit.run(spark, manifest, remote ? directory
                        : manifest.directory().toAbsolutePath().toString(), limits.limits()));
            }
            return AuditReport.print(directory, manifest, outcomes, json, (System.nanoTime() - start) / 1e9);
        } finally {
            if (scratch != null) {
                HadoopFiles.delete(scratch);
            }
        }
    }
}
