package dev.pathway.trainer.run;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.CrossEncoderBlock;
import dev.pathway.core.model.Gradients;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Qrels;
import dev.pathway.trainer.TrainableSet;
import dev.pathway.trainer.TrainingRun;
import dev.pathway.trainer.loss.BinaryCrossEntropyLoss;
import dev.pathway.trainer.optim.BatchWordRows;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan of a recipe without training: runs, steps, evaluation pairs, and an estimated time
 * on this machine from a short measured warm-up (a few training steps per trainable set and one
 * scoring batch, on the base model, or on the embedded MiniLM-L6 when the base is not here yet).
 */
public final class RecipePlan {
    private static final int WARMUP_STEPS = 2;

    private final Recipe recipe;
    private final Path checkpoints;

    public RecipePlan(Recipe recipe, Path checkpoints) {
        this.recipe = recipe;
        this.checkpoints = checkpoints;
    }

    /**
     * Counts and timings; {@code baseFirst} is the estimate of a base recipe that must be trained
     * before this one (null when the base model is there), and is included in the total.
     */
    public record Estimate(int positives, int stepsPerEpoch, int devPairs, int testPairs,
            Map<String, Double> secondsPerStep, double scorePairsPerSecond, String measuredOn, double totalSeconds,
            Estimate baseFirst) {}

    public Estimate estimate() {
        int positives = 0;
        for (Recipe.DataSpec d : recipe.trainData()) {
            positives += positives(DataSets.resolve(d.dataset()), d);
        }
        int groupSize = recipe.negatives().perPositive() + 1;
        int groupsPerBatch = Math.max(1, recipe.training().batchSize() / groupSize);
        int stepsPerEpoch = (int) Math.ceil(positives / (double) groupsPerBatch);
        int devPairs = pairs(recipe.dev());
        int testPairs = recipe.test() == null ? 0 : pairs(recipe.test());
        Path base = BaseModels.locate(recipe.base(), checkpoints);
        String measuredOn = base.toString();
        Estimate baseFirst = null;
        if (recipe.base().isRecipe() && !Files.isRegularFile(base.resolve(Checkpoints.CONFIG))) {
            baseFirst = new RecipePlan(RecipeReader.read(recipe.base().recipe(), true), checkpoints).estimate();
        }
        if (!Files.isRegularFile(base.resolve(Checkpoints.CONFIG))) {
            base = EmbeddedModel.ensureImported(checkpoints.resolve(EmbeddedModel.NAME));
            measuredOn = base + " (stand-in: the base model is not here yet)";
        }
        Map<String, Double> perStep = new LinkedHashMap<>();
        double scoreRate;
        try (CrossEncoder model = Checkpoints.load(base, Device.cpu())) {
            List<PairEncoding> sample = samplePairs(model, recipe.training().maxLength(), recipe.training().batchSize());
            for (Recipe.Condition c : recipe.conditions()) {
                String key = String.join("+", c.train());
                perStep.computeIfAbsent(key, k -> timeSteps(model, TrainableSet.of(c.train()), recipe.training().lazyEmbeddingRows(), sample));
            }
            List<PairEncoding> scoring = samplePairs(model, recipe.evaluation().maxLength(), recipe.evaluation().batchSize());
            BatchScorer scorer = new BatchScorer(model, recipe.evaluation().batchSize());
            scorer.score(scoring.subList(0, Math.min(4, scoring.size())), Progress.NONE);
            long t = System.nanoTime();
            scorer.score(scoring, Progress.NONE);
            scoreRate = scoring.size() / ((System.nanoTime() - t) / 1e9);
        }
        double total = baseFirst == null ? 0 : baseFirst.totalSeconds();
        int epochs = recipe.training().epochs();
        for (Recipe.Condition c : recipe.conditions()) {
            double run = stepsPerEpoch * epochs * perStep.get(String.join("+", c.train()))
                    + (epochs * devPairs + testPairs) / scoreRate;
            total += run * recipe.seeds().size();
        }
        return new Estimate(positives, stepsPerEpoch, devPairs, testPairs, perStep, scoreRate, measuredOn, total, baseFirst);
    }

    public void print(PrintWriter out, Estimate e) {
        out.printf(Locale.ROOT, "recipe %s (%s): %d conditions x %d seeds = %d runs, base %s%n", recipe.name(), recipe.file(),
                recipe.conditions().size(), recipe.seeds().size(), recipe.runCount(), describe(recipe.base()));
        out.printf(Locale.ROOT, "training: %d positives x (1 + %d %s negatives), %d steps/epoch x %d epochs, batch %d, max length %d, lr %s%n",
                e.positives(), recipe.negatives().perPositive(), recipe.negatives().sampler(), e.stepsPerEpoch(), recipe.training().epochs(),
                recipe.training().batchSize(), recipe.training().maxLength(), recipe.training().learningRate());
        out.printf(Locale.ROOT, "evaluation: BM25 top-%d reranked, %d dev pairs per epoch (%s), %d test pairs per run, max length %d%n",
                recipe.evaluation().topK(), e.devPairs(), recipe.evaluation().selectBy(), e.testPairs(), recipe.evaluation().maxLength());
        if (e.baseFirst() != null) {
            out.printf(Locale.ROOT, "base: recipe %s is not trained yet and runs first, estimated %.1f minutes"
                    + " (its plan: pathway train %s --dry-run)%n", recipe.base().recipe().getFileName(), e.baseFirst().totalSeconds() / 60,
                    recipe.base().recipe());
        }
        out.printf("%-22s %-16s %-6s %12s %12s%n", "condition", "trains", "seeds", "s/step", "est. min");
        for (Recipe.Condition c : recipe.conditions()) {
            double step = e.secondsPerStep().get(String.join("+", c.train()));
            double run = e.stepsPerEpoch() * recipe.training().epochs() * step
                    + (recipe.training().epochs() * e.devPairs() + e.testPairs()) / e.scorePairsPerSecond();
            out.printf(Locale.ROOT, "%-22s %-16s %-6d %12.2f %12.1f%n", c.name(), String.join("+", c.train()), recipe.seeds().size(), step,
                    run * recipe.seeds().size() / 60);
        }
        out.printf(Locale.ROOT, "scoring %.1f pairs/s; estimated total %.1f minutes%s on this machine (%d CPU threads; measured on %s)%n",
                e.scorePairsPerSecond(), e.totalSeconds() / 60, e.baseFirst() == null ? "" : " with the base recipe", Runtime.getRuntime().availableProcessors(), e.measuredOn());
        if (!recipe.device().equals("cpu")) {
            out.println("note: the recipe asks for --device " + recipe.device() + "; the estimate is for this machine's CPU");
        }
        out.flush();
    }

