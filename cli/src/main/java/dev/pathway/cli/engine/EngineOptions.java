package dev.pathway.cli.engine;

import dev.pathway.core.util.UserInputException;
import java.util.ServiceLoader;
import picocli.CommandLine.Option;

/** {@code --engine local|spark --master URL --threads-per-task N} for commands that can scale out. */
public final class EngineOptions {
    @Option(names = "--engine", defaultValue = "local", description = "local or spark (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", description = "Spark master URL: local[N], spark://host:7077, k8s://https://host:443"
            + " (default: the master spark-submit was given, else local[*]).")
    String master;

    @Option(names = "--threads-per-task", defaultValue = "1", description = "PyTorch threads per Spark task (default: ${DEFAULT-VALUE}).")
    int threadsPerTask;

    public boolean distributed() {
        return switch (engine) {
            case "local" -> false;
            case "spark" -> true;
            default -> throw new UserInputException("unknown --engine '" + engine + "': use local or spark");
        };
    }

    /** Opens the distributed engine; a missing module is one clear error. */
    public DistributedEngine open() {
        if (threadsPerTask < 1) {
            throw new UserInputException("--threads-per-task must be at least 1");
        }
        for (DistributedEngineProvider p : ServiceLoader.load(DistributedEngineProvider.class)) {
            if (p.name().equals(engine)) {
                return p.open(master, threadsPerTask);
            }
        }
        throw new UserInputException("--engine " + engine + " needs the pathway-spark module on the classpath (build it with"
                + " ./mvnw -pl spark -am package, or run the shaded jar with spark-submit)");
    }
}
