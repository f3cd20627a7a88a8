package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the paper's released MS MARCO diagnostic files (folder {@code diagnostic/} of the data
 * mirror; see its README):
 *
 * <ul>
 *   <li>{@code tfc1_add_qids_with_text.csv}: the 100 queries, in order (no header);
 *   <li>{@code stmc1_qids_perturbation.csv}: selected term and synonym per query;
 *   <li>{@code tfc1_add_baseline_final_dd_corpus.json.gz}: 100 MS MARCO passages per query, each
 *       with the filler "a " prepended (stripped here: the filler goes where patching needs it);
 *   <li>{@code tfc2_lnc1_query_answer_injected.csv}: synthetic 5-sentence answers, literal quotes
 *       stripped; of a query id that appears twice, the first row (the one among the 100 selected
 *       rows) is kept, not the last as the reference's dict loader does.
 * </ul>
 *
 * Terms keep the paper's spelling except punctuation at their ends ("mapanything?" becomes
 * "mapanything"), so that word-bounded matching finds them.
 */
public final class PaperDiagnosticFiles {
    public static final String QUERIES = "tfc1_add_qids_with_text.csv";
    public static final String STMC1 = "stmc1_qids_perturbation.csv";
    public static final String CORPUS = "tfc1_add_baseline_final_dd_corpus.json.gz";
    public static final String ANSWERS = "tfc2_lnc1_query_answer_injected.csv";

    private PaperDiagnosticFiles() {}

    public static BaseData load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserInputException("missing directory of the paper's diagnostic files: " + dir);
        }
        Map<String, String> queries = new LinkedHashMap<>();
        Path qf = dir.resolve(QUERIES);
        for (Csv.Row r : Csv.read(qf)) {
            if (r.size() != 2) {
                throw new UserInputException(qf + ":" + r.line() + ": expected 2 fields qid,query_text, found " + r.size());
            }
            if (queries.put(r.get(0).trim(), r.get(1).trim()) != null) {
                throw new UserInputException(qf + ":" + r.line() + ": duplicate qid " + r.get(0));
            }
        }
        Map<String, String> terms = new LinkedHashMap<>();
        Map<String, String> synonyms = new LinkedHashMap<>();
        Path sf = dir.resolve(STMC1);
        List<Csv.Row> srows = Csv.read(sf);
        checkHeader(sf, srows, "qid", "term", "context", "sims", "most_similar_synonym");
        for (Csv.Row r : srows.subList(1, srows.size())) {
            if (r.size() != 5) {
                throw new UserInputException(sf + ":" + r.line() + ": expected 5 fields, found " + r.size());
            }
            String qid = r.get(0).trim();
            if (!queries.containsKey(qid)) {
                throw new UserInputException(sf + ":" + r.line() + ": qid " + qid + " is not among the queries of " + QUERIES);
            }
            String term = Words.stripEdges(r.get(1).trim());
            if (!Words.containsWord(queries.get(qid), term)) {
                throw new UserInputException(sf + ":" + r.line() + ": selected term '" + term + "' is not in the query '"
                        + queries.get(qid) + "'");
            }
            terms.put(qid, term);
            synonyms.put(qid, r.get(4).trim());
        }
        Map<String, List<BaseData.Doc>> docs = readCorpus(dir.resolve(CORPUS));
        Map<String, String> answers = new LinkedHashMap<>();
        Path af = dir.resolve(ANSWERS);
        List<Csv.Row> arows = Csv.read(af);
        checkHeader(af, arows, "qid", "query", "doc");
        for (Csv.Row r : arows.subList(1, arows.size())) {
            if (r.size() != 3) {
                throw new UserInputException(af + ":" + r.line() + ": expected 3 fields qid,query,doc, found " + r.size());
            }
            answers.putIfAbsent(r.get(0).trim(), Words.stripQuotes(r.get(2)));
        }
        List<BaseData.Query> out = new ArrayList<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            List<BaseData.Doc> d = docs.get(q.getKey());
            if (d == null) {
                throw new UserInputException(dir.resolve(CORPUS) + ": no documents for qid " + q.getKey());
            }
            out.add(new BaseData.Query(q.getKey(), q.getValue(), d));
        }
        answers.keySet().retainAll(queries.keySet());
        return new BaseData("paper-msmarco", out, terms, synonyms, answers);
    }

    private static void checkHeader(Path file, List<Csv.Row> rows, String... names) {
        if (rows.isEmpty() || !rows.get(0).fields().equals(List.of(names))) {
            throw new UserInputException(file + ":1: expected the header " + String.join(",", names));
        }
    }

    private static Map<String, List<BaseData.Doc>> readCorpus(Path file) {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            root = Json.MAPPER.readTree(in);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UserInputException("malformed JSON in " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage() + " (truncated gzip?)", e);
        }
        JsonNode corpus = root == null ? null : root.get("corpus");
        if (corpus == null || !corpus.isObject()) {
            throw new UserInputException(file + ": expected {\"corpus\": {qid: {doc_id: {...}}}}");
        }
        Map<String, List<BaseData.Doc>> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> qs = corpus.fields();
        while (qs.hasNext()) {
            Map.Entry<String, JsonNode> q = qs.next();
            List<BaseData.Doc> docs = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> ds = q.getValue().fields();
            while (ds.hasNext()) {
                Map.Entry<String, JsonNode> d = ds.next();
                JsonNode text = d.getValue().get("text");
                if (text == null || !text.isTextual()) {
                    throw new UserInputException(file + ": qid " + q.getKey() + " doc " + d.getKey() + " has no \"text\"");
                }
                String t = text.asText();
                // The prepend variant's filler: the baseline passages all start with "a ".
                docs.add(new BaseData.Doc(d.getKey(), t.startsWith("a ") ? t.substring(2) : t));
            }
            out.put(q.getKey(), docs);
        }
        return out;
    }
}
