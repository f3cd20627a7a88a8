package dev.pathway.eval.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.fetch.Checksum;
import dev.pathway.eval.fetch.ZipFetcher;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Finds data sets by name. Each name has a manifest in {@code data/<name>.json} (see {@link
 * DataSetManifest}); a data set is looked for, in order, in
 * <ol>
 *   <li>the local cache {@code data/cache/datasets/<name>} (a folder written by an earlier fetch,
 *       verified then and marked with {@value #MARKER});
 *   <li>the mirror folder ({@link DataMirror}: {@code PATHWAY_DATA_MIRROR}), whose files are
 *       checked against the manifest's SHA-256 before use;
 *   <li>the official URL: the BEIR zip is downloaded, its digest verified, unpacked safely into the
 *       cache.
 * </ol>
 * A name without a manifest that looks like a BEIR data set name ({@code scifact}, {@code fiqa},
 * ...) is fetched from BEIR's download site without a published checksum (its SHA-256 is logged
 * and recorded). A path to a folder opens that folder in BEIR layout.
 *
 * <pre>{@code
 * DataSet nf = DataSets.resolve("nfcorpus");
 * Qrels test = nf.qrels("test");
 * try (CorpusReader r = nf.openCorpus()) { for (Document d : r) ... }
 * }</pre>
 */
public final class DataSets {
    private static final Logger LOG = LogManager.getLogger(DataSets.class);
    /** The marker file a fetch writes into a cached data set folder. */
    public static final String MARKER = ".pathway-dataset.json";
    /** BEIR's download location; {@code <name>.zip} below it. */
    public static final String BEIR_BASE = "https://public.ukp.informatik.tu-darmstadt.de/thakur/BEIR/datasets/";
    private static final Pattern BEIR_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    /** Verified mirror files: "path|size|mtime" to SHA-256, so one JVM hashes each file once. */
    private static final Map<String, String> VERIFIED = new ConcurrentHashMap<>();

    private final Path manifests;
    private final Path cache;
    private final Path mirror;
    private final boolean allowDownload;
    private final ZipFetcher fetcher;

    /**
     * @param manifests folder of {@code <name>.json} manifests
     * @param cache folder of fetched data sets ({@code <cache>/<name>})
     * @param mirror mirror folder, or null for none
     * @param allowDownload whether resolution may download from the official URL
     * @param fetcher the downloader
     */
    public DataSets(Path manifests, Path cache, Path mirror, boolean allowDownload, ZipFetcher fetcher) {
        this.manifests = manifests.toAbsolutePath().normalize();
        this.cache = cache.toAbsolutePath().normalize();
        this.mirror = mirror == null ? null : mirror.toAbsolutePath().normalize();
        this.allowDownload = allowDownload;
        this.fetcher = fetcher;
    }

    /** The project's manifests ({@code data/}), cache ({@code data/cache/datasets}) and mirror. */
    public static DataSets defaults() {
        Path root = ProjectPaths.root();
        return new DataSets(root.resolve("data"), ProjectPaths.cache().resolve("datasets"), DataMirror.locate(), true, new ZipFetcher());
    }

    /** Shorthand for {@code defaults().get(nameOrPath)}. */
    public static DataSet resolve(String nameOrPath) {
        return defaults().get(nameOrPath);
    }

    public Path manifestsFolder() {
        return manifests;
    }

    public Path cacheFolder() {
        return cache;
    }

    /** The mirror folder, or null. */
    public Path mirrorFolder() {
        return mirror;
    }

    /** All manifests in the manifests folder, by name. */
    public List<DataSetManifest> manifests() {
        Map<String, DataSetManifest> out = new TreeMap<>();
        if (Files.isDirectory(manifests)) {
            try (var s = Files.list(manifests)) {
                for (Path p : s.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    DataSetManifest m = DataSetManifest.read(p);
                    out.put(m.name(), m);
                }
            } catch (IOException e) {
                throw new UserInputException("cannot list manifests in " + manifests + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out.values());
    }

    /** The manifest of a name, or null if there is none. */
    public DataSetManifest manifest(String name) {
        Path f = manifests.resolve(name + ".json");
        if (!BEIR_NAME.matcher(name).matches() || !Files.isRegularFile(f)) {
            return null;
        }
        DataSetManifest m = DataSetManifest.read(f);
        if (!m.name().equals(name)) {
            throw new UserInputException(f + ": key 'name' is '" + m.name() + "' but the file is named for '" + name + "'");
        }
        return m;
    }

    /** Where a name's fetched copy lives. */
    public Path cacheFolder(String name) {
        return cache.resolve(name);
    }

    /** Resolves a name (manifest, or any BEIR name) or a path to a BEIR folder. */
    public DataSet get(String nameOrPath) {
        if (nameOrPath == null || nameOrPath.isBlank()) {
            throw new UserInputException("no data set given");
        }
        DataSetManifest m = manifest(nameOrPath);
        if (m == null) {
            Path asPath = Paths.get(nameOrPath);
            if (Files.isDirectory(asPath)) {
                return DataSet.open(asPath);
            }
            if (!BEIR_NAME.matcher(nameOrPath).matches()) {
                throw new UserInputException("unknown data set '" + nameOrPath + "': no manifest " + manifests.resolve(nameOrPath + ".json")
                        + " and no such folder");
            }
            m = beirManifest(nameOrPath);
        }
        return get(m);
    }

    /** Resolves a manifest: cache, then mirror, then download. */
    public DataSet get(DataSetManifest m) {
        List<String> tried = new ArrayList<>();
        DataSet d = fromCache(m, tried);
        if (d != null) {
            return d;
        }
        d = fromMirror(m, tried);
        if (d != null) {
            return d;
        }
        if (m.download() != null && allowDownload) {
            fetch(m, false);
            DataSet fetched = fromCache(m, new ArrayList<>());
            if (fetched != null) {
                return new DataSet(fetched.name(), fetched.variant(), fetched.comparableWithPublished(), fetched.directory(),
                        fetched.corpusFile(), fetched.queriesFile(), fetched.splits(), DataSource.DOWNLOAD, m, null);
            }
        }
        tried.add(m.download() == null ? "no official BEIR-format download" : "downloads are disabled");
        throw new UserInputException("data set " + m.name() + " not found: " + String.join("; ", tried));
    }

    /**
     * Downloads a manifest's official zip into the cache, verifies its digest and unpacks it
     * safely. With {@code force}, replaces an existing cached copy.
     */
    public ZipFetcher.Result fetch(DataSetManifest m, boolean force) {
        if (m.download() == null) {
            throw new UserInputException("data set " + m.name() + " has no official BEIR-format download"
                    + (m.source().isEmpty() ? "" : " (source: " + m.source() + ")")
                    + "; use the mirror folder (" + DataMirror.VARIABLE + ")");
        }
        DataSetManifest.Download dl = m.download();
        Path target = cacheFolder(m.name());
        URI url;
        try {
            url = URI.create(dl.url());
        } catch (IllegalArgumentException e) {
            throw new UserInputException(m.file() + ": key 'download.url' is not a URL: " + dl.url());
        }
        Checksum expected = Checksum.of(dl.sha256(), dl.md5());
        return fetcher.fetch(url, expected, target, dl.root(), force, (root, sha, md5) -> {
            String corpusName = corpusNameIn(root, m);
            if (corpusName == null) {
                throw new UserInputException("archive from " + url + " has no corpus file (" + m.corpus() + " or corpus.jsonl)");
            }
            if (!Files.isRegularFile(root.resolve(m.queries()))) {
                throw new UserInputException("archive from " + url + " has no " + m.queries());
            }
            ObjectNode marker = Json.MAPPER.createObjectNode();
            marker.put("name", m.name());
            marker.put("url", url.toString());
            marker.put("sha256", sha);
            marker.put("md5", md5);
            marker.put("verified_with", expected.isNone() ? "none (no published checksum)" : expected.algorithm());
            marker.put("fetched_at", Instant.now().toString());
            marker.put("corpus", corpusName);
            ObjectNode files = marker.putObject("files");
            try (var s = Files.walk(root)) {
                for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                    files.put(root.relativize(f).toString().replace('\\', '/'), Sha256.of(f));
                }
            }
            Json.write(root.resolve(MARKER), marker);
        });
    }

    /** The fetch of a name (manifest or BEIR name). */
    public ZipFetcher.Result fetch(String name, boolean force) {
        DataSetManifest m = manifest(name);
        if (m == null) {
            if (!BEIR_NAME.matcher(name).matches()) {
                throw new UserInputException("unknown data set '" + name + "'");
            }
            m = beirManifest(name);
        }
        return fetch(m, force);
    }

    /** A manifest for a BEIR data set without one of its own: BEIR's URL, no published checksum. */
    public DataSetManifest beirManifest(String name) {
        return new DataSetManifest(name, "BEIR download, no manifest", true, "corpus.jsonl", "queries.jsonl",
                List.of("train", "dev", "test"), null, Map.of(),
                new DataSetManifest.Download(BEIR_BASE + name + ".zip", null, null, name, "corpus.jsonl"),
                BEIR_BASE + name + ".zip", "see the BEIR benchmark's licence table", "Thakur et al., BEIR, NeurIPS 2021 Datasets and Benchmarks",
                manifests.resolve(name + ".json"));
    }

    private DataSet fromCache(DataSetManifest m, List<String> tried) {
        Path dir = cacheFolder(m.name());
        if (!Files.isRegularFile(dir.resolve(MARKER))) {
            tried.add("not in the cache " + dir);
            return null;
        }
        String corpus = corpusNameIn(dir, m);
        if (corpus == null) {
            tried.add("the cache " + dir + " lacks a corpus file");
            return null;
        }
        List<String> splits = existingSplits(dir, m.splits());
        return new DataSet(m.name(), m.variant(), m.comparable(), dir, dir.resolve(corpus), dir.resolve(m.queries()), splits,
                DataSource.CACHE, m, null);
    }

    private DataSet fromMirror(DataSetManifest m, List<String> tried) {
        if (mirror == null) {
            tried.add("no mirror folder (" + DataMirror.VARIABLE + " is not set)");
            return null;
        }
        if (m.mirrorFolder() == null) {
            tried.add("no mirror copy in its manifest");
            return null;
        }
        Path dir = mirror.resolve(m.mirrorFolder());
        for (String rel : m.mirrorFiles().keySet()) {
            if (!Files.isRegularFile(dir.resolve(rel))) {
                tried.add("the mirror lacks " + dir.resolve(rel));
                return null;
            }
        }
        if (!m.mirrorFiles().containsKey(m.corpus())) {
            throw new UserInputException(m.file() + ": 'mirror.files' must list the corpus file " + m.corpus());
        }
        for (var e : m.mirrorFiles().entrySet()) {
            verify(dir.resolve(e.getKey()), e.getValue(), m);
        }
        return new DataSet(m.name(), m.variant(), m.comparable(), dir, dir.resolve(m.corpus()), dir.resolve(m.queries()),
                m.splits(), DataSource.MIRROR, m, m.mirrorFiles().get(m.corpus()));
    }

    private static void verify(Path file, String expected, DataSetManifest m) {
        String key;
        try {
            key = file.toAbsolutePath() + "|" + Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        String actual = VERIFIED.computeIfAbsent(key, k -> Sha256.of(file));
        if (!actual.equals(expected)) {
            VERIFIED.remove(key);
            throw new UserInputException("checksum mismatch: " + file + " has SHA-256 " + actual + ", manifest " + m.file() + " expects " + expected);
        }
    }

    private static String corpusNameIn(Path dir, DataSetManifest m) {
        List<String> candidates = new ArrayList<>();
        if (m.download() != null && m.download().corpus() != null) {
            candidates.add(m.download().corpus());
        }
        candidates.add(m.corpus());
        candidates.add("corpus.jsonl");
        candidates.add("corpus.jsonl.gz");
        for (String c : candidates) {
            if (Files.isRegularFile(dir.resolve(c))) {
                return c;
            }
        }
        return null;
    }

    private static List<String> existingSplits(Path dir, List<String> declared) {
        List<String> out = new ArrayList<>();
        for (String s : declared) {
            if (Files.isRegularFile(dir.resolve("qrels").resolve(s + ".tsv"))) {
                out.add(s);
            }
        }
        return out.isEmpty() ? declared : out;
    }
}
