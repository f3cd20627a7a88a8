package dev.pathway.cli.engine;

/** Found with {@link java.util.ServiceLoader}: the spark module provides one named "spark". */
public interface DistributedEngineProvider {
    String name();

    /**
     * @param master the cluster master URL, e.g. {@code local[*]} or {@code spark://host:7077}; null: the engine's default
     * @param threadsPerTask PyTorch threads (and Spark task CPUs) per task
     */
    DistributedEngine open(String master, int threadsPerTask);
}
