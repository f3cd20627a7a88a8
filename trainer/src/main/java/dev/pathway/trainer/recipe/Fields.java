package dev.pathway.trainer.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the fields of one YAML mapping with type checks, and reports unknown keys (with the
 * closest known one as a suggestion). Every error names the file and line.
 */
final class Fields {
    private final LocatedYaml yaml;
    private final JsonNode node;
    private final String pointer;
    private final Set<String> known = new HashSet<>();

    Fields(LocatedYaml yaml, JsonNode node, String pointer) {
        this.yaml = yaml;
        this.pointer = pointer;
        if (node == null || !node.isObject()) {
            throw error(pointer, "expected a mapping" + (pointer.isEmpty() ? " at the top" : " for '" + key(pointer) + "'"));
        }
        this.node = node;
    }

    UserInputException error(String at, String message) {
        return new UserInputException(yaml.where(at) + ": " + message);
    }

    boolean has(String key) {
        known.add(key);
        return node.has(key) && !node.get(key).isNull();
    }

    String text(String key, String def) {
        if (!has(key)) {
            if (def == null) {
                throw error(pointer, "missing field '" + path(key) + "'");
            }
            return def;
        }
        JsonNode v = node.get(key);
        if (!v.isTextual() && !v.isNumber()) {
            throw error(ptr(key), "'" + path(key) + "' must be a string, got " + v);
        }
        return v.asText();
    }

    String requiredText(String key) {
        return text(key, null);
    }

    long integer(String key, Long def) {
        if (!has(key)) {
            if (def == null) {
                throw error(pointer, "missing field '" + path(key) + "'");
            }
            return def;
        }
        JsonNode v = node.get(key);
        if (!v.isIntegralNumber()) {
            throw error(ptr(key), "'" + path(key) + "' must be an integer, got " + v);
        }
        return v.asLong();
    }

    double number(String key, Double def) {
        if (!has(key)) {
            if (def == null) {
                throw error(pointer, "missing field '" + path(key) + "'");
            }
            return def;
        }
        JsonNode v = node.get(key);
        if (!v.isNumber()) {
            throw error(ptr(key), "'" + path(key) + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    boolean bool(String key, boolean def) {
        if (!has(key)) {
            return def;
        }
        JsonNode v = node.get(key);
        if (!v.isBoolean()) {
            throw error(ptr(key), "'" + path(key) + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    /** A list of strings; a single string is accepted as a one-element list. */
    List<String> texts(String key, List<String> def) {
        if (!has(key)) {
            if (def == null) {
                throw error(pointer, "missing field '" + path(key) + "'");
            }
            return def;
        }
        JsonNode v = node.get(key);
        if (v.isTextual()) {
            return List.of(v.asText());
        }
        if (!v.isArray()) {
            throw error(ptr(key), "'" + path(key) + "' must be a list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) {
                throw error(ptr(key) + "/" + i, "'" + path(key) + "' entries must be strings, got " + v.get(i));
            }
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** The nested mapping of a key (or null when absent and optional). */
    Fields object(String key, boolean required) {
        if (!has(key)) {
            if (required) {
                throw error(pointer, "missing field '" + path(key) + "'");
            }
            return null;
        }
        return new Fields(yaml, node.get(key), ptr(key));
    }

    /** The list of mappings of a key. */
    List<Fields> objects(String key) {
        if (!has(key)) {
            throw error(pointer, "missing field '" + path(key) + "'");
        }
        JsonNode v = node.get(key);
        if (!v.isArray() || v.isEmpty()) {
            throw error(ptr(key), "'" + path(key) + "' must be a non-empty list");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(new Fields(yaml, v.get(i), ptr(key) + "/" + i));
        }
        return out;
    }

    JsonNode raw(String key) {
        known.add(key);
        return node.get(key);
    }

    String pointer(String key) {
        return ptr(key);
    }

    /** Fails on the first key that was never asked for. */
    void rejectUnknown() {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!known.contains(k)) {
                String suggestion = known.stream().min(Comparator.comparingInt(c -> distance(c, k))).orElse(null);
                throw error(ptr(k), "unknown key '" + path(k) + "'"
                        + (suggestion != null && distance(suggestion, k) <= Math.max(2, k.length() / 3) ? " (did you mean '" + suggestion + "'?)" : "")
                        + "; known keys here: " + new java.util.TreeSet<>(known));
            }
        }
    }

    private String ptr(String key) {
        return pointer + "/" + key;
    }

    private String path(String key) {
        String base = pointer.replaceAll("^/", "").replace('/', '.');
        return base.isEmpty() ? key : base + "." + key;
    }

    private static String key(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
