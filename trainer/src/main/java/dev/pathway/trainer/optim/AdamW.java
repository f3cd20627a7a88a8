package dev.pathway.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.pathway.core.engine.GradMode;
import dev.pathway.core.model.Gradients;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW as {@code torch.optim.AdamW} (decoupled weight decay: w -= lr*wd*w, then the Adam step
 * with bias correction). Written here rather than taken from DJL for two reasons: the moments
 * must be saved and restored to resume a run, and the word-embedding matrix can be updated lazily
 * ({@link #updateRows}: only the rows a batch touched, from their gradient alone), which keeps
 * embedding-only training from paying for a dense 30522 x d update every step.
 *
 * <p>Lazy rows follow LazyAdam: untouched rows keep their moments and get no decay that step.
 * The gradient of every densely updated parameter is zeroed after its update (PyTorch accumulates).
 */
public final class AdamW extends Optimizer {
    private final Tracker learningRate;
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray> means = new HashMap<>();
    private final Map<String, NDArray> variances = new HashMap<>();
    private final Map<String, Integer> steps = new HashMap<>();
    private final NDManager stateManager;

    public AdamW(Tracker learningRate, float weightDecay, NDManager stateManager) {
        super(new Builder());
        this.learningRate = learningRate;
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-8f;
        this.weightDecay = weightDecay;
        this.stateManager = stateManager;
    }

    /** The learning rate at a 1-based step. */
    public float learningRateAt(int step) {
        return learningRate.getNewValue(step);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        NDArray m = means.computeIfAbsent(parameterId, k -> state(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> state(weight));
        try (GradMode.Scope off = GradMode.off()) {
            step(weight, grad, m, v, t);
        }
        Gradients.zero(weight);
    }

    /**
     * The lazy update of the given rows of {@code weight} (ascending row ids) from their gradient
     * [rows, ...]; the other rows, and their moments, stay as they are.
     */
    public void updateRows(String parameterId, NDArray weight, long[] rows, NDArray rowGradients) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        NDArray m = means.computeIfAbsent(parameterId, k -> state(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> state(weight));
        try (GradMode.Scope off = GradMode.off(); NDManager scope = weight.getManager().newSubManager()) {
            NDIndex at = new NDIndex("{}", scope.create(rows));
            NDArray wr = weight.get(at);
            NDArray mr = m.get(at);
            NDArray vr = v.get(at);
            for (NDArray a : new NDArray[] {wr, mr, vr}) {
                a.attach(scope);
            }
            step(wr, rowGradients, mr, vr, t);
            weight.set(at, wr);
            m.set(at, mr);
            v.set(at, vr);
        }
    }

    /** One AdamW step of the t-th update, in place on w, m and v. */
    private void step(NDArray w, NDArray g, NDArray m, NDArray v, int t) {
        float lr = learningRate.getNewValue(t);
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        // Results of NDArray ops land in their first operand's manager: borrow all four into a
        // scope so the temporaries die with it and the arrays go back to their owners.
        try (NDManager scope = w.getManager().newSubManager()) {
            scope.tempAttachAll(w, g, m, v);
            if (weightDecay > 0) {
                w.muli(1 - lr * weightDecay);
            }
            m.muli(beta1).addi(g.mul(1 - beta1));
            v.muli(beta2).addi(g.square().mul(1 - beta2));
            NDArray denom = v.div(c2).sqrt().add(epsilon);
            w.subi(m.div(denom).mul(lr / c1));
        }
    }

    private NDArray state(NDArray weight) {
        NDArray z = weight.zerosLike();
        z.attach(stateManager);
        return z;
    }

    /** The optimizer state, for saving: per parameter id, (mean, variance) and the step counts. */
    public Map<String, NDArray[]> moments() {
        Map<String, NDArray[]> out = new HashMap<>();
        means.forEach((id, m) -> out.put(id, new NDArray[] {m, variances.get(id)}));
        return out;
    }

    public Map<String, Integer> stepCounts() {
        return Map.copyOf(steps);
    }

    /** Restores saved state (arrays are copied into this optimizer's manager). */
    public void restore(Map<String, NDArray[]> moments, Map<String, Integer> stepCounts) {
        moments.forEach((id, mv) -> {
            NDArray m = mv[0].duplicate();
            NDArray v = mv[1].duplicate();
            m.attach(stateManager);
            v.attach(stateManager);
            means.put(id, m);
            variances.put(id, v);
        });
        steps.putAll(stepCounts);
    }

    /** DJL's base class wants a builder; pathway's AdamW takes its settings in the constructor. */
    private static final class Builder extends OptimizerBuilder<Builder> {
        @Override
        protected Builder self() {
            return this;
        }
    }
}
