package dev.pathway.eval.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;

/**
 * One line of a BEIR JSONL file ({@code corpus.jsonl}, {@code queries.jsonl}): a JSON object
 * with a non-empty {@code _id} (string or integer) and a string {@code text}. Errors name the
 * file and line through {@link TextLines}.
 */
record BeirLine(JsonNode node, String id, String text) {
    /** Parses a line; {@code kind} ("document", "query") names the record in error messages. */
    static BeirLine parse(String line, TextLines lines, String kind) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw lines.error("malformed JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw lines.error("expected a JSON object per line");
        }
        JsonNode id = n.get("_id");
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isEmpty()) {
            throw lines.error("missing or empty \"_id\"");
        }
        JsonNode text = n.get("text");
        if (text == null || !text.isTextual()) {
            throw lines.error("missing string field \"text\" (" + kind + " " + id.asText() + ")");
        }
        return new BeirLine(n, id.asText(), text.asText());
    }
}
