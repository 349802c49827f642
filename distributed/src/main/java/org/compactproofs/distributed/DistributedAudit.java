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
 * reads the archive at the same path (a local directory, or one every executor mounts), or, when the archive is a
 * Hadoop URI ({@link HadoopFiles}), copies each certificate and its model into local scratch space first.
 */
public final class DistributedAudit {
    private DistributedAudit() {}

    public static List<Auditor.Outcome> run(JavaSparkContext spark, Manifest manifest, Limits limits) {
        return run(spark, manifest, manifest.directory().toAbsolutePath().toString(), limits);
    }

    /** The audit of the manifest's entries, read from {@code archive}: a local directory or a Hadoop URI. */
    public static List<Auditor.Outcome> run(JavaSparkContext spark, Manifest manifest, String archive, Limits limits) {
        List<Manifest.Entry> entries = manifest.entries();
        int batches = Math.max(1, Math.min(entries.size(), Math.max(4 * spark.defaultParallelism(), entries.size() / 16)));
        return spark.parallelize(entries, batches).map(e -> one(archive, e, limits)).collect();
    }

    private static Auditor.Outcome one(String archive, Manifest.Entry e, Limits limits) {
        if (!HadoopFiles.remote(archive)) {
            return Auditor.one(Path.of(archive), e, limits);
        }
        Path scratch = HadoopFiles.scratch();
        try {
            HadoopFiles.copy(archive, e.model(), scratch, limits.modelBytes(), "--max-model-bytes");
            HadoopFiles.copy(archive, e.certificate(), scratch, limits.certificateBytes(), "--max-certificate-bytes");
            return Auditor.one(scratch, e, limits);
        } catch (org.compactproofs.checker.UnusableInputException x) {
            return new Auditor.Outcome(e, false, "unusable: " + x.getMessage(), 0, java.util.Map.of(), x.overLimit());
        } finally {
            HadoopFiles.delete(scratch);
        }
    }
}
