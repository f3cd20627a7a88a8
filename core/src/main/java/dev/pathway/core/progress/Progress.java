package dev.pathway.core.progress;

/**
 * The progress facade: library code reports steps here and never prints. The CLI installs a
 * terminal progress bar; tests and libraries get {@link #NONE}.
 */
public interface Progress extends AutoCloseable {
    Progress NONE = new Progress() {
        @Override
        public void step(long n) {}

        @Override
        public void close() {}
    };

    void step(long n);

    default void setExtra(String message) {}

    @Override
    void close();

    /** Makes progress reporters for named tasks. */
    interface Factory {
        Factory NONE = (task, total, unit) -> Progress.NONE;

        Progress start(String task, long total, String unit);
    }
}
