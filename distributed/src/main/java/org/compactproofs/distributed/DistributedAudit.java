package org.compactproofs.distributed;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.audit.Manifest;

/**
 * The archive audit on Spark: the manifest's entries in consecutive batches, each certificate checked by
 * {@link Auditor#one} on an executor (one thread), the outcomes collected in the manifest's order. Each executor
 * reads the archive at the same path (a local directory, or one every executor mounts).
 */
public final class DistributedAudit {
    private DistributedAudit() {}

    public static List<Auditor.Outcome> run(JavaSparkContext spark, Manifest manifest, Limits limits) {
        String directory = manifest.directory().toAbsolutePath().toString();
        List<Manifest.Entry> entries = manifest.entries();
        int batches = Math.max(1, Math.min(entries.size(), Math.max(4 * spark.defaultParallelism(), entries.size() / 16)));
        return spark.parallelize(entries, batches).map(e -> Auditor.one(Path.of(directory), e, limits)).collect();
    }
}
