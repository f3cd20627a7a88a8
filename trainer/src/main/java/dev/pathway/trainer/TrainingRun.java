package dev.pathway.trainer;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import ai.djl.translate.TranslateException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.CrossEncoderBlock;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import dev.pathway.trainer.data.BucketBatchSampler;
import dev.pathway.trainer.data.PairGroupDataset;
import dev.pathway.trainer.loss.Losses;
import dev.pathway.trainer.optim.AdamW;
import dev.pathway.trainer.optim.BatchWordRows;
import dev.pathway.trainer.optim.GradientNorm;
import dev.pathway.trainer.optim.LinearWarmupDecay;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One training run (one condition, one seed) on DJL's {@link Trainer}: AdamW with linear warm-up
 * and decay, global-norm clipping, dropout on, the chosen parameters trainable (the rest frozen,
 * bit-identical). After every epoch the dev evaluator scores the model; the best epoch's weights
 * are kept as a checkpoint in {@code best/}, and the resume state in {@code state/}. Every step's
 * loss, gradient norm and learning rate go to {@code log.jsonl}.
 *
 * <p>Everything random derives from the seed: the batches of epoch e from (seed, e), dropout of
 * step t from (seed, t), so a resumed run continues exactly as an uninterrupted one.
 */
public final class TrainingRun {
    private static final Logger LOG = LogManager.getLogger(TrainingRun.class);
    public static final String BEST = "best";
    private static final Object STEP_LOCK = new Object();

    private final CrossEncoder model;
    private final PairGroupDataset data;
    private final BucketBatchSampler sampler;
    private final TrainableSet trainable;
    private final TrainingSettings settings;
    private final long seed;
    private final Path runDir;
    private final DevEvaluator dev;
    private final Provenance parentProvenance;
    private final ObjectNode provenanceParams;
    private final String recipe;

    /**
     * @param model the model to train (modified in place)
     * @param provenanceParams what to record for this run's "train" operation (condition, data, ...)
     */
    public TrainingRun(CrossEncoder model, PairGroupDataset data, BucketBatchSampler sampler, TrainableSet trainable,
            TrainingSettings settings, long seed, Path runDir, DevEvaluator dev, Provenance parentProvenance,
            ObjectNode provenanceParams, String recipe) {
        this.model = model;
        this.data = data;
        this.sampler = sampler;
        this.trainable = trainable;
        this.settings = settings;
        this.seed = seed;
        this.runDir = runDir;
        this.dev = dev;
        this.parentProvenance = parentProvenance;
        this.provenanceParams = provenanceParams;
        this.recipe = recipe;
    }

    public int stepsPerEpoch() {
        return (int) Math.ceil(data.size() / (double) sampler.getBatchSize());
    }

