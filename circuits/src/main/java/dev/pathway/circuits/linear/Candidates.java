package dev.pathway.circuits.linear;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.data.BaseData;
import dev.pathway.circuits.data.DataMirror;
import dev.pathway.circuits.data.PaperDiagnosticFiles;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.bm25.Bm25;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the pairs of SemanticBM: for a BEIR set (any name or folder eval resolves), the BM25
 * top-k of each query of the split (eval's cached Lucene index, Anserini's k1 = 0.9, b = 0.4),
 * documents as {@code title + " " + text} like BEIR's reranker; for {@code diagnostic}, the paper's
 * 100 MS MARCO queries with their first k passages in file order and the selected term appended
 * (the TFC1 perturbed documents the paper fitted its linear model on, §5.2 / method notes §8.2).
 *
 * @param tokenizer the model's tokenizer
 * @param maxLength maximum input length (documents are truncated)
 * @param topK candidates per query
 * @param maxQueries at most this many queries per data set, a seeded sample; 0 = all
 * @param defaultSplit the split of a BEIR set given without {@code :SPLIT}
 * @param seed seed of the query sample
 * @param paperDir folder of the paper's diagnostic files, or null for the data mirror's
 */
public record Candidates(PairTokenizer tokenizer, int maxLength, int topK, int maxQueries, String defaultSplit, long seed, Path paperDir) {

    public Candidates {
        if (topK < 1) {
            throw new UserInputException("--top-k must be at least 1, got " + topK);
        }
        if (maxQueries < 0) {
            throw new UserInputException("--max-queries must be >= 0 (0 = all), got " + maxQueries);
        }
    }

    /** Resolves a data set without reading it (so that a bad name fails before any model work). */
    public DataSet resolve(DataSpec spec) {
        if (spec.isDiagnostic()) {
            return null;
        }
        DataSet ds = DataSets.resolve(spec.name());
        String split = spec.split() == null ? defaultSplit : spec.split();
        if (!ds.splits().contains(split)) {
            throw new UserInputException("data set " + spec.name() + " has no split '" + split + "' (it has " + ds.splits() + ")");
        }
        return ds;
    }

    public CandidateSet load(DataSpec spec) {
        return spec.isDiagnostic() ? diagnostic() : beir(spec, resolve(spec));
    }

    private CandidateSet beir(DataSpec spec, DataSet ds) {
        String split = spec.split() == null ? defaultSplit : spec.split();
        Run run = Bm25.candidates(ds, split, topK);
        Map<String, String> queries = ds.queries(split);
        List<String> qids = sample(new TreeSet<>(run.queryIds()), spec.name());
        Set<String> docIds = new HashSet<>();
        for (String q : qids) {
            run.top(q, topK).forEach(d -> docIds.add(d.docId()));
        }
        Map<String, Document> docs = ds.documents(docIds);
        List<String> qs = new ArrayList<>();
        List<String> ds2 = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        for (String q : qids) {
            int rank = 0;
            for (ScoredDoc d : run.top(q, topK)) {
                rank++;
                Document doc = docs.get(d.docId());
                if (doc == null) {
                    throw new UserInputException(ds.corpusFile() + ": document " + d.docId() + " of the BM25 run is missing");
                }
                qs.add(queries.get(q));
                ds2.add(doc.fullText());
                keys.add(new String[] {q, d.docId(), Integer.toString(rank)});
            }
        }
        List<PairEncoding> enc = tokenizer.encodePairs(qs, ds2, maxLength);
        List<LinearPair> pairs = new ArrayList<>();
        for (int i = 0; i < enc.size(); i++) {
            pairs.add(new LinearPair(spec.name(), keys.get(i)[0], keys.get(i)[1], Integer.parseInt(keys.get(i)[2]), enc.get(i)));
        }
        Qrels qrels = ds.qrels(split);
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("name", spec.name());
        info.put("variant", ds.label());
        info.put("split", split);
        info.put("directory", ds.directory().toString());
        info.put("source", ds.source().toString());
        info.put("corpus_sha256", ds.corpusSha256());
        info.put("candidates", "BM25 top " + topK + " (eval's Lucene index, " + Bm25Params.ANSERINI + "), documents as title + \" \" + text");
        info.put("queries_with_candidates", run.queryIds().size());
        info.put("queries_used", qids.size());
        info.put("pairs", pairs.size());
        String variant = ds.label() + ", split " + split + ", BM25 top " + topK;
        return new CandidateSet(spec.name(), variant, qrels, pairs, info);
    }

    private CandidateSet diagnostic() {
        Path dir = paperDir != null ? paperDir : DataMirror.paperDiagnostic();
        BaseData base = PaperDiagnosticFiles.load(dir);
        Map<String, BaseData.Query> byId = new java.util.LinkedHashMap<>();
        base.queries().forEach(q -> byId.put(q.qid(), q));
        List<String> qids = sample(byId.keySet(), DataSpec.DIAGNOSTIC);
        List<String> qs = new ArrayList<>();
        List<String> ds = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        for (String qid : qids) {
            BaseData.Query q = byId.get(qid);
            String term = base.terms().get(qid);
            int rank = 0;
            for (BaseData.Doc d : q.docs().subList(0, Math.min(topK, q.docs().size()))) {
                rank++;
                qs.add(q.text());
                ds.add(term == null ? d.text() : d.text() + " " + term);
                keys.add(new String[] {qid, d.id(), Integer.toString(rank)});
            }
        }
        List<PairEncoding> enc = tokenizer.encodePairs(qs, ds, maxLength);
        List<LinearPair> pairs = new ArrayList<>();
        for (int i = 0; i < enc.size(); i++) {
            pairs.add(new LinearPair(DataSpec.DIAGNOSTIC, keys.get(i)[0], keys.get(i)[1], Integer.parseInt(keys.get(i)[2]), enc.get(i)));
        }
        ObjectNode info = Json.MAPPER.createObjectNode();
        info.put("name", DataSpec.DIAGNOSTIC);
        String variant = "paper's MS MARCO diagnostic set (" + PaperDiagnosticFiles.CORPUS + "): first " + topK
                + " passages per query in file order, selected term appended (TFC1 perturbed documents); no judgments";
        info.put("variant", variant);
        info.put("directory", dir.toAbsolutePath().normalize().toString());
        info.put("corpus_file_sha256", dev.pathway.core.util.Sha256.of(dir.resolve(PaperDiagnosticFiles.CORPUS)));
        info.put("queries_used", qids.size());
        info.put("pairs", pairs.size());
        return new CandidateSet(DataSpec.DIAGNOSTIC, variant, null, pairs, info);
    }

    /** All ids in their order, or a seeded sample of maxQueries kept in that order. */
    private List<String> sample(Set<String> ids, String name) {
        List<String> all = new ArrayList<>(ids);
        if (maxQueries == 0 || all.size() <= maxQueries) {
            return all;
        }
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(Seeds.derive(seed, "linear/queries/" + name)));
        Set<String> keep = new HashSet<>(shuffled.subList(0, maxQueries));
        return all.stream().filter(keep::contains).toList();
    }
}
