package dev.pathway.trainer.optim;

import ai.djl.training.tracker.Tracker;

/**
 * The learning rate of HuggingFace's {@code get_linear_schedule_with_warmup}: rises linearly from
 * 0 to the peak over the warm-up steps, then falls linearly to 0 at the last step. Steps are
 * 1-based (the first update uses step 1).
 */
public final class LinearWarmupDecay implements Tracker {
    private final float peak;
    private final int warmupSteps;
    private final int totalSteps;

    public LinearWarmupDecay(float peak, int warmupSteps, int totalSteps) {
        if (totalSteps < 1 || warmupSteps < 0 || warmupSteps > totalSteps) {
            throw new IllegalArgumentException("bad schedule: warm-up " + warmupSteps + " of " + totalSteps + " steps");
        }
        this.peak = peak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = totalSteps;
    }

    /** @param numUpdate the 1-based step */
    @Override
    public float getNewValue(int numUpdate) {
        int step = numUpdate - 1; // HF counts from 0
        if (step < warmupSteps) {
            return peak * step / Math.max(1, warmupSteps);
        }
        return peak * Math.max(0f, (float) (totalSteps - step) / Math.max(1, totalSteps - warmupSteps));
    }
}
