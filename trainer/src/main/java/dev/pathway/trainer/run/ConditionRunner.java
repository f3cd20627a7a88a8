package dev.pathway.trainer.run;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.FreshInit;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.align.AlignmentMethod;
import dev.pathway.editing.align.IdfAlignment;
import dev.pathway.editing.align.RegressionAlignment;
import dev.pathway.editing.align.ZScoreAlignment;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.trainer.DevEvaluator;
import dev.pathway.trainer.TrainableSet;
import dev.pathway.trainer.TrainingHistory;
import dev.pathway.trainer.TrainingRun;
import dev.pathway.trainer.data.BucketBatchSampler;
import dev.pathway.trainer.data.PairGroup;
import dev.pathway.trainer.data.PairGroupDataset;
import dev.pathway.trainer.data.TrainingSetBuilder;
import dev.pathway.trainer.recipe.Recipe;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs one (condition, seed) of a recipe: loads the base model, re-initialises a fresh head from
 * the run's seed, applies the condition's IDF alignment, trains with model selection on dev, and
 * evaluates the best checkpoint on test. Everything random derives from the seed.
 */
public final class ConditionRunner {
    private static final Logger LOG = LogManager.getLogger(ConditionRunner.class);

    private final RecipeContext context;
    private final Device device;
    private final Map<String, IdfTable> targetIdf = new LinkedHashMap<>();

    public ConditionRunner(RecipeContext context, Device device) {
        this.context = context;
        this.device = device;
    }

    public RunResult run(Recipe.Condition condition, long seed, Path base, Path runDir) throws IOException {
        Recipe recipe = context.recipe();
        long start = System.nanoTime();
        TrainableSet trainable = TrainableSet.of(condition.train());
        TrainingHistory history;
        long trainableCount;
        try (CrossEncoder model = Checkpoints.load(base, device)) {
            Provenance prov = model.provenance().child(base, model.weightsSha256());
            if (HeadState.isFresh(model.provenance())) {
                prov = reinitHead(model, seed, prov, trainable, condition);
            }
            if (condition.alignIdf() != null) {
                prov = align(model, condition.alignIdf(), prov);
            }
            List<PairGroup> groups = new ArrayList<>();
            for (Recipe.DataSpec spec : recipe.trainData()) {
                groups.addAll(TrainingSetBuilder.build(new TrainingSetBuilder.Spec(context.dataSet(spec.dataset()), spec.split(),
                        spec.minGrade(), spec.maxPositives(), recipe.negatives().perPositive()), context.sampler(spec), seed));
            }
            int groupSize = recipe.negatives().perPositive() + 1;
            BucketBatchSampler sampler = new BucketBatchSampler(Math.max(1, recipe.training().batchSize() / groupSize),
                    Seeds.derive(seed, "batches"));
            PairGroupDataset data = TrainingSetBuilder.dataset(groups, model.tokenizer(), recipe.training().maxLength(), sampler);
            String select = recipe.evaluation().selectBy();
            DevEvaluator dev = m -> context.dev().evaluate(m).evaluation().mean(select, Averaging.RUN_AND_QRELS);
            TrainingRun run = new TrainingRun(model, data, sampler, trainable, recipe.training(), seed, runDir, dev, prov,
                    provenanceParams(condition, groups.size()), recipe.name());
            trainableCount = model.parameters().entrySet().stream().filter(e -> trainable.trains(e.getKey()))
                    .mapToLong(e -> e.getValue().getArray().size()).sum();
            history = run.run();
        }
        Map<String, Double> testMeans = new LinkedHashMap<>();
        RerankEvaluator test = context.test();
        if (test != null) {
            try (CrossEncoder best = Checkpoints.load(runDir.resolve(TrainingRun.BEST), device)) {
                RerankEvaluator.Result r = test.evaluate(best);
                RunFiles.write(r.run().withName(condition.name() + "-seed" + seed), runDir.resolve(RunLayout.TEST_RUN));
                testMeans.putAll(r.evaluation().means(Averaging.RUN_AND_QRELS));
            }
        }
        RunResult result = new RunResult(condition.name(), seed, history.bestEpoch, history.bestMetric,
                history.devMetric, history.trainLoss, testMeans, trainableCount, (System.nanoTime() - start) / 1e9);
        result.write(runDir);
        LOG.info("{} seed {}: best epoch {} dev {} test {}", condition.name(), seed, history.bestEpoch, history.bestMetric, testMeans);
        return result;
    }

    private Provenance reinitHead(CrossEncoder model, long seed, Provenance prov, TrainableSet trainable, Recipe.Condition c) {
        if (!trainable.trainsClassifier()) {
            throw new UserInputException("condition '" + c.name() + "' trains " + trainable + " but the base model's classifier"
                    + " is untrained (freshly initialised): train the head too (e.g. train: [embeddings, head]) or start from a"
                    + " trained cross-encoder");
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : model.parameters().entrySet()) {
            if (e.getKey().startsWith("bert.pooler.") || e.getKey().startsWith("classifier.")) {
                FreshInit.apply(e.getValue(), model.block().shapeOf(e.getKey()), e.getKey(), seed, model.manager());
                names.add(e.getKey());
            }
        }
        ObjectNode p = Json.MAPPER.createObjectNode();
        ArrayNode arr = p.putArray("tensors");
        names.forEach(arr::add);
        p.put("init", "normal(0, " + FreshInit.STD + "), bias 0");
        return prov.withOperation("init-fresh-head", p, seed, context.recipe().name());
    }

    private Provenance align(CrossEncoder model, Recipe.AlignSpec a, Provenance prov) {
        IdfFormula formula = IdfFormula.parse(a.formula());
        IdfTable target;
        synchronized (targetIdf) {
            target = targetIdf.computeIfAbsent(a.corpus() + ":" + a.formula(),
                    k -> IdfSources.corpus(context.dataSet(a.corpus()), model.tokenizer(), formula));
        }
        AlignmentMethod method = a.method().equals("regression")
                ? new RegressionAlignment(IdfSources.resolve(IdfSources.MSMARCO, model.tokenizer(), formula,
                        OptionalDouble.of(IdfSources.MSMARCO_PLACEHOLDER)))
                : new ZScoreAlignment();
        IdfAlignment.Result r = IdfAlignment.align(model, target, method);
        LOG.info("aligned U0 to {} IDF ({}): {} tokens, Pearson {} -> {}", a.corpus(), method.name(), r.tokensEdited(),
                r.pearsonBefore(), r.pearsonRecomputed());
        return prov.withOperation(IdfAlignment.KIND, r.operation(), null, context.recipe().name());
    }

    private ObjectNode provenanceParams(Recipe.Condition c, int groups) {
        Recipe r = context.recipe();
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("recipe_sha256", r.sha256());
        p.put("condition", c.name());
        ArrayNode data = p.putArray("train_data");
        r.trainData().forEach(d -> data.add(d.dataset() + ":" + d.split() + (d.maxPositives() > 0 ? " (max " + d.maxPositives() + " positives)" : "")));
        p.put("training_groups", groups);
        p.put("negatives", r.negatives().sampler() + " x" + r.negatives().perPositive());
        p.put("selection", r.dev().dataset() + ":" + r.dev().split() + " " + r.evaluation().selectBy());
        return p;
    }
}
