package dev.pathway.spark;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models an executor JVM has loaded, once each, by checkpoint path (every executor must be
 * able to read the path: a shared file system or storage mounted at the same place). Also sets
 * PyTorch's thread count for the executor once.
 */
final class ExecutorModels {
    private static final ConcurrentHashMap<String, CrossEncoder> MODELS = new ConcurrentHashMap<>();
    private static final ThreadLocal<Integer> THREADS = new ThreadLocal<>();

    private ExecutorModels() {}

    static CrossEncoder get(String checkpoint, int threadsPerTask) {
        setThreads(threadsPerTask);
        return MODELS.computeIfAbsent(checkpoint, p -> {
            try {
                return Checkpoints.load(Path.of(p), Device.cpu());
            } catch (UserInputException e) {
                throw new UserInputException("executor " + host() + " cannot load checkpoint " + p + ": " + e.getMessage());
            }
        });
    }

    /**
     * PyTorch's CPU thread count for the calling thread. With the OpenMP back-end the setting is
     * per thread (OpenMP's nthreads-var), so each task thread sets it once for itself: a value set
     * by another thread would leave this one on the default and change how reductions split,
     * which changes the last bits of the numbers.
     */
    static void setThreads(int n) {
        Integer current = THREADS.get();
        if (current == null || current != n) {
            dev.pathway.core.engine.PathwayEngine.get(); // loads the native library
            ai.djl.pytorch.jni.JniUtils.setNumThreads(n);
            THREADS.set(n);
        }
    }

    static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "(unknown host)";
        }
    }
}
