package dev.pathway.eval.bm25;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.FSDirectory;

/**
 * A Lucene BM25 index of a BEIR corpus, built the way Anserini builds its BEIR indexes: a field
 * {@code contents} holding {@code title + " " + text} ("flat"), and the fields {@code title} and
 * {@code text} apart ("multifield"), all analyzed by {@link Bm25Analyzer} (English, Porter
 * stemming). Queries are bags of analyzed terms, each term a SHOULD clause boosted by its count in
 * the query (Anserini's BagOfWordsQueryGenerator); a multifield query sums such a query on each
 * field. BM25's k1 and b apply at search time, so one index serves every setting.
 *
 * <p>{@link #openOrBuild(DataSet)} caches indexes under {@code data/cache/bm25/}, keyed by the
 * corpus file's SHA-256 and the analysis, and builds a missing one atomically.
 */
public final class Bm25Index implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(Bm25Index.class);
    static final String ID_FIELD = "id";
    static final String CONTENTS_FIELD = "contents";
    static final String TITLE_FIELD = "title";
    static final String TEXT_FIELD = "text";
    private static final String META = "pathway-bm25.json";

    static {
        IndexSearcher.setMaxClauseCount(1 << 16);
    }

    private final Path dir;
    private final FSDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer;
    private final String[] ids;
    private final JsonNode meta;

    private Bm25Index(Path dir) throws IOException {
        this.dir = dir;
        this.meta = Json.read(dir.resolve(META));
        this.directory = FSDirectory.open(dir);
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        this.analyzer = Bm25Analyzer.create();
        this.ids = new String[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int i = 0; i < ids.length; i++) {
            ids[i] = stored.document(i).get(ID_FIELD);
        }
    }

    /** What a build did. */
    public record BuildStats(long documents, double seconds) {
        public double docsPerSecond() {
            return documents / Math.max(seconds, 1e-9);
        }
    }

    /** Where the cached index of a corpus lives: {@code <cache>/<sha256 prefix>-<analysis>-flat-multifield}. */
    public static Path cacheDir(Path cacheRoot, String corpusSha256) {
        return cacheRoot.resolve(corpusSha256.substring(0, 16) + "-" + Bm25Analyzer.ID + "-flat-multifield");
    }

    /** The cached index of a data set's corpus under {@code data/cache/bm25}, built if missing. */
    public static Bm25Index openOrBuild(DataSet dataSet) {
        return openOrBuild(dataSet, ProjectPaths.cache().resolve("bm25"));
    }

    /** The cached index under {@code cacheRoot}, built (atomically) if missing. */
    public static Bm25Index openOrBuild(DataSet dataSet, Path cacheRoot) {
        Path target = cacheDir(cacheRoot, dataSet.corpusSha256());
        if (!Files.isRegularFile(target.resolve(META))) {
            LOG.info("building the BM25 index of {} in {}", dataSet.label(), target);
            try {
                AtomicDirectory.write(target, false, tmp -> build(dataSet, tmp));
            } catch (UserInputException e) {
                if (!Files.isRegularFile(target.resolve(META))) {
                    throw e; // not a concurrent build that finished first
                }
            }
        }
        return open(target);
    }

    /** Opens an index folder written by {@link #build}. */
    public static Bm25Index open(Path dir) {
        if (!Files.isRegularFile(dir.resolve(META))) {
            throw new UserInputException("not a pathway BM25 index (no " + META + "): " + dir);
        }
        try {
            return new Bm25Index(dir);
        } catch (IOException e) {
            throw new UserInputException("cannot open the BM25 index " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * Indexes a data set's corpus into an empty folder, streaming the corpus once. Fails on an
     * empty corpus or a repeated document id.
     */
    public static BuildStats build(DataSet dataSet, Path dir) throws IOException {
        long start = System.nanoTime();
        long n = 0;
        Set<String> seen = new HashSet<>();
        IndexWriterConfig cfg = new IndexWriterConfig(Bm25Analyzer.create())
                .setSimilarity(new BM25Similarity())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256);
        try (FSDirectory d = FSDirectory.open(dir); IndexWriter w = new IndexWriter(d, cfg);
                var corpus = dataSet.openCorpus(); Progress p = ProgressBars.start("index", -1, "docs")) {
            org.apache.lucene.document.Document doc = new org.apache.lucene.document.Document();
            StoredField idField = new StoredField(ID_FIELD, "");
            Field contents = new TextField(CONTENTS_FIELD, "", Field.Store.NO);
            Field title = new TextField(TITLE_FIELD, "", Field.Store.NO);
            Field text = new TextField(TEXT_FIELD, "", Field.Store.NO);
            doc.add(idField);
            doc.add(contents);
            doc.add(title);
            doc.add(text);
            for (Document x : corpus) {
                if (!seen.add(x.id())) {
                    throw new UserInputException(corpus.file() + ":" + corpus.lineNumber() + ": duplicate document id " + x.id());
                }
                idField.setStringValue(x.id());
                contents.setStringValue(x.fullText());
                title.setStringValue(x.title());
                text.setStringValue(x.text());
                w.addDocument(doc);
                n++;
                p.step(1);
            }
            if (n == 0) {
                throw new UserInputException(dataSet.corpusFile() + ": empty corpus (no documents)");
            }
            w.forceMerge(1);
            w.commit();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("dataset", dataSet.label());
        meta.put("corpus", dataSet.corpusFile().toString());
        meta.put("corpus_sha256", dataSet.corpusSha256());
        meta.put("documents", n);
        meta.put("analysis", Bm25Analyzer.ID + ": Lucene EnglishAnalyzer (standard tokenizer, possessives, lower case, "
                + "default English stop words, Porter stemmer)");
        meta.put("fields", "contents = title + \" \" + text (flat); title and text apart (multifield)");
        meta.put("lucene", org.apache.lucene.util.Version.LATEST.toString());
        meta.put("built_at", Instant.now().toString());
        Json.write(dir.resolve(META), meta);
        return new BuildStats(n, seconds);
    }

    public Path directory() {
        return dir;
    }

    /** Number of indexed documents. */
    public int documentCount() {
        return ids.length;
    }

    /** SHA-256 of the indexed corpus file. */
    public String corpusSha256() {
        return meta.path("corpus_sha256").asText();
    }

    /** The bag-of-words query of a text on the flat field (null if no term survives analysis). */
    public Query query(String text) {
        return query(text, Bm25Params.Fields.FLAT);
    }

    /** The bag-of-words query of a text (null if no term survives analysis). */
    public Query query(String text, Bm25Params.Fields fields) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : Bm25Analyzer.terms(analyzer, CONTENTS_FIELD, text)) {
            counts.merge(t, 1, Integer::sum);
        }
        if (counts.isEmpty()) {
            return null;
        }
        if (fields == Bm25Params.Fields.FLAT) {
            return bagOfWords(CONTENTS_FIELD, counts);
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        b.add(bagOfWords(TITLE_FIELD, counts), BooleanClause.Occur.SHOULD);
        b.add(bagOfWords(TEXT_FIELD, counts), BooleanClause.Occur.SHOULD);
        return b.build();
    }

    private static Query bagOfWords(String field, Map<String, Integer> counts) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        counts.forEach((t, c) -> {
            Query tq = new TermQuery(new Term(field, t));
            b.add(c == 1 ? tq : new BoostQuery(tq, c), BooleanClause.Occur.SHOULD);
        });
        return b.build();
    }

    /** The top {@code hits} documents for one query, in trec_eval order (empty if no term survives analysis). */
    public List<ScoredDoc> search(String text, Bm25Params params, int hits) {
        Query q = query(text, params.fields());
        if (q == null) {
            return List.of();
        }
        IndexSearcher s = new IndexSearcher(reader);
        s.setSimilarity(new BM25Similarity(params.k1(), params.b()));
        try {
            TopDocs top = s.search(q, hits);
            List<ScoredDoc> out = new ArrayList<>(top.scoreDocs.length);
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(new ScoredDoc(ids[sd.doc], sd.score));
            }
            out.sort(ScoredDoc.TREC_ORDER);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed in " + dir, e);
        }
    }

    /** Searches every query; a query whose text has no indexable term retrieves nothing (and is logged). */
    public Run search(Map<String, String> queries, Bm25Params params, int hits, String tag) {
        if (hits < 1) {
            throw new UserInputException("the number of hits must be at least 1");
        }
        Run.Builder b = new Run.Builder(tag);
        int empty = 0;
        try (Progress p = ProgressBars.start("bm25", queries.size(), "queries")) {
            for (Map.Entry<String, String> e : queries.entrySet()) {
                List<ScoredDoc> docs = search(e.getValue(), params, hits);
                if (docs.isEmpty()) {
                    empty++;
                }
                for (ScoredDoc d : docs) {
                    b.add(e.getKey(), d.docId(), d.score());
                }
                p.step(1);
            }
        }
        if (empty > 0) {
            LOG.warn("{} of {} queries retrieved nothing (no indexed term)", empty, queries.size());
        }
        return b.build();
    }

    @Override
    public void close() {
        try {
            reader.close();
            directory.close();
        } catch (IOException e) {
            LOG.debug("closing {}: {}", dir, e.toString());
        }
    }
}
