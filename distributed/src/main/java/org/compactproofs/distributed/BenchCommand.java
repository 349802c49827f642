package org.compactproofs.distributed;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.compactproofs.checker.Checker;
import org.compactproofs.checker.Limits;
import org.compactproofs.checker.audit.Auditor;
import org.compactproofs.checker.audit.Manifest;
import org.compactproofs.checker.cli.CertificateFile;
import org.compactproofs.checker.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench audit DIR} and {@code bench shards}: the distributed commands against the checker's own, measured in
 * one run on this machine (docs/benchmarks.md, "Spark"). Spark's start-up is included in its times: users pay it.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure Spark's overhead on this machine: 'audit DIR' (checker audit with 1 and 2 threads against "
                + "local[1] and local[2]) or 'shards' (one certificate checked whole on 1 thread against N shards on local[2]).")
final class BenchCommand implements Callable<Integer> {
    @picocli.CommandLine.Parameters(index = "0", description = "audit or shards") String what;
    @picocli.CommandLine.Parameters(index = "1", arity = "0..1", description = "audit: the archive's directory") Path directory;
    @Option(names = "--first", defaultValue = "0", description = "audit: only the manifest's first N entries (0: all).")
    int first;
    @Option(names = "--model", description = "shards: the model") Path model;
    @Option(names = "--cert", description = "shards: the certificate") Path cert;
    @Option(names = "--shards", defaultValue = "16", description = "shards: how many (default 16)") int shards;

    @Override
    public Integer call() {
        return what.equals("audit") ? audit() : shards();
    }

    private int audit() {
        Manifest all = Manifest.read(directory);
        Manifest manifest = first > 0 ? new Manifest(all.directory(), all.entries().subList(0, Math.min(first,
                all.entries().size()))) : all;
        double[] checker = new double[3], spark = new double[3];
        for (int threads = 1; threads <= 2; threads++) {
            long start = System.nanoTime();
            long ok = Auditor.audit(manifest, threads, Limits.DEFAULT).stream().filter(Auditor.Outcome::accepted).count();
            checker[threads] = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            try (JavaSparkContext sc = Spark.start("local[" + threads + "]", "bench")) {
                long okSpark = DistributedAudit.run(sc, manifest, Limits.DEFAULT).stream().filter(Auditor.Outcome::accepted).count();
                if (okSpark != ok) {
                    throw new IllegalStateException(okSpark + " accepted on Spark, " + ok + " by the checker");
                }
            }
            spark[threads] = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "%d certificates, %d core(s): checker audit %.1f s, distributed audit local[%d] %.1f s"
                    + " (ratio %.3f)%n", manifest.entries().size(), threads, checker[threads], threads, spark[threads],
                    spark[threads] / checker[threads]);
        }
        System.out.printf(Locale.ROOT, "Spark's overhead at 2 cores: %+.1f%% (goal <= 15%%); speed-up from 1 to 2 cores: "
                + "checker %.2f, Spark %.2f%n", 100 * (spark[2] / checker[2] - 1), checker[1] / checker[2], spark[1] / spark[2]);
        return ExitCodes.ACCEPTED;
    }

    private int shards() {
        long start = System.nanoTime();
        var whole = Checker.check(model, cert, CertificateFile::open, 1, Limits.DEFAULT);
        double single = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        ShardedCheck.Verdict v;
        try (JavaSparkContext sc = Spark.start("local[2]", "bench")) {
            v = ShardedCheck.run(sc, model.toString(), cert.toString(), shards, Limits.DEFAULT);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        if (v.failure() != null || !whole.accepted() || !v.proven().equals(whole.proven())) {
            throw new IllegalStateException("the sharded check does not agree with the single one");
        }
        List<Double> s = v.shardSeconds();
        double sum = s.stream().mapToDouble(Double::doubleValue).sum(), max = s.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double overhead = Math.max(0, (2 * wall - sum) / s.size()); // per task, Spark's start-up spread over them
        var h = v.identity().header();
        System.out.printf(Locale.ROOT, "%s (vocab %d, context %d): one thread %.1f s; %d shards on local[2] %.1f s "
                + "(shards' own time %.1f s in all, the largest %.1f s; Spark's time per task %.2f s); ratio %.2f%n",
                cert, h.vocab(), h.context(), single, s.size(), wall, sum, max, overhead, single / wall);
        double perInput = sum / h.total().doubleValue();
        for (int k : new int[] {6, 7}) {
            double inputs = Math.pow(h.vocab(), k); // a leaf costs O(v) whatever k: the measured cost per input carries over
            // a shard holds whole maxima: at most v tasks, and none shorter than the largest maximum's (v^k - (v-1)^k inputs)
            double largest = (inputs - Math.pow(h.vocab() - 1, k)) * perInput + overhead;
            for (int cores : new int[] {2, 16, 128, 1024}) {
                int tasks = Math.min(h.vocab(), 4 * cores);
                System.out.printf(Locale.ROOT, "  estimate: Max-of-%d over %d tokens on %d cores: %s%n", k, h.vocab(), cores,
                        org.compactproofs.checker.Limits.duration(Math.max(largest, (inputs * perInput + tasks * overhead) / cores)));
            }
        }
        return ExitCodes.ACCEPTED;
    }
}
