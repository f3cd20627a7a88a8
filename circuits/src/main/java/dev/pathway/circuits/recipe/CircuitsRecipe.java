package dev.pathway.circuits.recipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pathway.circuits.data.BuildOptions;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.discover.DiscoveryOptions;
import dev.pathway.circuits.discover.Role;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.path.Receiver;
import dev.pathway.circuits.run.PatchJob;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A circuits recipe: the whole section-4 analysis as one YAML file. Sections (all optional but
 * {@code model} and {@code dataset}):
 *
 * <pre>
 * name, description, model (a checkpoint folder, "embedded", or a HuggingFace id), out, seed, pairs
 * dataset:  source, paper_dir, split, min_grade, kinds, queries, docs_per_query, max_length, pronoun, term_rule, term_idf
 * batch:    rows, tokens, min_delta
 * patch:    data [kinds], targets, heads, positions, pairs (default: the top-level pairs)
 * discover: data, threshold, min_effect, rank_by, receiver_input, depth, max_receivers, pairs
 * ablate:   data [kinds], role, mode, samples
 * analyze:  cosine, idf_data, idf, tfc2, lnc1, samples
 * </pre>
 *
 * Data references inside steps name the kinds built by the dataset section ({@code tfc1}, ...).
 */
public record CircuitsRecipe(
        Path file,
        String name,
        String description,
        String model,
        Path out,
        long seed,
        int pairs,
        int maxLength,
        String filler,
        String source,
        Path paperDir,
        String split,
        int minGrade,
        String termIdf,
        Set<DiagnosticKind> kinds,
        BuildOptions build,
        RowBudget budget,
        MinDelta minDelta,
        List<DiagnosticKind> patchData,
        int patchPairs,
        List<String> patchTargets,
        String patchHeads,
        String positions,
        DiagnosticKind discoverData,
        int discoverPairs,
        DiscoveryOptions discover,
        List<DiagnosticKind> ablateData,
        Role ablateRole,
        String ablateMode,
        int ablateSamples,
        DiagnosticKind cosine,
        DiagnosticKind idfData,
        String idf,
        DiagnosticKind tfc2,
        DiagnosticKind lnc1,
        int analyzeSamples) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static CircuitsRecipe read(Path file) {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing recipe: " + file);
        } catch (JsonProcessingException e) {
            throw new UserInputException("malformed YAML in " + file + " at line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read recipe " + file + ": " + e.getMessage(), e);
        }
        String f = file.toString();
        RecipeNode r = new RecipeNode(root, "", f);
        if (!r.present()) {
            throw new UserInputException(f + ": empty recipe");
        }
        r.allowOnly(Set.of("name", "description", "model", "out", "seed", "pairs", "max_length", "filler", "dataset", "batch", "patch",
                "discover", "ablate", "analyze"));
        long seed = r.longValue("seed", 13);
        int maxLength = r.integer("max_length", 512, 16);

        RecipeNode d = r.section("dataset");
        if (!d.present()) {
            throw r.error("dataset", "is required");
        }
        d.allowOnly(Set.of("source", "paper_dir", "split", "min_grade", "kinds", "queries", "docs_per_query", "max_length", "pronoun",
                "term_rule", "term_idf"));
        String source = d.text("source", "paper");
        if (!source.equals("paper") && !source.startsWith("beir:")) {
            throw d.error("source", "must be paper or beir:NAME, got '" + source + "'");
        }
        Set<DiagnosticKind> kinds = EnumSet.noneOf(DiagnosticKind.class);
        for (String k : d.list("kinds", List.of("tfc1", "stmc1", "tfc2", "lnc1"))) {
            kinds.add(kind(d, "kinds", k));
        }
        BuildOptions build = wrap(d, () -> new BuildOptions(seed, d.integer("queries", 0, 0), d.integer("docs_per_query", 0, 0),
                d.integer("max_length", maxLength, 16), d.text("pronoun", "it"), d.text("term_rule", "given")));

        RecipeNode b = r.section("batch");
        b.allowOnly(Set.of("rows", "tokens", "min_delta"));
        RowBudget budget = new RowBudget(b.integer("rows", 64, 1), b.integer("tokens", 8192, 1));
        MinDelta minDelta = wrap(b, () -> MinDelta.parse(b.text("min_delta", "auto")));

        RecipeNode p = r.section("patch");
        p.allowOnly(Set.of("data", "targets", "heads", "positions", "pairs"));
        List<DiagnosticKind> patchData = p.present() ? kinds(p, "data", List.of("tfc1"), kinds) : List.of();
        List<String> targets = p.list("targets", List.of("resid", "head-z"));
        for (String t : targets) {
            if (!PatchJob.TARGETS.contains(t)) {
                throw p.error("targets", "unknown target '" + t + "' (valid: " + String.join(", ", PatchJob.TARGETS) + ")");
            }
        }
        String positions = p.text("positions", null);
        if (positions != null && !positions.equals("each") && !positions.equals("category")) {
            throw p.error("positions", "must be each or category");
        }

        RecipeNode dc = r.section("discover");
        dc.allowOnly(Set.of("data", "threshold", "min_effect", "rank_by", "receiver_input", "depth", "max_receivers", "pairs"));
        DiagnosticKind discoverData = dc.present() ? kinds(dc, "data", List.of("tfc1"), kinds).get(0) : null;
        DiscoveryOptions disc = wrap(dc, () -> new DiscoveryOptions(dc.number("threshold", 0.3), dc.number("min_effect", 0),
                dc.text("rank_by", "mean_m"), Receiver.parseInputs(dc.text("receiver_input", "v")), dc.integer("depth", 3, 0),
                dc.integer("max_receivers", 4, 0)));

        RecipeNode a = r.section("ablate");
        a.allowOnly(Set.of("data", "role", "mode", "samples"));
        List<DiagnosticKind> ablateData = a.present() ? kinds(a, "data", List.of("tfc1", "stmc1"), kinds) : List.of();
        if (a.present() && discoverData == null) {
            throw a.error("role", "ablation takes its heads from the discover step, which the recipe lacks");
        }
        Role role = switch (a.text("role", "matching")) {
            case "matching" -> Role.MATCHING;
            case "scoring" -> Role.SCORING;
            case "contextualization" -> Role.CONTEXTUALIZATION;
            default -> throw a.error("role", "must be matching, scoring or contextualization");
        };
        String mode = a.text("mode", "mean");
        if (!mode.equals("mean") && !mode.equals("zero")) {
            throw a.error("mode", "must be mean or zero");
        }

        RecipeNode an = r.section("analyze");
        an.allowOnly(Set.of("cosine", "idf_data", "idf", "tfc2", "lnc1", "samples"));
        DiagnosticKind cosine = optionalKind(an, "cosine", kinds);
        DiagnosticKind idfData = optionalKind(an, "idf_data", kinds);
        DiagnosticKind tfc2 = optionalKind(an, "tfc2", kinds);
        DiagnosticKind lnc1 = optionalKind(an, "lnc1", kinds);
        if (tfc2 != null && tfc2 != DiagnosticKind.TFC2) {
            throw an.error("tfc2", "must name the tfc2 set");
        }
        if (lnc1 != null && lnc1 != DiagnosticKind.LNC1) {
            throw an.error("lnc1", "must name the lnc1 set");
        }
        String idf = an.text("idf", "msmarco");
        if (!idf.equals("msmarco") && !idf.startsWith("table:") && !idf.startsWith("corpus:")) {
            throw an.error("idf", "must be msmarco, table:FILE or corpus:NAME");
        }
        String model = r.requiredText("model");
        int pairs = r.integer("pairs", 100, 0);
        String outText = r.text("out", "runs/" + r.text("name", "circuits"));
        String paperDir = d.text("paper_dir", null);
        return new CircuitsRecipe(file, r.text("name", "circuits"), r.text("description", ""), model, Path.of(outText), seed,
                pairs, maxLength, r.text("filler", "a"), source, paperDir == null ? null : Path.of(paperDir),
                d.text("split", "test"), d.integer("min_grade", 1, 0), d.text("term_idf", null), kinds, build, budget, minDelta, patchData,
                p.integer("pairs", pairs, 0), targets, p.text("heads", null), positions, discoverData, dc.integer("pairs", pairs, 0), disc,
                ablateData, role, mode, a.integer("samples", 200, 0), cosine, idfData, idf, tfc2, lnc1, an.integer("samples", 200, 0));
    }

    private static DiagnosticKind kind(RecipeNode n, String key, String k) {
        try {
            return DiagnosticKind.parse(k);
        } catch (UserInputException e) {
            throw n.error(key, e.getMessage());
        }
    }

    private static List<DiagnosticKind> kinds(RecipeNode n, String key, List<String> def, Set<DiagnosticKind> built) {
        Set<DiagnosticKind> out = new LinkedHashSet<>();
        for (String k : n.list(key, def)) {
            DiagnosticKind dk = kind(n, key, k);
            if (!built.contains(dk)) {
                throw n.error(key, "'" + k + "' is not among the dataset's kinds " + built);
            }
            out.add(dk);
        }
        if (out.isEmpty()) {
            throw n.error(key, "is empty");
        }
        return List.copyOf(out);
    }

    private static DiagnosticKind optionalKind(RecipeNode n, String key, Set<DiagnosticKind> built) {
        if (!n.has(key)) {
            return null;
        }
        return kinds(n, key, List.of(), built).get(0);
    }

    /** Runs a constructor that validates, naming the recipe section in its error. */
    private static <T> T wrap(RecipeNode n, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (UserInputException e) {
            throw n.errorHere(e.getMessage());
        }
    }

    /** The resolved recipe, as written into the run folder. */
    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("file", file.toAbsolutePath().toString());
        o.put("name", name);
        o.put("model", model);
        o.put("out", out.toString());
        o.put("seed", seed);
        o.put("pairs", pairs);
        o.put("max_length", maxLength);
        o.put("source", source);
        o.put("kinds", kinds.toString());
        o.put("queries", build.maxQueries());
        o.put("docs_per_query", build.docsPerQuery());
        o.put("patch", patchData.isEmpty() ? "-" : patchData + " " + patchTargets + " on " + patchPairs + " pairs");
        o.put("discover", discoverData == null ? "-" : discoverData + " (" + discoverPairs + " pairs) threshold " + discover.fraction() + " input "
                + String.join("", discover.inputs().stream().sorted().toList()) + " depth " + discover.maxDepth());
        o.put("ablate", ablateData.isEmpty() ? "-" : ablateMode + " " + ablateRole.label() + " heads on " + ablateData);
        o.put("analyze", "cosine=" + cosine + " idf=" + idfData + " (" + idf + ") tfc2=" + tfc2 + " lnc1=" + lnc1);
        return o;
    }
}
