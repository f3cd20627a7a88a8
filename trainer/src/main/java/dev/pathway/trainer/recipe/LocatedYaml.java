package dev.pathway.trainer.recipe;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A YAML document as a JSON tree plus the line of every node (by JSON pointer), so validation
 * errors can name the line a user must fix.
 */
public final class LocatedYaml {
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Path file;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines, Path file) {
        this.root = root;
        this.lines = lines;
        this.file = file;
    }

    public static LocatedYaml read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("recipe not found: " + file);
        } catch (IOException e) {
            throw new UserInputException("cannot read recipe " + file + ": " + e.getMessage());
        }
        Map<String, Integer> lines = new HashMap<>();
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new UserInputException(file + ": the recipe is empty");
            }
            JsonNode root = node(p, "", lines);
            return new LocatedYaml(root, lines, file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException(file + " line " + e.getLocation().getLineNr() + ": not valid YAML: "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new UserInputException("cannot parse recipe " + file + ": " + e.getMessage());
        }
    }

    private static JsonNode node(JsonParser p, String path, Map<String, Integer> lines) throws IOException {
        lines.put(path, p.currentTokenLocation().getLineNr());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String child = path + "/" + name;
                    lines.put(child, p.currentTokenLocation().getLineNr());
                    p.nextToken();
                    if (o.has(name)) {
                        throw new UserInputException("line " + p.currentTokenLocation().getLineNr() + ": key '" + name + "' appears twice");
                    }
                    o.set(name, node(p, child, lines));
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(node(p, path + "/" + i++, lines));
                }
                return a;
            }
            case VALUE_STRING -> {
                return JsonNodeFactory.instance.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return JsonNodeFactory.instance.numberNode(p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return JsonNodeFactory.instance.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return JsonNodeFactory.instance.booleanNode(p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return JsonNodeFactory.instance.nullNode();
            }
            default -> throw new UserInputException("unexpected YAML token " + t);
        }
    }

    public JsonNode root() {
        return root;
    }

    public Path file() {
        return file;
    }

    /** "file line N" for a JSON pointer, falling back to the nearest located parent. */
    public String where(String pointer) {
        String p = pointer;
        while (!lines.containsKey(p) && p.contains("/")) {
            p = p.substring(0, p.lastIndexOf('/'));
        }
        Integer line = lines.get(p);
        return file + (line != null ? " line " + line : "");
    }
}
