package dev.pathway.circuits.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Diagnostic samples as JSONL, one sample per line:
 *
 * <pre>
 * {"id": "tfc1/1101090/D3320", "kind": "TFC1", "qid": "1101090", "query": "...", "doc_id": "D3320",
 *  "baseline": "...", "perturbed": ["..."], "term": "azadpour", "meta": {...}}
 * </pre>
 */
public final class DiagnosticSet {
    private DiagnosticSet() {}

    public static void write(Path file, List<DiagnosticSample> samples) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DiagnosticSample s : samples) {
                ObjectNode n = Json.MAPPER.createObjectNode();
                n.put("id", s.id());
                n.put("kind", s.kind().name());
                n.put("qid", s.qid());
                n.put("query", s.query());
                n.put("doc_id", s.docId());
                n.put("baseline", s.baseline());
                ArrayNode p = n.putArray("perturbed");
                s.perturbed().forEach(p::add);
                n.put("term", s.term());
                n.set("meta", s.meta() == null ? Json.MAPPER.createObjectNode() : s.meta());
                w.write(Json.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(n));
                w.write('\n');
            }
        }
    }

    /** Reads a JSONL file; every problem names the file and line. */
    public static List<DiagnosticSample> read(Path file) {
        List<DiagnosticSample> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            while ((line = r.readLine()) != null) {
                no++;
                if (line.isBlank()) {
                    continue;
                }
                DiagnosticSample s = parse(file, no, line);
                if (!ids.add(s.id())) {
                    throw new UserInputException(file + ":" + no + ": duplicate sample id '" + s.id() + "'");
                }
                out.add(s);
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + ": no samples");
        }
        return out;
    }

    private static DiagnosticSample parse(Path file, int no, String line) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ":" + no + ": malformed JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw new UserInputException(file + ":" + no + ": expected a JSON object");
        }
        String where = file + ":" + no;
        String kind = text(n, "kind", where);
        JsonNode p = n.get("perturbed");
        if (p == null || !p.isArray() || p.isEmpty()) {
            throw new UserInputException(where + ": \"perturbed\" must be a non-empty array of strings");
        }
        List<String> perturbed = new ArrayList<>();
        for (JsonNode d : p) {
            if (!d.isTextual()) {
                throw new UserInputException(where + ": \"perturbed\" must be a non-empty array of strings");
            }
            perturbed.add(d.asText());
        }
        JsonNode meta = n.get("meta");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            throw new UserInputException(where + ": \"meta\" must be an object");
        }
        DiagnosticKind k;
        try {
            k = DiagnosticKind.parse(kind);
        } catch (UserInputException e) {
            throw new UserInputException(where + ": " + e.getMessage());
        }
        String query = text(n, "query", where);
        String term = text(n, "term", where);
        if (query.isBlank()) {
            throw new UserInputException(where + ": empty query");
        }
        if (!Words.containsWord(query, term)) {
            throw new UserInputException(where + ": selected term '" + term + "' is not a word of the query '" + query + "'");
        }
        return new DiagnosticSample(
                text(n, "id", where),
                k,
                text(n, "qid", where),
                query,
                n.hasNonNull("doc_id") ? n.get("doc_id").asText() : "",
                text(n, "baseline", where),
                perturbed,
                term,
                meta == null || meta.isNull() ? Json.MAPPER.createObjectNode() : (ObjectNode) meta);
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !(v.isTextual() || v.isNumber())) {
            throw new UserInputException(where + ": missing string field \"" + field + "\"");
        }
        return v.asText();
    }
}
