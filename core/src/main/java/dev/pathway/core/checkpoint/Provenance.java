package dev.pathway.core.checkpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.core.util.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The {@code pathway.json} of a checkpoint: where it came from (parent and the SHA-256 of the
 * parent's weights), every operation applied since the original weights (kind, parameters, seed,
 * recipe), the tool version, timestamps and metrics.
 */
public final class Provenance {
    public static final String FILE = "pathway.json";
    public static final String FORMAT = "pathway-checkpoint/1";

    private final ObjectNode json;

    private Provenance(ObjectNode json) {
        this.json = json;
    }

    /** A provenance for weights that came from outside pathway (a HuggingFace or ONNX source). */
    public static Provenance origin(String source) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("origin", source);
        n.putNull("parent");
        n.putArray("operations");
        n.putObject("metrics");
        return new Provenance(n);
    }

    /** Reads {@code pathway.json}, or returns a provenance that names the directory as origin. */
    public static Provenance readOrOrigin(Path dir) {
        Path f = dir.resolve(FILE);
        if (!Files.exists(f)) {
            return origin(dir.toAbsolutePath().toString());
        }
        JsonNode n = Json.read(f);
        if (!n.isObject() || !n.path("operations").isArray()) {
            throw new UserInputException(f + ": not a pathway provenance file (no 'operations' list)");
        }
        return new Provenance((ObjectNode) n);
    }

    /**
     * The provenance of a child checkpoint: parent named by path and weights hash, the parent's
     * operations carried over.
     */
    public Provenance child(Path parentDir, String parentWeightsSha256) {
        ObjectNode n = json.deepCopy();
        ObjectNode parent = n.putObject("parent");
        parent.put("path", parentDir.toAbsolutePath().toString());
        parent.put("weights_sha256", parentWeightsSha256);
        n.remove("weights_sha256");
        n.putObject("metrics");
        return new Provenance(n);
    }

    /** Appends an operation: {@code kind}, its parameters, and the seed (or null). */
    public Provenance withOperation(String kind, ObjectNode params, Long seed, String recipe) {
        ObjectNode n = json.deepCopy();
        ObjectNode op = ((ArrayNode) n.get("operations")).addObject();
        op.put("kind", kind);
        op.set("params", params == null ? Json.MAPPER.createObjectNode() : params);
        if (seed == null) {
            op.putNull("seed");
        } else {
            op.put("seed", seed);
        }
        if (recipe == null) {
            op.putNull("recipe");
        } else {
            op.put("recipe", recipe);
        }
        op.put("tool_version", Version.get());
        op.put("at", Instant.now().toString());
        return new Provenance(n);
    }

    public Provenance withMetric(String name, double value) {
        ObjectNode n = json.deepCopy();
        ((ObjectNode) n.with("metrics")).put(name, value);
        return new Provenance(n);
    }

    /** The JSON to write, stamped with the weights hash, tool version and write time. */
    public ObjectNode toJsonForWrite(String weightsSha256) {
        ObjectNode n = json.deepCopy();
        n.put("format", FORMAT);
        n.put("weights_sha256", weightsSha256);
        n.put("tool_version", Version.get());
        n.put("written_at", Instant.now().toString());
        return n;
    }

    public ArrayNode operations() {
        return (ArrayNode) json.get("operations");
    }

    public JsonNode json() {
        return json;
    }
}
