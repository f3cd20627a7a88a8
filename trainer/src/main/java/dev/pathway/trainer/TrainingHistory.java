package dev.pathway.trainer;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run has done so far: dev metric per epoch, mean training loss per epoch, the best epoch.
 * Saved with the resume state, so a resumed run reports the same history.
 */
public final class TrainingHistory {
    public final List<Double> devMetric = new ArrayList<>();
    public final List<Double> trainLoss = new ArrayList<>();
    public int bestEpoch = -1;
    public double bestMetric = Double.NEGATIVE_INFINITY;
    public int globalStep;

    /** Records an epoch; returns whether it is the best so far (ties keep the earlier epoch). */
    public boolean record(double meanLoss, double metric) {
        trainLoss.add(meanLoss);
        devMetric.add(metric);
        if (metric > bestMetric) {
            bestMetric = metric;
            bestEpoch = devMetric.size();
            return true;
        }
        return false;
    }

    public int completedEpochs() {
        return devMetric.size();
    }
}
