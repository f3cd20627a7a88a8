package dev.pathway.circuits.recipe;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A section of a YAML recipe with strict reading: every key must be known, every value of the
 * right type; errors name the file and the key path (e.g. {@code discover.threshold}).
 */
final class RecipeNode {
    private final JsonNode node;
    private final String path;
    private final String file;

    RecipeNode(JsonNode node, String path, String file) {
        this.node = node;
        this.path = path;
        this.file = file;
    }

    boolean present() {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    private String key(String k) {
        return path.isEmpty() ? k : path + "." + k;
    }

    UserInputException error(String key, String message) {
        return new UserInputException(file + ": " + key(key) + ": " + message);
    }

    UserInputException errorHere(String message) {
        return new UserInputException(file + ": " + (path.isEmpty() ? "recipe" : path) + ": " + message);
    }

    void allowOnly(Set<String> keys) {
        if (!present()) {
            return;
        }
        if (!node.isObject()) {
            throw new UserInputException(file + ": " + (path.isEmpty() ? "the recipe" : path) + " must be a mapping");
        }
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!keys.contains(k)) {
                throw error(k, "unknown key (valid: " + String.join(", ", keys.stream().sorted().toList()) + ")");
            }
        }
    }

    RecipeNode section(String k) {
        JsonNode n = present() ? node.get(k) : null;
        if (n != null && !n.isNull() && !n.isObject()) {
            throw error(k, "must be a mapping");
        }
        return new RecipeNode(n, key(k), file);
    }

    boolean has(String k) {
        return present() && node.hasNonNull(k);
    }

    String text(String k, String def) {
        if (!has(k)) {
            return def;
        }
        JsonNode v = node.get(k);
        if (!v.isValueNode()) {
            throw error(k, "must be a single value");
        }
        return v.asText();
    }

    String requiredText(String k) {
        String v = text(k, null);
        if (v == null || v.isBlank()) {
            throw error(k, "is required");
        }
        return v;
    }

    int integer(String k, int def, int min) {
        if (!has(k)) {
            return def;
        }
        JsonNode v = node.get(k);
        if (!v.isIntegralNumber() || v.asLong() < min || v.asLong() > Integer.MAX_VALUE) {
            throw error(k, "must be an integer >= " + min + ", got " + v);
        }
        return v.asInt();
    }

    long longValue(String k, long def) {
        if (!has(k)) {
            return def;
        }
        JsonNode v = node.get(k);
        if (!v.isIntegralNumber()) {
            throw error(k, "must be an integer, got " + v);
        }
        return v.asLong();
    }

    double number(String k, double def) {
        if (!has(k)) {
            return def;
        }
        JsonNode v = node.get(k);
        if (!v.isNumber()) {
            throw error(k, "must be a number, got " + v);
        }
        return v.asDouble();
    }

    /** A list of strings, also accepting one string. */
    List<String> list(String k, List<String> def) {
        if (!has(k)) {
            return def;
        }
        JsonNode v = node.get(k);
        List<String> out = new ArrayList<>();
        if (v.isValueNode()) {
            out.add(v.asText());
        } else if (v.isArray()) {
            for (JsonNode e : v) {
                if (!e.isValueNode()) {
                    throw error(k, "must be a list of values");
                }
                out.add(e.asText());
            }
        } else {
            throw error(k, "must be a list");
        }
        return out;
    }
}
