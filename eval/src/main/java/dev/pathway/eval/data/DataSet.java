package dev.pathway.eval.data;

import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A resolved data set in BEIR layout: a streaming corpus, queries, and judgments per split.
 * Obtain one from {@link DataSets#resolve(String)} (by manifest name) or {@link #open(Path)} (any
 * BEIR folder).
 *
 * <ul>
 *   <li>{@link #openCorpus()} / {@link #forEachDocument(Consumer)} stream the corpus one document
 *       at a time; nothing keeps the whole corpus in memory.
 *   <li>{@link #documents(Collection)} streams once and keeps only the documents asked for (what
 *       a reranker needs for a top-k run).
 *   <li>{@link #queries()} and {@link #qrels(String)} are read on first use and kept.
 * </ul>
 *
 * <p>Every output names the data set by {@link #label()}, which includes the variant (e.g.
 * "nfcorpus-preprocessed (the NFCorpus authors' preprocessed text ...)").
 */
public final class DataSet {
    private final String name;
    private final String variant;
    private final boolean comparable;
    private final Path directory;
    private final Path corpusFile;
    private final Path queriesFile;
    private final List<String> splits;
    private final DataSource source;
    private final DataSetManifest manifest;
    private volatile Map<String, String> queries;
    private final Map<String, Qrels> qrels = new ConcurrentHashMap<>();
    private volatile String corpusSha256;

    DataSet(String name, String variant, boolean comparable, Path directory, Path corpusFile, Path queriesFile,
            List<String> splits, DataSource source, DataSetManifest manifest, String corpusSha256) {
        this.name = name;
        this.variant = variant;
        this.comparable = comparable;
        this.directory = directory;
        this.corpusFile = corpusFile;
        this.queriesFile = queriesFile;
        this.splits = List.copyOf(splits);
        this.source = source;
        this.manifest = manifest;
        this.corpusSha256 = corpusSha256;
    }

    /**
     * Opens a folder in BEIR layout without a manifest: {@code corpus.jsonl} or {@code
     * corpus.jsonl.gz}, {@code queries.jsonl}, {@code qrels/*.tsv}. Splits are the qrels files
     * found. The name is the folder name.
     */
    public static DataSet open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new UserInputException("data set folder not found: " + abs);
        }
        Path corpus = null;
        for (String c : List.of("corpus.jsonl", "corpus.jsonl.gz")) {
            if (Files.isRegularFile(abs.resolve(c))) {
                corpus = abs.resolve(c);
                break;
            }
        }
        if (corpus == null) {
            throw new UserInputException(abs + ": no corpus.jsonl or corpus.jsonl.gz (not a BEIR data set folder)");
        }
        List<String> splits = new ArrayList<>();
        Path qrelsDir = abs.resolve("qrels");
        if (Files.isDirectory(qrelsDir)) {
            try (var s = Files.list(qrelsDir)) {
                s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".tsv")).sorted()
                        .forEach(f -> splits.add(f.substring(0, f.length() - 4)));
            } catch (java.io.IOException e) {
                throw new UserInputException("cannot list " + qrelsDir + ": " + e.getMessage(), e);
            }
        }
        return new DataSet(abs.getFileName().toString(), "BEIR folder " + abs, false, abs, corpus,
                abs.resolve("queries.jsonl"), splits, DataSource.DIRECTORY, null, null);
    }

    /** The name used on the command line ({@code nfcorpus}, {@code nfcorpus-preprocessed}, ...). */
    public String name() {
        return name;
    }

    /** What this variant is (printed in every output). */
    public String variant() {
        return variant;
    }

    /** {@code name (variant)}. */
    public String label() {
        return name + " (" + variant + ")";
    }

    /** Whether scores on this variant can be compared with published numbers. */
    public boolean comparableWithPublished() {
        return comparable;
    }

    public Path directory() {
        return directory;
    }

    public Path corpusFile() {
        return corpusFile;
    }

    public Path queriesFile() {
        return queriesFile;
    }

    public DataSource source() {
        return source;
    }

    /** The manifest, or null for a folder opened by path. */
    public DataSetManifest manifest() {
        return manifest;
    }

    /** Split names with a qrels file. */
    public List<String> splits() {
        return splits;
    }

    /** SHA-256 of the corpus file as stored (from the manifest when verified, else computed once). */
    public String corpusSha256() {
        String s = corpusSha256;
        if (s == null) {
            s = Sha256.of(corpusFile);
            corpusSha256 = s;
        }
        return s;
    }

    /** Opens a new streaming pass over the corpus. Close it (try-with-resources). */
    public CorpusReader openCorpus() {
        return CorpusReader.open(corpusFile);
    }

    /** Streams every document through {@code consumer}; fails if the corpus has no documents. */
    public long forEachDocument(Consumer<Document> consumer) {
        long n = 0;
        try (CorpusReader r = openCorpus()) {
            for (Document d : r) {
                consumer.accept(d);
                n++;
            }
        }
        if (n == 0) {
            throw new UserInputException(corpusFile + ": empty corpus (no documents)");
        }
        return n;
    }

    /**
     * Streams the corpus once and returns the documents with the given ids. Fails, naming one, if
     * an id is not in the corpus.
     */
    public Map<String, Document> documents(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, Document> out = new HashMap<>(wanted.size() * 2);
        forEachDocument(d -> {
            if (wanted.contains(d.id())) {
                out.putIfAbsent(d.id(), d);
            }
        });
        if (out.size() < wanted.size()) {
            List<String> missing = new ArrayList<>();
            for (String id : wanted) {
                if (!out.containsKey(id)) {
                    missing.add(id);
                }
            }
            Collections.sort(missing);
            throw new UserInputException(missing.size() + " document id(s) are not in the corpus " + corpusFile
                    + ", e.g. '" + missing.get(0) + "'");
        }
        return out;
    }

    /** Query id to text, in file order. */
    public Map<String, String> queries() {
        Map<String, String> q = queries;
        if (q == null) {
            q = Queries.read(queriesFile);
            queries = q;
        }
        return q;
    }

    /** The queries that have judgments in a split, in qrels order. */
    public Map<String, String> queries(String split) {
        Map<String, String> all = queries();
        Map<String, String> out = new java.util.LinkedHashMap<>();
        Qrels qr = qrels(split);
        for (String q : qr.queryIds()) {
            String text = all.get(q);
            if (text == null) {
                throw new UserInputException(qrelsFile(split) + ": query '" + q + "' is not in " + queriesFile);
            }
            out.put(q, text);
        }
        return out;
    }

    /** Path of a split's qrels file ({@code qrels/<split>.tsv}). */
    public Path qrelsFile(String split) {
        return directory.resolve("qrels").resolve(split + ".tsv");
    }

    /** The judgments of a split; a missing split fails with the splits that exist. */
    public Qrels qrels(String split) {
        return qrels.computeIfAbsent(split, s -> {
            Path f = qrelsFile(s);
            if (!Files.isRegularFile(f)) {
                throw new UserInputException("data set " + name + " has no split '" + s + "' (missing file " + f
                        + "; splits: " + String.join(", ", splits) + ")");
            }
            return QrelsFiles.read(f);
        });
    }

    @Override
    public String toString() {
        return label() + " from " + source.name().toLowerCase(java.util.Locale.ROOT) + " " + directory;
    }
}
