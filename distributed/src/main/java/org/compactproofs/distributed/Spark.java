package org.compactproofs.distributed;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/** Starting Spark: the master named, else the one spark-submit set, else in-process local[*]. */
public final class Spark {
    private Spark() {}

    public static JavaSparkContext start(String master, String application) {
        System.setProperty("io.netty.tryReflectionSetAccessible", "true"); // as Spark's launcher sets on Java 17
        SparkConf conf = new SparkConf().setAppName(application).set("spark.ui.enabled", "false");
        if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.master", "local[*]");
        if (conf.get("spark.master").startsWith("local")) { // one machine: no network name needed
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1").setIfMissing("spark.driver.host", "localhost");
        } else if (!conf.contains("spark.jars")) { // java -jar with --master URL: ship this jar and the checker's
            conf.set("spark.jars", String.join(",", ownJars()));
        }
        return new JavaSparkContext(conf);
    }

    /**
     * Runs a job; a failure of Spark itself (a cluster that removed the application, a lost executor) becomes
     * unusable input (exit 2) with the first line of Spark's message: neither a verdict nor a bug of the checker.
     */
    static <T> T job(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Exception e) { // Scala code throws SparkException, a checked exception, undeclared
            Throwable t = e;
            while (t != null && !(t instanceof org.apache.spark.SparkException)) {
                t = t.getCause();
            }
            if (t == null) {
                throw e;
            }
            String message = String.valueOf(t.getMessage());
            throw new org.compactproofs.checker.UnusableInputException("Spark could not run the job: "
                    + message.lines().findFirst().orElse(""));
        }
    }

    /**
     * distributed.jar and the checker's jars beside it in lib/ (kernel, rule families, cli, grammar, picocli, the
     * ANTLR runtime): what executors need beyond Spark's own; empty when not run from the jar.
     */
    static java.util.List<String> ownJars() {
        try {
            java.nio.file.Path jar = java.nio.file.Path.of(Spark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            java.nio.file.Path lib = jar.resolveSibling("lib");
            if (!jar.toString().endsWith(".jar") || !java.nio.file.Files.isDirectory(lib)) {
                return java.util.List.of();
            }
            java.util.List<String> jars = new java.util.ArrayList<>(java.util.List.of(jar.toString()));
            try (var files = java.nio.file.Files.list(lib)) {
                files.map(java.nio.file.Path::toString).filter(f -> f.matches(".*/(checker|grammar|picocli|antlr4-runtime)-[^/]*\\.jar"))
                        .sorted().forEach(jars::add);
            }
            return jars;
        } catch (java.io.IOException | java.net.URISyntaxException | SecurityException e) {
            return java.util.List.of();
        }
    }

    /**
     * Prints to standard error, as each task of the context's jobs ends, how many of the submitted tasks have ended
     * and the time since this call: progress for checks that take hours. Untrusted output only.
     */
    static void reportProgress(JavaSparkContext spark) {
        long start = System.nanoTime();
        java.util.concurrent.atomic.AtomicInteger ended = new java.util.concurrent.atomic.AtomicInteger(), tasks =
                new java.util.concurrent.atomic.AtomicInteger();
        spark.sc().addSparkListener(new org.apache.spark.scheduler.SparkListener() {
            @Override
            public void onStageSubmitted(org.apache.spark.scheduler.SparkListenerStageSubmitted stage) {
                tasks.addAndGet(stage.stageInfo().numTasks());
            }

            @Override
            public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
                System.err.printf("  progress  %d of %d shards checked, %.0f s%n", ended.incrementAndGet(), tasks.get(),
                        (System.nanoTime() - start) / 1e9);
            }
        });
    }
}
