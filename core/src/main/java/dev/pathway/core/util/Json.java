package dev.pathway.core.util;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** One shared Jackson mapper and helpers that turn JSON problems into one-line user errors. */
public final class Json {
    public static final ObjectMapper MAPPER =
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {}

    /** Reads a JSON file, failing with a message that names the file and the problem. */
    public static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (JsonProcessingException e) {
            throw new UserInputException(
                    "malformed JSON in " + file + " at line " + e.getLocation().getLineNr()
                            + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    public static void write(Path file, Object value) throws IOException {
        Files.writeString(file, write(value) + "\n");
    }
}
