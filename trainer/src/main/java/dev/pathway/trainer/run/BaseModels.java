package dev.pathway.trainer.run;

import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.UserInputException;
import dev.pathway.trainer.TrainingRun;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a recipe's {@code base} into a checkpoint directory: {@code embedded} (imported on first
 * use), a checkpoint path, a HuggingFace repo id fetched with {@code pathway model fetch}, or the
 * best checkpoint of another recipe, which is run first (or reused when a finished run of the same
 * recipe file exists).
 */
public final class BaseModels {
    private BaseModels() {}

    /** Where the base checkpoint is (or would be): no side effects, for plans. */
    public static Path locate(Recipe.Base base, Path checkpoints) {
        if (base.isRecipe()) {
            Recipe r = RecipeReader.read(base.recipe(), false);
            return layout(r, checkpoints).runDir(condition(base, r), seed(base, r)).resolve(TrainingRun.BEST);
        }
        String m = base.model();
        if (m.equals("embedded")) {
            return checkpoints.resolve(EmbeddedModel.NAME);
        }
        Path p = Path.of(m);
        if (Files.isDirectory(p)) {
            return p;
        }
        if (m.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*")) {
            return checkpoints.resolve(m.replace("/", "__"));
        }
        return p;
    }

    /** The base checkpoint, made if needed (import, or a run of the base recipe). */
    public static Path resolve(Recipe.Base base, Path checkpoints, RecipeRunner.Options options) throws IOException {
        if (base.isRecipe()) {
            Recipe r = RecipeReader.read(base.recipe(), true);
            RunLayout layout = layout(r, checkpoints);
            String condition = condition(base, r);
            long seed = seed(base, r);
            if (!layout.finished(condition, seed)) {
                new RecipeRunner(checkpoints).run(r, options.forBase(layout.runId()));
            }
            return layout.runDir(condition, seed).resolve(TrainingRun.BEST);
        }
        Path p = locate(base, checkpoints);
        if (base.model().equals("embedded")) {
            return EmbeddedModel.ensureImported(p);
        }
        if (!Files.isRegularFile(p.resolve(Checkpoints.CONFIG))) {
            throw new UserInputException("base model '" + base.model() + "' not found at " + p
                    + (base.model().contains("/") && !Files.exists(Path.of(base.model()))
                            ? "; fetch it first: pathway model fetch " + base.model() : ""));
        }
        return p;
    }

    /** A base recipe's runs live under a run id made from its file's hash, so they are found again. */
    static RunLayout layout(Recipe r, Path checkpoints) {
        return new RunLayout(checkpoints, r.name(), "auto-" + r.sha256().substring(0, 12));
    }

    private static String condition(Recipe.Base base, Recipe r) {
        String c = base.condition() == null || base.condition().isEmpty() ? r.conditions().get(0).name() : base.condition();
        if (r.conditions().stream().noneMatch(x -> x.name().equals(c))) {
            throw new UserInputException("base recipe " + r.file() + " has no condition '" + c + "'");
        }
        return c;
    }

    private static long seed(Recipe.Base base, Recipe r) {
        long s = base.seed() == null ? r.seeds().get(0) : base.seed();
        if (!r.seeds().contains(s)) {
            throw new UserInputException("base recipe " + r.file() + " has no seed " + s);
        }
        return s;
    }
}
