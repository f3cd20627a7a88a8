package dev.pathway.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.trainer.recipe.Recipe;
import dev.pathway.trainer.recipe.RecipeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipeReaderTest {
    @TempDir
    Path tmp;

    private static final String GOOD = """
            name: t
            base:
              model: embedded
            train_data:
              - {dataset: cranfield, split: train, max_positives: 10}
            dev: {dataset: cranfield, split: dev}
            test: {dataset: cranfield, split: test}
            training:
              epochs: 1
              batch_size: 8
              learning_rate: 1.0e-4
            conditions:
              - {name: full, train: full}
            seeds: [1, 2]
            """;

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(tmp, "recipe", ".yaml"), text);
    }

    private String error(String text) throws Exception {
        Path f = write(text);
        UserInputException e = assertThrows(UserInputException.class, () -> RecipeReader.read(f, true));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        return e.getMessage();
    }

    @Test
    void shippedRecipesAreValid() {
        for (String name : new String[] {"quickstart.yaml", "bootstrap-cross-encoder.yaml", "paper-nfcorpus.yaml"}) {
            Recipe r = RecipeReader.read(ProjectPaths.root().resolve("recipes").resolve(name), true);
            assertTrue(r.runCount() >= 1, name);
        }
        Recipe q = RecipeReader.read(ProjectPaths.root().resolve("recipes/quickstart.yaml"), true);
        assertEquals(12, q.runCount());
        assertTrue(q.base().isRecipe());
        assertEquals("zscore", q.conditions().get(2).alignIdf().method());
    }

    @Test
    void aGoodRecipeReadsWithDefaults() throws Exception {
        Recipe r = RecipeReader.read(write(GOOD), true);
        assertEquals("bce", r.training().loss());
        assertEquals(3, r.negatives().perPositive());
        assertEquals("ndcg@10", r.evaluation().selectBy());
        assertEquals(java.util.List.of(1L, 2L), r.seeds());
    }

    @Test
    void unknownKeysGetASuggestionAndTheLine() throws Exception {
        String m = error(GOOD.replace("  epochs: 1", "  epoch: 1"));
        assertTrue(m.contains("line 9: unknown key 'training.epoch' (did you mean 'epochs'?)"), m);
        assertTrue(error(GOOD + "seedz: [1]\n").contains("line 15: unknown key 'seedz' (did you mean 'seeds'?)"));
    }

    @Test
    void wrongTypesMissingFieldsAndBadValues() throws Exception {
        assertTrue(error(GOOD.replace("batch_size: 8", "batch_size: eight")).contains("line 10: 'training.batch_size' must be an integer"));
        assertTrue(error(GOOD.replace("name: t\n", "")).contains("missing field 'name'"));
        assertTrue(error(GOOD.replace("learning_rate: 1.0e-4", "learning_rate: 0")).contains("line 11: training.learning_rate must be a positive number"));
        assertTrue(error(GOOD.replace("seeds: [1, 2]", "seeds: [1, two]")).contains("line 14: seeds must be integers"));
        assertTrue(error(GOOD.replace("seeds: [1, 2]", "seeds: [1, 1]")).contains("seed 1 is listed twice"));
        assertTrue(error(GOOD.replace("{name: full, train: full}", "{name: full, train: full}\n  - {name: full, train: head}"))
                .contains("condition 'full' is declared twice"));
        assertTrue(error(GOOD.replace("training:\n", "training:\n  loss: listwise-softmax\n") + "negatives: {per_positive: 0}\n")
                .contains("the listwise loss needs negatives.per_positive >= 1"));
        assertTrue(error(GOOD.replace("model: embedded", "model: embedded\n  recipe: other.yaml")).contains("exactly one of 'model'"));
        assertTrue(error("name: [").contains("not valid YAML"));
        assertTrue(error("").contains("the recipe is empty"));
    }

    @Test
    void missingDataSetsAndSplits() throws Exception {
        assertTrue(error(GOOD.replace("dev: {dataset: cranfield, split: dev}", "dev: {dataset: cranfield, split: validation}"))
                .contains("line 6: data set 'cranfield' has no split 'validation'"));
        assertTrue(error(GOOD.replace("{dataset: cranfield, split: train", "{dataset: no_such_set_here, split: train"))
                .contains("no_such_set_here"));
    }

    @Test
    void aMissingRecipeFile() {
        UserInputException e = assertThrows(UserInputException.class, () -> RecipeReader.read(tmp.resolve("none.yaml"), true));
        assertTrue(e.getMessage().startsWith("recipe not found"));
    }
}
