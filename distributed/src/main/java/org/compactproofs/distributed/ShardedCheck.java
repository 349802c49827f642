package org.compactproofs.distributed;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.Shards;
import org.compactproofs.checker.UnusableInputException;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.model.ModelReader;
import org.compactproofs.checker.rules.Failure;

/**
 * One certificate checked in shards of maxima on Spark: each task runs the kernel's {@link Checker#checkShard} on
 * its range; the driver reads the certificate's header and hash and the model's hash itself and hands the
 * collected results to {@link Shards#combine}, which alone decides (Lemma D1). Spark is transport: a lost,
 * repeated or altered result can only make the check fail.
 */
public final class ShardedCheck {
    private ShardedCheck() {}

    /** A task's outcome: the kernel's result, or the message of input it found unusable (exit 2). */
    record Outcome(Shards.Result result, String unusable, double seconds) implements java.io.Serializable {}

    /** The verdict: accepted (failure null) or not, the shards' ranges and results, or the first unusable message. */
    public record Verdict(Shards.Identity identity, String modelSha256, List<Shards.Result> shards, Failure failure,
                          String unusable, List<Double> shardSeconds) {
        public BigInteger proven() {
            return shards.stream().map(Shards.Result::proven).reduce(BigInteger.ZERO, BigInteger::add);
        }
    }

    /**
     * {@code shards} ranges [from, to) of maxima partitioning 0..v-1, each holding about the same number of inputs
     * ((M+1)^k - M^k have maximum M), so that their case steps weigh about the same; fewer when v is smaller.
     */
    public static List<int[]> ranges(int vocab, int context, int shards) {
        double total = Math.pow(vocab, context), per = total / Math.max(1, Math.min(shards, vocab)), done = 0;
        List<int[]> out = new ArrayList<>();
        int from = 0;
        for (int m = 0; m < vocab; m++) {
            done += Math.pow(m + 1, context) - Math.pow(m, context);
            if (done >= per * (out.size() + 1) - 1e-9 * total || m == vocab - 1) {
                out.add(new int[] {from, m + 1});
                from = m + 1;
            }
        }
        return out;
    }

    public static Verdict run(JavaSparkContext spark, Path model, Path certificate, int shards, Limits limits) {
        return run(spark, model.toString(), certificate.toString(), shards, limits); // made absolute there
    }

    /** The check of a model and certificate named by local paths or Hadoop URIs ({@link HadoopFiles}). */
    public static Verdict run(JavaSparkContext spark, String modelPath, String certPath, int shards, Limits limits) {
        modelPath = HadoopFiles.remote(modelPath) ? modelPath : Path.of(modelPath).toAbsolutePath().toString();
        certPath = HadoopFiles.remote(certPath) ? certPath : Path.of(certPath).toAbsolutePath().toString();
        Path scratch = HadoopFiles.scratch();
        try {
            Path model = local(modelPath, scratch.resolve("model"), limits.modelBytes(), "--max-model-bytes");
            Path certificate = local(certPath, scratch.resolve("certificate"), limits.certificateBytes(), "--max-certificate-bytes");
            return run(spark, model, certificate, modelPath, certPath, shards, limits);
        } finally {
            HadoopFiles.delete(scratch);
        }
    }

    /** A local path as it is; a Hadoop URI copied into {@code scratch} (its last segment kept: .gz decides). */
    private static Path local(String path, Path scratch, long bytes, String option) {
        if (!HadoopFiles.remote(path)) {
            return Path.of(path);
        }
        int slash = path.lastIndexOf('/');
        return HadoopFiles.copy(path.substring(0, slash), path.substring(slash + 1), scratch, bytes, option);
    }

    private static Verdict run(JavaSparkContext spark, Path model, Path certificate, String modelPath, String certPath,
                               int shards, Limits limits) {
        Shards.Identity id = Shards.identify(certificate, CertificateFile::open, limits);
        String modelSha = ModelReader.read(model, limits.modelBytes()).sha256();
        List<int[]> ranges = ranges(id.header().vocab(), id.header().context(), shards);
        List<Outcome> outcomes = spark.parallelize(ranges, ranges.size())
                .map(r -> shard(modelPath, certPath, limits, r[0], r[1])).collect();
        List<Shards.Result> results = new ArrayList<>();
        List<Double> seconds = outcomes.stream().map(Outcome::seconds).toList();
        for (Outcome o : outcomes) {
            if (o.unusable() != null) {
                return new Verdict(id, modelSha, results, null, o.unusable(), seconds);
            }
            results.add(o.result());
        }
        return new Verdict(id, modelSha, results, Shards.combine(id, modelSha, results), null, seconds);
    }

    /** One task: the kernel's shard check, on one thread (the executors give the parallelism). */
    static Outcome shard(String model, String certificate, Limits limits, int from, int to) {
        long start = System.nanoTime();
        Path scratch = HadoopFiles.scratch();
        try {
            return new Outcome(Checker.checkShard(local(model, scratch.resolve("model"), limits.modelBytes(), "--max-model-bytes"),
                    local(certificate, scratch.resolve("certificate"), limits.certificateBytes(), "--max-certificate-bytes"),
                    CertificateFile::open, 1, limits, from, to), null, (System.nanoTime() - start) / 1e9);
        } catch (UnusableInputException e) {
            return new Outcome(null, e.getMessage(), 0);
        } catch (OutOfMemoryError e) {
            return new Outcome(null, certificate + ": the shard needs more memory than the executor's Java heap has", 0);
        } finally {
            HadoopFiles.delete(scratch);
        }
    }
}
