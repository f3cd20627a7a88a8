package dev.pathway.trainer.optim;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import dev.pathway.core.model.Gradients;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * AdamW as {@code torch.optim.AdamW} (decoupled weight decay: w -= lr*wd*w, then the Adam step
 * with bias correction). Written here rather than taken from DJL for two reasons: the moments
 * must be saved and restored to resume a run, and the word-embedding matrix can be updated lazily
 * (only the rows a batch touched: the other rows have zero gradient), which keeps embedding-only
 * training from paying for a dense 30522 x d update every step.
 *
 * <p>Lazy rows follow LazyAdam: untouched rows keep their moments and get no decay that step.
 * The gradient of every updated parameter is zeroed after its update (PyTorch accumulates).
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
    /** Parameter ids updated lazily by rows, and the rows of the current step. */
    private final Set<String> lazyRowParameters;
    private long[] currentRows;

    public AdamW(Tracker learningRate, float weightDecay, NDManager stateManager, Set<String> lazyRowParameters) {
        super(new Builder());
        this.learningRate = learningRate;
        this.beta1 = 0.9f;
        this.beta2 = 0.999f;
        this.epsilon = 1e-8f;
        this.weightDecay = weightDecay;
        this.stateManager = stateManager;
        this.lazyRowParameters = Set.copyOf(lazyRowParameters);
    }

    /** The rows (token ids) the next step touches in lazily updated parameters. */
    public void setTouchedRows(long[] rows) {
        this.currentRows = rows;
    }

    /** The learning rate at a 1-based step. */
    public float learningRateAt(int step) {
        return learningRate.getNewValue(step);
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int t = steps.merge(parameterId, 1, Integer::sum);
        float lr = learningRate.getNewValue(t);
        double c1 = 1 - Math.pow(beta1, t);
        double c2 = 1 - Math.pow(beta2, t);
        NDArray m = means.computeIfAbsent(parameterId, k -> state(weight));
        NDArray v = variances.computeIfAbsent(parameterId, k -> state(weight));
        if (lazyRowParameters.contains(parameterId) && currentRows != null) {
            updateRows(weight, grad, m, v, lr, c1, c2);
        } else {
            step(weight, grad, m, v, lr, c1, c2);
        }
        Gradients.zero(weight);
    }

    private void step(NDArray w, NDArray g, NDArray m, NDArray v, float lr, double c1, double c2) {
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

    private void updateRows(NDArray w, NDArray g, NDArray m, NDArray v, float lr, double c1, double c2) {
        try (NDManager scope = w.getManager().newSubManager()) {
            NDArray rows = scope.create(currentRows);
            NDIndex at = new NDIndex("{}", rows);
            NDArray wr = w.get(at);
            NDArray gr = g.get(at);
            NDArray mr = m.get(at);
            NDArray vr = v.get(at);
            for (NDArray a : new NDArray[] {wr, gr, mr, vr}) {
                a.attach(scope);
            }
            step(wr, gr, mr, vr, lr, c1, c2);
            w.set(at, wr);
            m.set(at, mr);
            v.set(at, vr);
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
