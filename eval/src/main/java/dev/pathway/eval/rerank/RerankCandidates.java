package dev.pathway.eval.rerank;

import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The (query, document) pairs to rerank: the top k documents per query of a first-stage run
 * (in trec_eval order), with the query text and the document text {@code title + " " + text} as
 * BEIR's reranker builds it. Only the documents needed are read from the corpus (one streaming
 * pass). Encodings are cached per tokenizer and maximum length, so a trainer that evaluates every
 * epoch tokenizes once.
 */
public final class RerankCandidates {
    private final List<String> queryIds;
    private final List<String> docIds;
    private final List<String> queryTexts;
    private final List<String> docTexts;
    private final int topK;
    private final Map<String, List<PairEncoding>> encodings = new HashMap<>();

    private RerankCandidates(List<String> queryIds, List<String> docIds, List<String> queryTexts, List<String> docTexts, int topK) {
        this.queryIds = queryIds;
        this.docIds = docIds;
        this.queryTexts = queryTexts;
        this.docTexts = docTexts;
        this.topK = topK;
    }

    /**
     * The top {@code topK} of {@code firstStage} for the queries it holds. Every run query must be
     * in {@code queries}, and every document in the data set's corpus.
     */
    public static RerankCandidates of(Run firstStage, int topK, Map<String, String> queries, DataSet dataSet) {
        Set<String> needed = new LinkedHashSet<>();
        for (String q : firstStage.queryIds()) {
            if (!queries.containsKey(q)) {
                throw new UserInputException("run '" + firstStage.name() + "' has query '" + q + "', which is not a query of " + dataSet.name());
            }
            for (ScoredDoc d : firstStage.top(q, topK)) {
                needed.add(d.docId());
            }
        }
        Map<String, Document> docs = dataSet.documents(needed);
        Map<String, String> texts = new HashMap<>(docs.size() * 2);
        docs.forEach((id, d) -> texts.put(id, d.fullText()));
        return of(firstStage, topK, queries, texts);
    }

    /** As above, with document texts given directly (document id to text). */
    public static RerankCandidates of(Run firstStage, int topK, Map<String, String> queries, Map<String, String> docTexts) {
        List<String> qi = new ArrayList<>();
        List<String> di = new ArrayList<>();
        List<String> qt = new ArrayList<>();
        List<String> dt = new ArrayList<>();
        for (String q : firstStage.queryIds()) {
            String qText = queries.get(q);
            if (qText == null) {
                throw new UserInputException("run '" + firstStage.name() + "' has unknown query '" + q + "'");
            }
            for (ScoredDoc d : firstStage.top(q, topK)) {
                String text = docTexts.get(d.docId());
                if (text == null) {
                    throw new UserInputException("run '" + firstStage.name() + "' has document '" + d.docId() + "', which is not in the corpus");
                }
                qi.add(q);
                di.add(d.docId());
                qt.add(qText);
                dt.add(text);
            }
        }
        if (qi.isEmpty()) {
            throw new UserInputException("run '" + firstStage.name() + "' has nothing to rerank");
        }
        return new RerankCandidates(List.copyOf(qi), List.copyOf(di), List.copyOf(qt), List.copyOf(dt), topK);
    }

    public int size() {
        return queryIds.size();
    }

    public int topK() {
        return topK;
    }

    public String queryId(int i) {
        return queryIds.get(i);
    }

    public String docId(int i) {
        return docIds.get(i);
    }

    /** Every candidate's query text, in candidate order (unmodifiable). */
    public List<String> queryTexts() {
        return queryTexts;
    }

    /** Every candidate's document text, in candidate order (unmodifiable). */
    public List<String> docTexts() {
        return docTexts;
    }

    public String queryText(int i) {
        return queryTexts.get(i);
    }

    public String docText(int i) {
        return docTexts.get(i);
    }

    /** The pairs encoded as {@code [CLS] q [SEP] d [SEP]}, documents truncated to {@code maxLength}; cached. */
    public synchronized List<PairEncoding> encode(PairTokenizer tokenizer, int maxLength) {
        String key = tokenizer.source() + "|" + System.identityHashCode(tokenizer) + "|" + maxLength;
        return encodings.computeIfAbsent(key, k -> Collections.unmodifiableList(tokenizer.encodePairs(queryTexts, docTexts, maxLength)));
    }

    /** A run with one score per pair. */
    public Run toRun(float[] scores, String tag) {
        if (scores.length != size()) {
            throw new IllegalArgumentException(scores.length + " scores for " + size() + " pairs");
        }
        Run.Builder b = new Run.Builder(tag);
        for (int i = 0; i < scores.length; i++) {
            b.add(queryIds.get(i), docIds.get(i), scores[i]);
        }
        return b.build();
    }
}
