package dev.pathway.trainer.recipe;

import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.trainer.TrainableSet;
import dev.pathway.trainer.TrainingSettings;
import dev.pathway.trainer.loss.Losses;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a recipe. Every problem (unknown key with a suggestion, wrong type,
 * missing field, bad value, a data set or split that does not exist) is one line naming the file
 * and line.
 */
public final class RecipeReader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    private static final Pattern CONDITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9+._-]*");
    private static final List<String> SAMPLERS = List.of("random", "bm25");
    private static final List<String> ALIGN_METHODS = List.of("zscore", "regression");
    private static final List<String> IDF_FORMULAS = List.of("lucene", "msmarco");

    private RecipeReader() {}

    /** Reads a recipe; {@code checkData} also resolves every data set and split it names. */
    public static Recipe read(Path file, boolean checkData) {
        LocatedYaml yaml = LocatedYaml.read(file);
        Fields top = new Fields(yaml, yaml.root(), "");
        String name = top.requiredText("name");
        if (!NAME.matcher(name).matches()) {
            throw top.error("/name", "'name' must be lower-case letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        String description = top.text("description", "");
        Recipe.Base base = base(top.object("base", true), file);
        List<Recipe.DataSpec> train = new ArrayList<>();
        for (Fields f : top.objects("train_data")) {
            train.add(new Recipe.DataSpec(f.requiredText("dataset"), f.text("split", "train"),
                    (int) nonNegative(f, "max_positives", 0), (int) f.integer("min_grade", 1L)));
            f.rejectUnknown();
        }
        Recipe.SplitSpec dev = split(top.object("dev", true), "dev");
        Recipe.SplitSpec test = top.has("test") ? split(top.object("test", true), "test") : null;
        Recipe.NegativesSpec negatives = negatives(top.object("negatives", false));
        TrainingSettings training = training(top.object("training", true));
        Recipe.EvaluationSpec evaluation = evaluation(top.object("evaluation", false));
        List<Recipe.Condition> conditions = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Fields f : top.objects("conditions")) {
            conditions.add(condition(f, names));
        }
        List<Long> seeds = seeds(top);
        String device = top.text("device", "cpu");
        top.rejectUnknown();
        if (Losses.isListwise(training.loss()) && negatives.perPositive() < 1) {
            throw top.error("/training/loss", "the listwise loss needs negatives.per_positive >= 1");
        }
        Recipe r = new Recipe(file.toAbsolutePath().normalize(), Sha256.of(file), name, description, base, train, dev, test,
                negatives, training, evaluation, conditions, seeds, device);
        if (checkData) {
            checkData(r, yaml);
        }
        return r;
    }

    private static Recipe.Base base(Fields f, Path file) {
        boolean model = f.has("model");
        boolean recipe = f.has("recipe");
        if (model == recipe) {
            throw f.error(f.pointer("model"), "'base' needs exactly one of 'model' (a checkpoint, 'embedded') or 'recipe'");
        }
        Recipe.Base b;
        if (model) {
            b = new Recipe.Base(f.requiredText("model"), null, null, null);
        } else {
            Path p = Path.of(f.requiredText("recipe"));
            Path resolved = p.isAbsolute() ? p : file.toAbsolutePath().getParent().resolve(p).normalize();
            b = new Recipe.Base(null, resolved, f.text("condition", ""), f.has("seed") ? f.integer("seed", null) : null);
        }
        f.rejectUnknown();
        return b;
    }

    private static Recipe.SplitSpec split(Fields f, String defaultSplit) {
        Recipe.SplitSpec s = new Recipe.SplitSpec(f.requiredText("dataset"), f.text("split", defaultSplit),
                (int) nonNegative(f, "max_queries", 0));
        f.rejectUnknown();
        return s;
    }

    private static Recipe.NegativesSpec negatives(Fields f) {
        if (f == null) {
            return new Recipe.NegativesSpec("random", 3, 100);
        }
        String sampler = oneOf(f, "sampler", "random", SAMPLERS);
        Recipe.NegativesSpec n = new Recipe.NegativesSpec(sampler, (int) nonNegative(f, "per_positive", 3),
                (int) positive(f, "bm25_depth", 100));
        f.rejectUnknown();
        return n;
    }

    private static TrainingSettings training(Fields f) {
        TrainingSettings defaults = TrainingSettings.paper();
        String loss = oneOf(f, "loss", "bce", Losses.NAMES);
        try {
            TrainingSettings s = new TrainingSettings(
                    (int) f.integer("epochs", (long) defaults.epochs()),
                    (int) f.integer("batch_size", (long) defaults.batchSize()),
                    f.number("learning_rate", null),
                    f.number("warmup", defaults.warmup()),
                    f.number("weight_decay", defaults.weightDecay()),
                    (int) f.integer("max_length", 256L),
                    loss,
                    f.number("grad_clip", 1.0),
                    f.number("explode_norm", 1e4),
                    f.bool("lazy_embedding_rows", false),
                    f.bool("save_every_epoch", false));
            f.rejectUnknown();
            return s;
        } catch (UserInputException e) {
            if (e.getMessage().startsWith("training.")) {
                String key = e.getMessage().substring("training.".length()).split(" ")[0];
                throw f.error(f.pointer(key), e.getMessage());
            }
            throw e;
        }
    }

    private static Recipe.EvaluationSpec evaluation(Fields f) {
        if (f == null) {
            return new Recipe.EvaluationSpec(20, List.of("ndcg@1", "ndcg@10"), "ndcg@10", 256, 32, 0.9, 0.4);
        }
        List<String> metrics = f.texts("metrics", List.of("ndcg@1", "ndcg@10"));
        for (int i = 0; i < metrics.size(); i++) {
            try {
                Metrics.parse(metrics.get(i));
            } catch (UserInputException e) {
                throw f.error(f.pointer("metrics") + "/" + i, e.getMessage());
            }
        }
        String select = f.text("select_by", "ndcg@10");
        try {
            Metrics.parse(select);
        } catch (UserInputException e) {
            throw f.error(f.pointer("select_by"), e.getMessage());
        }
        Recipe.EvaluationSpec s = new Recipe.EvaluationSpec((int) positive(f, "top_k", 20), metrics, select,
                (int) positive(f, "max_length", 256), (int) positive(f, "batch_size", 32),
                f.number("bm25_k1", 0.9), f.number("bm25_b", 0.4));
        f.rejectUnknown();
        return s;
    }

    private static Recipe.Condition condition(Fields f, Set<String> names) {
        String name = f.requiredText("name");
        if (!CONDITION.matcher(name).matches()) {
            throw f.error(f.pointer("name"), "condition names use letters, digits, '+', '.', '_' or '-', got '" + name + "'");
        }
        if (!names.add(name)) {
            throw f.error(f.pointer("name"), "condition '" + name + "' is declared twice");
        }
        List<String> train = f.texts("train", null);
        TrainableSet.of(train);
        Recipe.AlignSpec align = null;
        Fields a = f.object("align_idf", false);
        if (a != null) {
            align = new Recipe.AlignSpec(a.requiredText("corpus"), oneOf(a, "method", "zscore", ALIGN_METHODS),
                    oneOf(a, "idf", "lucene", IDF_FORMULAS));
            a.rejectUnknown();
        }
        f.rejectUnknown();
        return new Recipe.Condition(name, train, align);
    }

    private static List<Long> seeds(Fields top) {
        var v = top.raw("seeds");
        if (v == null || !v.isArray() || v.isEmpty()) {
            throw top.error("/seeds", "'seeds' must be a non-empty list of integers");
        }
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isIntegralNumber()) {
                throw top.error("/seeds/" + i, "seeds must be integers, got " + v.get(i));
            }
            if (seeds.contains(v.get(i).asLong())) {
                throw top.error("/seeds/" + i, "seed " + v.get(i) + " is listed twice");
            }
            seeds.add(v.get(i).asLong());
        }
        return seeds;
    }

    private static void checkData(Recipe r, LocatedYaml yaml) {
        for (int i = 0; i < r.trainData().size(); i++) {
            checkSplit(yaml, "/train_data/" + i, r.trainData().get(i).dataset(), r.trainData().get(i).split());
        }
        checkSplit(yaml, "/dev", r.dev().dataset(), r.dev().split());
        if (r.test() != null) {
            checkSplit(yaml, "/test", r.test().dataset(), r.test().split());
        }
        for (int i = 0; i < r.conditions().size(); i++) {
            Recipe.AlignSpec a = r.conditions().get(i).alignIdf();
            if (a != null) {
                resolve(yaml, "/conditions/" + i + "/align_idf/corpus", a.corpus());
            }
        }
    }

    private static void checkSplit(LocatedYaml yaml, String at, String dataset, String split) {
        DataSet ds = resolve(yaml, at + "/dataset", dataset);
        if (!ds.splits().contains(split)) {
            throw new UserInputException(yaml.where(at + "/split") + ": data set '" + dataset + "' has no split '" + split
                    + "' (it has " + ds.splits() + ")");
        }
    }

    private static DataSet resolve(LocatedYaml yaml, String at, String dataset) {
        try {
            return DataSets.resolve(dataset);
        } catch (UserInputException e) {
            throw new UserInputException(yaml.where(at) + ": " + e.getMessage());
        }
    }

    private static String oneOf(Fields f, String key, String def, List<String> allowed) {
        String v = f.text(key, def);
        if (!allowed.contains(v)) {
            throw f.error(f.pointer(key), "'" + key + "' must be one of " + allowed + ", got '" + v + "'");
        }
        return v;
    }

    private static long nonNegative(Fields f, String key, long def) {
        long v = f.integer(key, def);
        if (v < 0) {
            throw f.error(f.pointer(key), "'" + key + "' must be >= 0, got " + v);
        }
        return v;
    }

    private static long positive(Fields f, String key, long def) {
        long v = f.integer(key, def);
        if (v <= 0) {
            throw f.error(f.pointer(key), "'" + key + "' must be > 0, got " + v);
        }
        return v;
    }
}
