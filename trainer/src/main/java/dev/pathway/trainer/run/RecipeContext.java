package dev.pathway.trainer.run;

import dev.pathway.eval.bm25.Bm25;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.eval.rerank.RerankOptions;
import dev.pathway.core.util.Seeds;
import dev.pathway.trainer.data.NegativeSampler;
import dev.pathway.trainer.data.RandomNegativeSampler;
import dev.pathway.trainer.data.RankedNegativeSampler;
import dev.pathway.trainer.recipe.Recipe;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What every run of a recipe shares, prepared once: the data sets, the negative samplers, and the
 * dev and test reranking evaluators (BM25 first stage and candidate texts).
 */
public final class RecipeContext {
    private final Recipe recipe;
    private final Map<String, DataSet> dataSets = new HashMap<>();
    private final Map<String, NegativeSampler> samplers = new HashMap<>();
    private final List<Metric> metrics;
    private RerankEvaluator dev;
    private RerankEvaluator test;

    public RecipeContext(Recipe recipe) {
        this.recipe = recipe;
        List<String> names = new ArrayList<>(recipe.evaluation().metrics());
        if (!names.contains(recipe.evaluation().selectBy())) {
            names.add(recipe.evaluation().selectBy());
        }
        this.metrics = names.stream().map(Metrics::parse).toList();
    }

    public Recipe recipe() {
        return recipe;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    public synchronized DataSet dataSet(String name) {
        return dataSets.computeIfAbsent(name, DataSets::resolve);
    }

    /** The negative sampler for a training data set (random over its corpus, or its BM25 ranking). */
    public synchronized NegativeSampler sampler(Recipe.DataSpec spec) {
        return samplers.computeIfAbsent(spec.dataset() + ":" + spec.split(), k -> {
            DataSet ds = dataSet(spec.dataset());
            if (recipe.negatives().sampler().equals("bm25")) {
                Run run = Bm25.run(ds, spec.split(), params(), recipe.negatives().bm25Depth());
                Map<String, List<String>> ranked = new LinkedHashMap<>();
                for (String q : run.queryIds()) {
                    ranked.put(q, run.ranked(q).stream().map(ScoredDoc::docId).toList());
                }
                return new RankedNegativeSampler(ranked);
            }
            List<String> ids = new ArrayList<>();
            ds.forEachDocument(d -> ids.add(d.id()));
            return new RandomNegativeSampler(ids);
        });
    }

    public synchronized RerankEvaluator dev() {
        if (dev == null) {
            dev = evaluator(recipe.dev(), "dev");
        }
        return dev;
    }

    /** The test evaluator, or null when the recipe has no test split. */
    public synchronized RerankEvaluator test() {
        if (test == null && recipe.test() != null) {
            test = evaluator(recipe.test(), "test");
        }
        return test;
    }

    public RerankOptions options() {
        Recipe.EvaluationSpec e = recipe.evaluation();
        return new RerankOptions(e.topK(), e.maxLength(), e.batchSize());
    }

    private Bm25Params params() {
        return new Bm25Params((float) recipe.evaluation().k1(), (float) recipe.evaluation().b());
    }

    private RerankEvaluator evaluator(Recipe.SplitSpec spec, String purpose) {
        DataSet ds = dataSet(spec.dataset());
        Run bm25 = Bm25.run(ds, spec.split(), params(), recipe.evaluation().topK());
        boolean sampled = spec.maxQueries() > 0 && bm25.queryIds().size() > spec.maxQueries();
        if (sampled) {
            bm25 = sample(bm25, spec.maxQueries(), Seeds.derive(0, "queries:" + purpose + ":" + spec.dataset()));
        }
        return new RerankEvaluator(ds, spec.split(), bm25, options(), metrics, sampled);
    }

    /** A fixed, seeded sample of a run's queries (the same for every condition and seed). */
    static Run sample(Run run, int n, long seed) {
        List<String> ids = new ArrayList<>(new java.util.TreeSet<>(run.queryIds()));
        Collections.shuffle(ids, new Random(seed));
        Run.Builder b = new Run.Builder(run.name() + "-sample" + n);
        for (String q : ids.subList(0, n)) {
            b.ensureQuery(q);
            for (ScoredDoc d : run.ranked(q)) {
                b.add(q, d.docId(), d.score());
            }
        }
        return b.build();
    }
}
