package dev.pathway.cli.circuits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.recipe.CircuitsRecipe;
import dev.pathway.circuits.recipe.RecipeRunner;
import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.ProjectPaths;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway circuits run [RECIPE]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a circuits recipe (default: recipes/circuits-small.yaml, a few minutes on the embedded model).")
public final class RunRecipeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RECIPE", arity = "0..1", description = "Recipe YAML (default: recipes/circuits-small.yaml).")
    Path recipe;

    @Option(names = "--model", paramLabel = "DIR", description = "Checkpoint folder, overriding the recipe's model.")
    Path model;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder, overriding the recipe's out.")
    Path out;

    @Option(names = "--overwrite", description = "Replace the run folder's steps if it exists.")
    boolean overwrite;

    @Option(names = "--validate", description = "Only parse and check the recipe; print the plan.")
    boolean validate;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path file = recipe != null ? recipe : ProjectPaths.root().resolve("recipes").resolve("circuits-small.yaml");
        CircuitsRecipe r = CircuitsRecipe.read(file);
        PrintWriter o = spec.commandLine().getOut();
        if (validate) {
            ObjectNode plan = r.toJson();
            boolean local = model != null || r.model().equals("embedded") || Files.isDirectory(Path.of(r.model()));
            plan.put("model_available_locally", local);
            o.println("recipe " + file + " is valid");
            o.println(Json.write(plan));
            o.flush();
            return 0;
        }
        ObjectNode run = RecipeRunner.run(r, model, out, overwrite, device.device());
        o.println("wrote " + run.path("out").asText());
        o.println(Json.write(run.get("steps")));
        o.flush();
        return 0;
    }
}
