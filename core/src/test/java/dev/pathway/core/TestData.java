package dev.pathway.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real NFCorpus queries and documents from ../shared/data, read in place. */
public final class TestData {
    private TestData() {}

    public static Path mirror() {
        String p = System.getProperty("PATHWAY_DATA_MIRROR", System.getenv("PATHWAY_DATA_MIRROR"));
        Path dir = p != null ? Paths.get(p) : dev.pathway.core.util.ProjectPaths.root().resolve("../shared/data");
        dir = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve("SHA256SUMS"))) {
            throw new IllegalStateException("shared data not found: " + dir.resolve("SHA256SUMS"));
        }
        return dir;
    }

    /** The first {@code n} query texts of NFCorpus. */
    public static List<String> nfcorpusQueries(int n) {
        return field(mirror().resolve("nfcorpus/queries.jsonl"), false, n, "text");
    }

    /** The first {@code n} NFCorpus documents as title + " " + text. */
    public static List<String> nfcorpusDocs(int n) {
        List<String> titles = field(mirror().resolve("nfcorpus/corpus.jsonl.gz"), true, n, "title");
        List<String> texts = field(mirror().resolve("nfcorpus/corpus.jsonl.gz"), true, n, "text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            out.add((titles.get(i) + " " + texts.get(i)).trim());
        }
        return out;
    }

    private static List<String> field(Path file, boolean gz, int n, String key) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("missing test data file: " + file);
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                gz ? new GZIPInputStream(Files.newInputStream(file)) : Files.newInputStream(file), StandardCharsets.UTF_8))) {
            String line;
            while (out.size() < n && (line = r.readLine()) != null) {
                JsonNode node = Json.MAPPER.readTree(line);
                out.add(node.path(key).asText(""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
