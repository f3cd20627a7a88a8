package dev.pathway.trainer.recipe;

import dev.pathway.trainer.TrainingSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * A complete experiment, read from YAML by {@link RecipeReader}: where the model comes from, the
 * training data, the dev split for model selection, the test split, negatives, hyperparameters,
 * evaluation, a grid of conditions and a list of seeds. Each (condition, seed) is one run.
 */
public record Recipe(
        Path file,
        String sha256,
        String name,
        String description,
        Base base,
        List<DataSpec> trainData,
        SplitSpec dev,
        SplitSpec test,
        NegativesSpec negatives,
        TrainingSettings training,
        EvaluationSpec evaluation,
        List<Condition> conditions,
        List<Long> seeds,
        String device) {

    /**
     * The starting model: a checkpoint directory, {@code embedded} (the imported default), a
     * HuggingFace repo id fetched beforehand, or the best checkpoint of another recipe's run.
     */
    public record Base(String model, Path recipe, String condition, Long seed) {
        public boolean isRecipe() {
            return recipe != null;
        }
    }

    /** Training positives from one split of a data set. */
    public record DataSpec(String dataset, String split, int maxPositives, int minGrade) {}

    /** An evaluation split (dev or test), optionally limited to a seeded sample of queries. */
    public record SplitSpec(String dataset, String split, int maxQueries) {}

    /** How negatives are drawn: {@code random} (the paper) or {@code bm25} hard negatives. */
    public record NegativesSpec(String sampler, int perPositive, int bm25Depth) {}

    /** Reranking evaluation: first-stage BM25 top-k, metrics, the selection metric. */
    public record EvaluationSpec(int topK, List<String> metrics, String selectBy, int maxLength, int batchSize, double k1, double b) {}

    /** One condition of the grid: an optional IDF alignment, then what trains. */
    public record Condition(String name, List<String> train, AlignSpec alignIdf) {}

    /** IDF alignment of U0 to a target corpus before training (editing module). */
    public record AlignSpec(String corpus, String method, String formula) {}

    public int runCount() {
        return conditions.size() * seeds.size();
    }
}
