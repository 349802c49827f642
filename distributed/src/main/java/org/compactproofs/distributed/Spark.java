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
        }
        return new JavaSparkContext(conf);
    }
}
