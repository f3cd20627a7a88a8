package dev.pathway.spark;

import dev.pathway.cli.engine.DistributedEngine;
import dev.pathway.cli.engine.DistributedEngineProvider;

/** Registers the Spark engine as {@code --engine spark}. */
public final class SparkEngineProvider implements DistributedEngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public DistributedEngine open(String master, int threadsPerTask) {
        // Under spark-submit, its --master arrives as the system property spark.master.
        return new SparkEngine(master != null ? master : System.getProperty("spark.master", "local[*]"), threadsPerTask);
    }
}
