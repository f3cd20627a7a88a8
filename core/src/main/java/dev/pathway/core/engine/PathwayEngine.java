package dev.pathway.core.engine;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import dev.pathway.core.util.UserInputException;

/**
 * Starts DJL's PyTorch engine offline. The native library comes from the
 * {@code pytorch-native-cpu} jar on the classpath; with {@code ai.djl.offline=true} a broken
 * set-up fails at once instead of trying to download.
 */
public final class PathwayEngine {
    public static final String NATIVE_ARTIFACT =
            "ai.djl.pytorch:pytorch-native-cpu:2.7.1:linux-x86_64";

    private static volatile Engine engine;

    private PathwayEngine() {}

    /** Returns the PyTorch engine, loading it offline on first use. */
    public static Engine get() {
        Engine e = engine;
        if (e == null) {
            synchronized (PathwayEngine.class) {
                e = engine;
                if (e == null) {
                    e = load();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static Engine load() {
        if (System.getProperty("ai.djl.offline") == null && System.getenv("DJL_OFFLINE") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        // The graph optimizer only matters for TorchScript models, which pathway does not use.
        System.setProperty("ai.djl.pytorch.graph_optimizer", "false");
        try {
            return Engine.getEngine("PyTorch");
        } catch (Throwable t) {
            Throwable root = t;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            throw new EngineUnavailableException(
                    "PyTorch native library could not be loaded (offline mode, nothing was"
                            + " downloaded): put " + NATIVE_ARTIFACT + " on the classpath; cause: "
                            + root.getMessage(),
                    t);
        }
    }

    /** Parses a user's device choice: {@code cpu}, {@code gpu} or {@code gpu:N}. */
    public static Device device(String name) {
        String n = name == null ? "cpu" : name.trim().toLowerCase(java.util.Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        if (n.equals("gpu") || n.startsWith("gpu:")) {
            int id = n.equals("gpu") ? 0 : parseGpuId(n);
            if (get().getGpuCount() <= id) {
                throw new UserInputException(
                        "--device " + name + ": no CUDA GPU is visible to PyTorch on this machine"
                                + " (this build ships the CPU native library)");
            }
            return Device.gpu(id);
        }
        throw new UserInputException("unknown device '" + name + "': use cpu, gpu or gpu:N");
    }

    private static int parseGpuId(String n) {
        try {
            return Integer.parseInt(n.substring(4));
        } catch (NumberFormatException e) {
            throw new UserInputException("unknown device '" + n + "': use cpu, gpu or gpu:N");
        }
    }

    /** A new base manager on the given device. */
    public static NDManager newManager(Device device) {
        return get().newBaseManager(device);
    }

    /** Small entry point for checking the set-up from a shell or a test subprocess. */
    public static void main(String[] args) {
        try {
            Engine e = get();
            System.out.println(e.getEngineName() + " " + e.getVersion());
        } catch (EngineUnavailableException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(1);
        }
    }
}