    private static String describe(Recipe.Base b) {
        return b.isRecipe() ? "best checkpoint of recipe " + b.recipe().getFileName() : b.model();
    }

    private static int positives(DataSet ds, Recipe.DataSpec d) {
        Qrels q = ds.qrels(d.split());
        int n = 0;
        for (String id : q.queryIds()) {
            n += (int) q.judgments(id).values().stream().filter(g -> g >= d.minGrade()).count();
        }
        return d.maxPositives() > 0 ? Math.min(n, d.maxPositives()) : n;
    }

    private int pairs(Recipe.SplitSpec s) {
        int queries = DataSets.resolve(s.dataset()).qrels(s.split()).queryIds().size();
        if (s.maxQueries() > 0) {
            queries = Math.min(queries, s.maxQueries());
        }
        return queries * recipe.evaluation().topK();
    }

    /** Real pairs from the first training set, cut to the max length (for warm-up timing). */
    private List<PairEncoding> samplePairs(CrossEncoder model, int maxLength, int n) {
        Recipe.DataSpec d = recipe.trainData().get(0);
        DataSet ds = DataSets.resolve(d.dataset());
        Map<String, String> queries = ds.queries();
        List<String> qs = new ArrayList<>(queries.values()).subList(0, Math.min(n, queries.size()));
        List<String> docs = new ArrayList<>();
        try (var reader = ds.openCorpus()) {
            for (var doc : reader) {
                docs.add(doc.fullText());
                if (docs.size() == qs.size()) {
                    break;
                }
            }
        }
        return model.tokenizer().encodePairs(qs.subList(0, docs.size()), docs, maxLength);
    }

    /**
     * Seconds per training step (forward, backward, AdamW) for a trainable set, with the word
     * embeddings as a batch's own rows when they train lazily, as in a real step (TrainingRun);
     * the model is left as it was.
     */
    private static double timeSteps(CrossEncoder model, TrainableSet set, boolean lazyRows, List<PairEncoding> batch) {
        var params = set.apply(model.parameters());
        Parameter word = lazyRows ? params.remove(CrossEncoderBlock.WORD_EMBEDDINGS) : null;
        if (word != null) {
            word.freeze(true);
        }
        try (NDManager nd = model.manager().newSubManager()) {
            NDList pairs = new EncodedBatch(batch).toNDList(nd);
            NDArray labels = nd.zeros(new ai.djl.ndarray.types.Shape(batch.size()));
            int perPass = BatchScorer.rowsWithinBudget(model.config(), (int) pairs.head().getShape().get(1));
            double total = 0;
            for (int i = 0; i <= WARMUP_STEPS; i++) {
                long t = System.nanoTime();
                BatchWordRows rows = word == null ? null : BatchWordRows.of(word.getArray(), pairs.head());
                NDList in = rows == null ? pairs : rows.inputs(pairs);
                // In the same memory-bounded passes as a real training step (TrainingRun).
                try (GradientCollector gc = dev.pathway.core.engine.PathwayEngine.get().newGradientCollector()) {
                    for (int from = 0; from < batch.size(); from += perPass) {
                        int to = Math.min(batch.size(), from + perPass);
                        NDArray logits = model.block().forward(TrainingRun.rowsOf(in, from, to), dev.pathway.core.hooks.Hooks.none(), null, true);
                        gc.backward(new BinaryCrossEntropyLoss().evaluate(TrainingRun.rowsOf(new NDList(labels), from, to), new NDList(logits)));
                    }
                }
                for (var p : params.values()) {
                    NDArray g = p.getArray().getGradient();
                    updateLike(g);
                    g.close();
                    Gradients.zero(p.getArray());
                }
                if (rows != null) {
                    NDArray g = rows.gradient();
                    updateLike(g);
                    g.close();
                }
                if (i > 0) {
                    total += (System.nanoTime() - t) / 1e9;
                }
            }
            return total / WARMUP_STEPS;
        } finally {
            model.parameters().values().forEach(p -> p.freeze(true));
        }
    }

    /** An AdamW-sized update without changing the weights: a few elementwise passes over g. */
    private static void updateLike(NDArray g) {
        try (NDManager scope = g.getManager().newSubManager()) {
            scope.tempAttachAll(g); // the temporaries would otherwise land in the model's manager
            g.square().add(g).sqrt();
        }
    }
}
