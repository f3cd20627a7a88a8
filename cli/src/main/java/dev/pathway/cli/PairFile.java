package dev.pathway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads query-document pairs from TSV ({@code query<TAB>doc}) or JSONL ({@code {"query","doc"}}). */
final class PairFile {
    private PairFile() {}

    static List<String[]> read(Path file) {
        boolean jsonl = file.getFileName().toString().endsWith(".jsonl") || file.getFileName().toString().endsWith(".json");
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                out.add(jsonl ? jsonPair(file, n, line) : tsvPair(file, n, line));
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + ": no pairs");
        }
        return out;
    }

    private static String[] tsvPair(Path file, int line, String text) {
        String[] f = text.split("\t", -1);
        if (f.length != 2) {
            throw new UserInputException(file + ":" + line + ": expected 2 tab-separated fields (query, document), found " + f.length);
        }
        return f;
    }

    private static String[] jsonPair(Path file, int line, String text) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserInputException(file + ":" + line + ": malformed JSON: " + e.getOriginalMessage());
        }
        JsonNode q = n == null ? null : n.get("query");
        JsonNode d = n == null ? null : (n.has("doc") ? n.get("doc") : n.get("document"));
        if (q == null || d == null || !q.isTextual() || !d.isTextual()) {
            throw new UserInputException(file + ":" + line + ": expected string fields 'query' and 'doc'");
        }
        return new String[] {q.asText(), d.asText()};
    }
}
