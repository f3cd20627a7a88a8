package dev.pathway.circuits.recipe;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.ablate.AblationMode;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.discover.Circuit;
import dev.pathway.circuits.discover.Role;
import dev.pathway.circuits.run.AblateJob;
import dev.pathway.circuits.run.AnalyzeJob;
import dev.pathway.circuits.run.BuildDatasetJob;
import dev.pathway.circuits.run.DiscoverJob;
import dev.pathway.circuits.run.ModelDirs;
import dev.pathway.circuits.run.PairOptions;
import dev.pathway.circuits.run.PatchJob;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs a {@link CircuitsRecipe}: builds the diagnostic sets, patches, discovers the circuit,
 * ablates its heads of one role and runs the head analyses, each step into its own folder of the
 * run folder ({@code dataset/}, {@code patch-<kind>/}, {@code discover/}, {@code ablate/},
 * {@code analyze/}), and a {@code recipe-run.json} with the resolved recipe and every step's
 * summary.
 */
public final class RecipeRunner {
    private static final Logger LOG = LogManager.getLogger(RecipeRunner.class);

    private RecipeRunner() {}

    /** The checkpoint folder: the override, "embedded", or a local folder; a Hub id that is not local is a user error. */
    public static Path modelDir(CircuitsRecipe r, Path override) {
        if (override != null) {
            return ModelDirs.resolve(override);
        }
        if (r.model().equals("embedded")) {
            return ModelDirs.resolve(null);
        }
        Path p = Path.of(r.model());
        if (Files.isDirectory(p)) {
            return p;
        }
        throw new UserInputException("model '" + r.model() + "' of " + r.file() + " is not a local checkpoint folder; fetch it first ("
                + "./pathway model fetch " + r.model() + " --out DIR, which needs the network) and pass --model DIR");
    }

    public static ObjectNode run(CircuitsRecipe r, Path modelOverride, Path outOverride, boolean overwrite, Device device) throws IOException {
        Path out = outOverride != null ? outOverride : r.out();
        Path modelDir = modelDir(r, modelOverride);
        AtomicDirectory.checkTarget(out, overwrite);
        Files.createDirectories(out);
        ObjectNode run = Json.MAPPER.createObjectNode();
        run.set("recipe", r.toJson());
        run.put("model_dir", modelDir.toAbsolutePath().toString());
        ObjectNode steps = run.putObject("steps");
        try (CrossEncoder model = Checkpoints.load(modelDir, device)) {
            Path ds = out.resolve("dataset");
            LOG.info("recipe {}: building the diagnostic sets", r.name());
            steps.set("dataset", new BuildDatasetJob(r.source(), r.paperDir(), r.split(), r.minGrade(), r.termIdf(), r.kinds(), r.build(), ds,
                    true).run(model));
            for (DiagnosticKind k : r.patchData()) {
                LOG.info("recipe {}: activation patching on {}", r.name(), k);
                steps.set("patch-" + name(k), new PatchJob(pairs(r, ds, k, r.patchPairs()), r.patchTargets(),
                        r.patchHeads() == null ? null : HeadId.parseList(r.patchHeads(), model.config()), r.positions(), r.minDelta(),
                        r.budget(), out.resolve("patch-" + name(k)), true).run(model, modelDir));
            }
            Path circuit = null;
            if (r.discoverData() != null) {
                LOG.info("recipe {}: circuit discovery on {}", r.name(), r.discoverData());
                steps.set("discover", new DiscoverJob(pairs(r, ds, r.discoverData(), r.discoverPairs()), r.discover(), r.minDelta(), r.budget(),
                        out.resolve("discover"), true).run(model, modelDir));
                circuit = out.resolve("discover").resolve("circuit.json");
            }
            if (!r.ablateData().isEmpty()) {
                List<HeadId> heads = circuit == null ? List.of() : Circuit.read(circuit).headsWithRole(r.ablateRole());
                if (heads.isEmpty()) {
                    steps.put("ablate", "skipped: the discovered circuit has no " + r.ablateRole().label() + " heads");
                } else {
                    Map<String, Path> sets = new LinkedHashMap<>();
                    for (DiagnosticKind k : r.ablateData()) {
                        sets.put(name(k), ds.resolve(k.fileName()));
                    }
                    LOG.info("recipe {}: ablating {} heads", r.name(), heads.size());
                    steps.set("ablate", new AblateJob(heads, AblationMode.parse(r.ablateMode()), sets, r.ablateSamples(), r.seed(), null,
                            r.maxLength(), 32, out.resolve("ablate"), true).run(model, modelDir));
                }
            }
            if (r.cosine() != null || r.idfData() != null || r.tfc2() != null || r.lnc1() != null) {
                List<HeadId> matching = group(circuit, Role.MATCHING);
                List<HeadId> scoring = group(circuit, Role.SCORING);
                LOG.info("recipe {}: head analyses", r.name());
                steps.set("analyze", new AnalyzeJob(file(ds, r.cosine()), file(ds, r.idfData()), r.idf(), file(ds, r.tfc2()), file(ds, r.lnc1()),
                        r.analyzeSamples(), r.seed(), r.maxLength(), matching, scoring, out.resolve("analyze"), true).run(model, modelDir));
            }
        }
        Json.write(out.resolve("recipe-run.json"), run);
        run.put("out", out.toAbsolutePath().toString());
        return run;
    }

    private static PairOptions pairs(CircuitsRecipe r, Path ds, DiagnosticKind k, int pairs) {
        return new PairOptions(ds.resolve(k.fileName()), pairs, 0, r.seed(), r.maxLength(), r.filler());
    }

    private static Path file(Path ds, DiagnosticKind k) {
        return k == null ? null : ds.resolve(k.fileName());
    }

    private static List<HeadId> group(Path circuit, Role role) {
        if (circuit == null) {
            return null;
        }
        List<HeadId> hs = Circuit.read(circuit).headsWithRole(role);
        return hs.isEmpty() ? null : hs;
    }

    private static String name(DiagnosticKind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