    /** Trains (or resumes) and returns the history; the best model is in {@code runDir/best}. */
    public TrainingHistory run() throws IOException {
        Files.createDirectories(runDir);
        Map<String, Parameter> trainableParams = trainable.apply(model.parameters());
        long count = trainableParams.values().stream().mapToLong(p -> p.getArray().size()).sum();
        LOG.info("{}: training {} of {} parameters ({})", runDir.getFileName(), count,
                model.parameters().values().stream().mapToLong(p -> p.getArray().size()).sum(), trainable);
        int total = stepsPerEpoch() * settings.epochs();
        LinearWarmupDecay schedule = new LinearWarmupDecay((float) settings.learningRate(),
                (int) Math.round(settings.warmup() * total), total);
        Map<String, String> idToName = new HashMap<>();
        Map<String, String> nameToId = new HashMap<>();
        model.parameters().forEach((name, p) -> {
            idToName.put(p.getId(), name);
            nameToId.put(name, p.getId());
        });
        Parameter word = rowSparseWord(trainableParams);
        if (word != null) {
            // DJL's step skips a frozen parameter; the run updates the batch's rows itself.
            word.freeze(true);
        }
        try (Model djl = Model.newInstance("pathway", model.device(), "PyTorch")) {
            djl.setBlock(model.block());
            AdamW optimizer = new AdamW(schedule, (float) settings.weightDecay(), djl.getNDManager());
            Loss loss = Losses.byName(settings.loss(), data.groupSize(0));
            DefaultTrainingConfig config = new DefaultTrainingConfig(loss).optOptimizer(optimizer).optDevices(new ai.djl.Device[] {model.device()});
            try (Trainer trainer = djl.newTrainer(config)) {
                trainer.initialize(new Shape(1, 8), new Shape(1, 8), new Shape(1, 8));
                TrainingHistory history = RunState.exists(runDir)
                        ? RunState.load(runDir, model, optimizer, nameToId)
                        : new TrainingHistory();
                if (history.completedEpochs() > 0) {
                    LOG.info("{}: resuming after epoch {}", runDir, history.completedEpochs());
                }
                try (BufferedWriter log = Files.newBufferedWriter(runDir.resolve("log.jsonl"),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    for (int epoch = history.completedEpochs() + 1; epoch <= settings.epochs(); epoch++) {
                        double meanLoss = epoch(trainer, optimizer, trainableParams, word, history, epoch, log);
                        double metric = dev.evaluate(model);
                        boolean best = history.record(meanLoss, metric);
                        LOG.info("{}: epoch {} loss {} dev {}{}", runDir.getFileName(), epoch, meanLoss, metric, best ? " (best)" : "");
                        if (best) {
                            saveCheckpoint(runDir.resolve(BEST), epoch, metric);
                        }
                        if (settings.saveEveryEpoch()) {
                            saveCheckpoint(runDir.resolve("epoch-" + epoch), epoch, metric);
                        }
                        RunState.save(runDir, model, optimizer, idToName, history);
                    }
                }
                return history;
            }
        } finally {
            model.parameters().values().forEach(p -> p.freeze(true));
        }
    }

    /**
     * The word-embedding parameter when it trains row by row (lazy rows: each batch's own rows as
     * a small table, see {@link BatchWordRows}), else null.
     */
    private Parameter rowSparseWord(Map<String, Parameter> trainableParams) {
        return settings.lazyEmbeddingRows() ? trainableParams.get(CrossEncoderBlock.WORD_EMBEDDINGS) : null;
    }

    private double epoch(Trainer trainer, AdamW optimizer, Map<String, Parameter> trainableParams, Parameter word,
            TrainingHistory history, int epoch, BufferedWriter log) throws IOException {
        sampler.setEpoch(epoch);
        double lossSum = 0;
        int steps = 0;
        try (Progress progress = ProgressBars.start(runDir.getFileName() + " epoch " + epoch, stepsPerEpoch(), "steps")) {
            for (Batch batch : trainer.iterateDataset(data)) {
                try (batch) {
                    long stepStart = System.nanoTime();
                    history.globalStep++;
                    BatchWordRows wordRows = word == null ? null : BatchWordRows.of(word.getArray(), batch.getData().head());
                    NDList inputs = wordRows == null ? batch.getData() : wordRows.inputs(batch.getData());
                    float lossValue;
                    // One step at a time per JVM: DJL's PyTorch gradient collector allows only one
                    // collecting thread, and dropout draws from PyTorch's one global generator,
                    // seeded here per step so a run's masks stay its own when several runs share a
                    // JVM (Spark local mode).
                    synchronized (STEP_LOCK) {
                        PathwayEngine.get().setRandomSeed((int) Seeds.derive(seed, "dropout:step" + history.globalStep));
                        try (GradientCollector gc = trainer.newGradientCollector()) {
                            lossValue = forwardBackward(trainer, gc, inputs, batch.getLabels(), history.globalStep);
                        }
                    }
                    float lr = optimizer.learningRateAt(history.globalStep);
                    double norm = update(trainer, optimizer, trainableParams, word, wordRows, history.globalStep);
                    log.write(String.format(java.util.Locale.ROOT, "{\"epoch\":%d,\"step\":%d,\"loss\":%s,\"grad_norm\":%s,\"lr\":%s,\"pairs\":%d,\"ms\":%.1f}%n",
                            epoch, history.globalStep, lossValue, norm, lr, batch.getSize() * data.groupSize(0),
                            (System.nanoTime() - stepStart) / 1e6));
                    lossSum += lossValue;
                    steps++;
                    progress.setExtra(String.format("loss %.4f", lossValue));
                    progress.step(1);
                }
            }
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot build a training batch", e);
        }
        log.flush();
        return lossSum / Math.max(1, steps);
    }

    /**
     * Clips the gradients and updates the weights: DJL's step for the dense parameters, the
     * optimizer's row update for the batch's word-embedding rows. Returns the gradient norm before
     * clipping; a non-finite or exploding one stops the run before anything is updated.
     */
    private double update(Trainer trainer, AdamW optimizer, Map<String, Parameter> trainableParams, Parameter word,
            BatchWordRows wordRows, int step) {
        List<NDArray> gradients = new ArrayList<>();
        boolean dense = false;
        for (Parameter p : trainableParams.values()) {
            if (p != word) {
                gradients.add(p.getArray().getGradient());
                dense = true;
            }
        }
        NDArray rowGradients = wordRows == null ? null : wordRows.gradient();
        if (rowGradients != null) {
            gradients.add(rowGradients);
        }
        try {
            double norm = GradientNorm.of(gradients);
            if (!Double.isFinite(norm) || norm > settings.explodeNorm()) {
                throw stopped("the gradient norm was " + norm + " at step " + step
                        + (Double.isFinite(norm) ? " (limit " + settings.explodeNorm() + ")" : ""));
            }
            GradientNorm.clip(gradients, norm, settings.gradClip());
            if (dense) {
                trainer.step();
            }
            if (rowGradients != null) {
                optimizer.updateRows(word.getId(), word.getArray(), wordRows.rows(), rowGradients);
            }
            return norm;
        } finally {
            gradients.forEach(NDArray::close);
        }
    }

    /**
     * Forward and backward of one batch, in passes of whole groups that keep every intermediate
     * under {@link BatchScorer}'s budget (a block above glibc's mmap threshold gets fresh pages,
     * and touching them cost a page fault each).
     */
    private float forwardBackward(Trainer trainer, GradientCollector gc, NDList in, NDList labels, int step) {
        int group = data.groupSize(0);
        long perPass = Math.max(group, BatchScorer.rowsWithinBudget(model.config(), (int) in.head().getShape().get(1)) / group * group);
        float loss = forwardBackward(trainer, gc, in, labels, group, perPass);
        if (!Float.isFinite(loss)) {
            throw stopped("the loss became " + loss + " at step " + step);
        }
        return loss;
    }

    /**
     * Forward and backward in passes of {@code perPass} rows (whole groups of {@code group} pairs;
     * labels are [groups, group]). Gradients accumulate over the passes, and each pass's mean loss
     * is weighted by its share of the rows, so the sum is the batch's loss; a batch that fits in one
     * pass runs exactly as one forward. A non-finite pass loss is returned before its backward.
     */
    static float forwardBackward(Trainer trainer, GradientCollector gc, NDList in, NDList labels, int group, long perPass) {
        long rows = in.head().getShape().get(0);
        float total = 0;
        for (long start = 0; start < rows; start += perPass) {
            long end = Math.min(rows, start + perPass);
            boolean whole = end - start == rows;
            NDList partIn = whole ? in : rowsOf(in, start, end);
            NDList partLabels = whole ? labels : rowsOf(labels, start / group, end / group);
            NDArray l = trainer.getLoss().evaluate(partLabels, trainer.forward(partIn, partLabels));
            if (!whole) {
                l = l.mul((float) (end - start) / rows);
            }
            float value = l.getFloat();
            if (!Float.isFinite(value)) {
                return value;
            }
            total += value;
            gc.backward(l);
        }
        return total;
    }

    /**
     * Rows from..to of the per-pair inputs (or labels) for one pass; inputs after them (a word
     * table) as they are.
     */
    public static NDList rowsOf(NDList list, long from, long to) {
        NDList out = new NDList(list.size());
        for (int i = 0; i < list.size(); i++) {
            NDArray a = list.get(i);
            out.add(i < CrossEncoderBlock.PAIR_INPUTS ? a.get(new NDIndex("{}:{}", from, to)) : a);
        }
        return out;
    }

    private TrainingStoppedException stopped(String what) {
        String kept = Files.isDirectory(runDir.resolve(BEST)) ? "the last good checkpoint is " + runDir.resolve(BEST)
                : "no checkpoint was written yet";
        return new TrainingStoppedException(runDir + ": stopped: " + what + "; " + kept
                + "; lower training.learning_rate or set training.grad_clip");
    }

    private void saveCheckpoint(Path dir, int epoch, double metric) {
        ObjectNode params = provenanceParams.deepCopy();
        params.put("trainable", trainable.toString());
        params.put("epoch", epoch);
        params.put("dev_metric", metric);
        params.set("settings", Json.MAPPER.valueToTree(settings));
        Provenance p = parentProvenance.withOperation("train", params, seed, recipe);
        Checkpoints.save(model, dir, true, p);
    }

    /** For callers: read the best checkpoint's directory. */
    public Path bestCheckpoint() {
        return runDir.resolve(BEST);
    }
}
