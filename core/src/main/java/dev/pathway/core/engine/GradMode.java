package dev.pathway.core.engine;

import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's autograd switch is per thread, and a new thread starts with it ON (DJL switches it
 * off only on the thread that loads the engine). Inference and in-place weight updates on other
 * threads (Spark tasks, thread pools) must switch it off, or they record graphs and in-place
 * writes to trainable weights fail.
 */
public final class GradMode {
    private GradMode() {}

    /** Switches autograd off on this thread until the returned handle closes (then restores it). */
    public static Scope off() {
        PathwayEngine.get();
        boolean was = JniUtils.isGradMode();
        if (was) {
            JniUtils.setGradMode(false);
        }
        return () -> {
            if (was) {
                JniUtils.setGradMode(true);
            }
        };
    }

    /** A restore handle without checked exceptions. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
