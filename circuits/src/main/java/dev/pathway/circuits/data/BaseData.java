package dev.pathway.circuits.data;

import java.util.List;
import java.util.Map;

/**
 * The material diagnostic sets are built from: queries with candidate documents, and whatever
 * the source adds (the paper's files give selected terms, synonyms and synthetic answers).
 *
 * @param name where it came from, e.g. {@code paper-msmarco} or a BEIR directory
 * @param queries queries in a fixed order, each with its documents in a fixed order
 * @param terms given selected term per query id (empty: choose by IDF)
 * @param synonyms given STMC1 synonym per query id (empty: nearest word in the embeddings)
 * @param answers a short answer document per query id whose sentences use the term (TFC2 and
 *     LNC1 in pronoun mode; empty: use the query's first document)
 */
public record BaseData(
        String name,
        List<Query> queries,
        Map<String, String> terms,
        Map<String, String> synonyms,
        Map<String, String> answers) {

    public BaseData {
        queries = List.copyOf(queries);
        terms = Map.copyOf(terms);
        synonyms = Map.copyOf(synonyms);
        answers = Map.copyOf(answers);
    }

    /** A base query and its candidate documents. */
    public record Query(String qid, String text, List<Doc> docs) {
        public Query {
            docs = List.copyOf(docs);
        }
    }

    /** A base document. */
    public record Doc(String id, String text) {}
}
