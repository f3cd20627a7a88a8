package dev.pathway.circuits.discover;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A discovered circuit: heads with their level in the backward search, effect and role; the
 * edges found (sender to logits, or sender to a receiver head's input); and the rule used.
 */
public record Circuit(List<Node> heads, List<Edge> edges, ObjectNode rule) {
    public static final String LOGITS = "logits";

    /** A head of the circuit. */
    public record Node(HeadId head, int level, double effect, Role role, HeadAttentionStats.Stats attention) {}

    /**
     * An edge: {@code from} a head {@code to} a head or {@link #LOGITS}, through receiver inputs
     * ({@code input}, e.g. "v"; null to the logits), with its aggregated effect.
     */
    public record Edge(HeadId from, String to, String input, double effect) {}

    public List<HeadId> headsWithRole(Role r) {
        return heads.stream().filter(n -> n.role() == r).map(Node::head).toList();
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.set("rule", rule);
        ArrayNode hs = o.putArray("heads");
        for (Node n : heads) {
            ObjectNode h = hs.addObject();
            h.put("head", n.head().toString());
            h.put("layer", n.head().layer());
            h.put("index", n.head().head());
            h.put("level", n.level());
            h.put("role", n.role().name().toLowerCase(java.util.Locale.ROOT));
            h.put("role_label", n.role().label());
            h.put("effect", n.effect());
            if (n.attention() != null) {
                h.set("attention", n.attention().toJson());
            }
        }
        ArrayNode es = o.putArray("edges");
        for (Edge e : edges) {
            ObjectNode en = es.addObject();
            en.put("from", e.from().toString());
            en.put("to", e.to());
            if (e.input() == null) {
                en.putNull("input");
            } else {
                en.put("input", e.input());
            }
            en.put("effect", e.effect());
        }
        return o;
    }

    /** Reads the heads and roles of a circuit.json (for ablation and the analyses). */
    public static Circuit read(Path file) {
        JsonNode root = Json.read(file);
        JsonNode hs = root.get("heads");
        if (hs == null || !hs.isArray()) {
            throw new UserInputException(file + ": not a circuit.json (no \"heads\" array)");
        }
        List<Node> nodes = new ArrayList<>();
        for (JsonNode h : hs) {
            if (!h.hasNonNull("head") || !h.hasNonNull("role")) {
                throw new UserInputException(file + ": every head needs \"head\" and \"role\"");
            }
            Role role;
            try {
                role = Role.valueOf(h.get("role").asText().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException(file + ": unknown role '" + h.get("role").asText() + "'");
            }
            nodes.add(new Node(HeadId.parse(h.get("head").asText()), h.path("level").asInt(0), h.path("effect").asDouble(Double.NaN),
                    role, null));
        }
        List<Edge> edges = new ArrayList<>();
        for (JsonNode e : root.path("edges")) {
            edges.add(new Edge(HeadId.parse(e.get("from").asText()), e.get("to").asText(),
                    e.get("input").isNull() ? null : e.get("input").asText(), e.path("effect").asDouble(Double.NaN)));
        }
        ObjectNode rule = root.get("rule") instanceof ObjectNode r ? r : Json.MAPPER.createObjectNode();
        return new Circuit(nodes, edges, rule);
    }
}
