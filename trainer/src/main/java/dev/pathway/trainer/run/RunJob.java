package dev.pathway.trainer.run;

import dev.pathway.trainer.recipe.Recipe;
import java.io.Serializable;

/** One (condition, seed) of a recipe. */
public record RunJob(String condition, long seed) implements Serializable {
    public Recipe.Condition of(Recipe r) {
        return r.conditions().stream().filter(c -> c.name().equals(condition)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no condition " + condition));
    }
}
