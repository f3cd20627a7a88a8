package dev.pathway.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;

/**
 * Test hook for "a task killed mid-way": with the system property {@value #FAIL_PARTITION} set to
 * {@code WORKLOAD:PARTITION} (e.g. {@code scoring:1} or {@code patching:0}), the first attempt of that partition fails
 * after its first item; Spark retries it (where the master allows retries, e.g. {@code local[2,2]}).
 */
final class TaskFaults {
    static final String FAIL_PARTITION = "pathway.spark.failPartitionOnce";
    /** Failures injected in this JVM (local mode: the tests' check that the fault happened). */
    static final AtomicInteger INJECTED = new AtomicInteger();

    private TaskFaults() {}

    static void afterItem(String workload) {
        String spec = System.getProperty(FAIL_PARTITION);
        TaskContext tc = TaskContext.get();
        if (spec == null || tc == null || tc.attemptNumber() != 0) {
            return;
        }
        if (spec.equals(workload + ":" + tc.partitionId())) {
            INJECTED.incrementAndGet();
            throw new IllegalStateException("injected failure: " + workload + " partition " + tc.partitionId() + " killed after its first item");
        }
    }
}
