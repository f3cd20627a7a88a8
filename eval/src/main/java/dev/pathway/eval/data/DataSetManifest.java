package dev.pathway.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data set's manifest ({@code data/<name>.json} in the repository): where the data set comes
 * from and how to check it. Fields:
 * <pre>
 * name          the name users type (--dataset nfcorpus)
 * variant       a label printed in every output (e.g. "BEIR corpus, original text")
 * comparable    whether scores are comparable with published numbers
 * corpus        corpus file name in the data set folder
 * queries       queries file name ("queries.jsonl")
 * splits        split names; qrels are in qrels/{split}.tsv
 * mirror        {"folder": name under PATHWAY_DATA_MIRROR, "files": {relative path: sha256}}
 * download      {"url", "sha256" or "md5", "root": folder inside the zip, "corpus": corpus name
 *               inside the zip} or null when there is no official BEIR-format download
 * source        where the data originally comes from (free text with URLs)
 * licence       licence note
 * citation      what to cite
 * </pre>
 */
public record DataSetManifest(
        String name,
        String variant,
        boolean comparable,
        String corpus,
        String queries,
        List<String> splits,
        String mirrorFolder,
        Map<String, String> mirrorFiles,
        Download download,
        String source,
        String licence,
        String citation,
        Path file) {

    /** The official download: a zip in BEIR layout. */
    public record Download(String url, String sha256, String md5, String root, String corpus) {}

    /** Reads and validates a manifest file. */
    public static DataSetManifest read(Path file) {
        JsonNode n = Json.read(file);
        if (!n.isObject()) {
            throw new UserInputException(file + ": a manifest must be a JSON object");
        }
        String name = text(n, "name", file, true);
        List<String> splits = new ArrayList<>();
        JsonNode s = n.get("splits");
        if (s == null || !s.isArray() || s.isEmpty()) {
            throw new UserInputException(file + ": key 'splits' must be a non-empty array of split names");
        }
        s.forEach(x -> splits.add(x.asText()));
        Map<String, String> files = new LinkedHashMap<>();
        String mirrorFolder = null;
        JsonNode m = n.get("mirror");
        if (m != null && !m.isNull()) {
            mirrorFolder = text(m, "folder", file, true);
            JsonNode f = m.get("files");
            if (f == null || !f.isObject()) {
                throw new UserInputException(file + ": key 'mirror.files' must map relative paths to SHA-256 hex");
            }
            f.fields().forEachRemaining(e -> {
                String hex = e.getValue().asText();
                if (!hex.matches("[0-9a-f]{64}")) {
                    throw new UserInputException(file + ": key 'mirror.files." + e.getKey() + "' is not a SHA-256 hex string");
                }
                files.put(e.getKey(), hex);
            });
        }
        Download download = null;
        JsonNode d = n.get("download");
        if (d != null && !d.isNull()) {
            download = new Download(
                    text(d, "url", file, true),
                    text(d, "sha256", file, false),
                    text(d, "md5", file, false),
                    text(d, "root", file, false),
                    text(d, "corpus", file, false));
        }
        return new DataSetManifest(
                name,
                text(n, "variant", file, true),
                n.path("comparable").asBoolean(false),
                text(n, "corpus", file, true),
                n.path("queries").asText("queries.jsonl"),
                Collections.unmodifiableList(splits),
                mirrorFolder,
                Collections.unmodifiableMap(files),
                download,
                n.path("source").asText(""),
                n.path("licence").asText(""),
                n.path("citation").asText(""),
                file);
    }

    private static String text(JsonNode n, String key, Path file, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                throw new UserInputException(file + ": missing key '" + key + "'");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new UserInputException(file + ": key '" + key + "' must be a string");
        }
        return v.asText();
    }
}
