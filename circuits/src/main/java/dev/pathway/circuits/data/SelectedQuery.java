package dev.pathway.circuits.data;

import java.util.List;

/**
 * A query chosen for the diagnostic sets, with its term and the documents the sets use.
 *
 * @param qid the query id
 * @param text the query text
 * @param term the selected term, a word of the query
 * @param termSource {@code given} (from the source) or {@code idf} (chosen here)
 * @param docs the documents for TFC1 and STMC1 (a seeded sample of the query's documents)
 * @param answer a synthetic answer using the term (TFC2/LNC1), or null
 */
public record SelectedQuery(String qid, String text, String term, String termSource, List<BaseData.Doc> docs, String answer) {
    public SelectedQuery {
        docs = List.copyOf(docs);
    }
}
