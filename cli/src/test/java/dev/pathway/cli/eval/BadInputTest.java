package dev.pathway.cli.eval;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.pathway.core.util.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input the issue lists: one error line, exit code 2, no output left behind. */
class BadInputTest {
    @TempDir
    Path tmp;

    private Path toy(String name, String corpus) throws IOException {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), corpus);
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"cats\"}\n{\"_id\":\"q2\",\"text\":\"dogs\"}\n");
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
        return dir;
    }

    private static final String CORPUS = "{\"_id\":\"d1\",\"title\":\"Cats\",\"text\":\"cats purr\"}\n{\"_id\":\"d2\",\"text\":\"dogs bark\"}\n";

    /** Runs, checks the one-line error, and that {@code out} was not created (nor any temp folder beside it). */
    private CliRunner fails(Path out, String... args) throws IOException {
        CliRunner r = CliRunner.run(args);
        assertTrue(r.isOneLineUserError(), r.toString());
        assertFalse(Files.exists(out), "no output folder " + out);
        if (Files.isDirectory(out.getParent())) {
            try (Stream<Path> s = Files.list(out.getParent())) {
                assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("." + out.getFileName())), "no temp folder left");
            }
        }
        return r;
    }

    @Test
    void malformedJsonlLineNamesFileAndLine() throws IOException {
        Path ds = toy("bad", CORPUS + "{\"_id\":\"d3\",\"text\":\n");
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "bm25", "--dataset", ds.toString(), "--out", out.toString());
        assertTrue(r.err().contains(ds.resolve("corpus.jsonl") + ":3: malformed JSON"), r.err());
    }

    @Test
    void qrelsWithNonIntegerGrade() throws IOException {
        Path q = tmp.resolve("q.tsv");
        Files.writeString(q, "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\tyes\n");
        Path run = tmp.resolve("r.trec");
        Files.writeString(run, "q1 Q0 d1 1 2.0 t\n");
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "compare", run.toString(), "--qrels", q.toString(), "--out", out.toString());
        assertTrue(r.err().contains(q + ":3: relevance grade 'yes' is not an integer"), r.err());
    }

    @Test
    void runWithDuplicateDocids() throws IOException {
        Path q = tmp.resolve("q.tsv");
        Files.writeString(q, "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        Path run = tmp.resolve("r.trec");
        Files.writeString(run, "q1 Q0 d1 1 2.0 t\nq1 Q0 d1 2 1.0 t\n");
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "compare", run.toString(), "--qrels", q.toString(), "--out", out.toString());
        assertTrue(r.err().contains(run + ":2: duplicate document d1 for query q1"), r.err());
    }

    @Test
    void runWithUnknownQueries() throws IOException {
        Path ds = toy("toy", CORPUS);
        Path run = tmp.resolve("r.trec");
        Files.writeString(run, "q1 Q0 d1 1 2.0 t\nq77 Q0 d2 1 1.0 t\n");
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "compare", run.toString(), "--dataset", ds.toString(), "--split", "test", "--out", out.toString());
        assertTrue(r.err().contains("query 'q77' is not a query of data set toy"), r.err());
        r = fails(out, "eval", "rerank", "--model", tmp.toString(), "--run", run.toString(), "--dataset", ds.toString(), "--out", out.toString());
        assertTrue(r.err().contains("q77"), r.err());
    }

    @Test
    void emptyCorpus() throws IOException {
        Path ds = toy("empty", "");
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "bm25", "--dataset", ds.toString(), "--out", out.toString());
        assertTrue(r.err().contains("empty corpus"), r.err());
    }

    @Test
    void missingSplitFile() throws IOException {
        Path out = tmp.resolve("o");
        CliRunner r = fails(out, "eval", "bm25", "--dataset", "cranfield", "--split", "validation", "--out", out.toString());
        assertTrue(r.err().contains("no split 'validation'") && r.err().contains("validation.tsv"), r.err());
    }

    @Test
    void badOptionsAreOneLineToo() throws IOException {
        Path out = tmp.resolve("o");
        fails(out, "eval", "bm25", "--dataset", "cranfield", "--metrics", "bleu@4", "--out", out.toString());
        fails(out, "eval", "bm25", "--dataset", "cranfield", "--b", "1.5", "--out", out.toString());
        fails(out, "eval", "bm25", "--dataset", "cranfield", "--averaging", "median", "--out", out.toString());
        fails(out, "eval", "bm25", "--dataset", "no-such-dataset/x", "--out", out.toString());
        fails(out, "data", "stats", "nfcorpus-preprocessed", "--tokenizer", tmp.resolve("none.json").toString());
    }

    // --- downloads: a project root of our own, with a manifest that points at a local server ---

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return bo.toByteArray();
    }

    private CliRunner fetchWithServer(byte[] body, String sha256) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/toy.zip", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        Path root = tmp.resolve("project");
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/toy.json"), "{\"name\":\"toy\",\"variant\":\"toy\",\"corpus\":\"corpus.jsonl\",\"splits\":[\"test\"],"
                + "\"download\":{\"url\":\"http://127.0.0.1:" + server.getAddress().getPort() + "/toy.zip\",\"sha256\":\"" + sha256 + "\",\"root\":\"toy\"}}");
        String saved = System.getProperty("pathway.project.root");
        System.setProperty("pathway.project.root", root.toString());
        try {
            return CliRunner.run("data", "fetch", "toy");
        } finally {
            System.setProperty("pathway.project.root", saved);
            server.stop(0);
        }
    }

    private long cacheFiles() throws IOException {
        Path cache = tmp.resolve("project/data/cache");
        if (!Files.exists(cache)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(cache)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static Map<String, String> toyZip() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toy/corpus.jsonl", CORPUS);
        m.put("toy/queries.jsonl", "{\"_id\":\"q1\",\"text\":\"cats\"}\n");
        m.put("toy/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        return m;
    }

    @Test
    void downloadWithChecksumMismatch() throws IOException {
        byte[] z = zip(toyZip());
        CliRunner r = fetchWithServer(z, "1".repeat(64));
        assertTrue(r.isOneLineUserError(), r.toString());
        assertTrue(r.err().contains("checksum mismatch") && r.err().contains(Sha256.of(z)), r.err());
        assertEquals(0, cacheFiles());
    }

    @Test
    void archiveEntryWithDotDot() throws IOException {
        Map<String, String> m = toyZip();
        m.put("toy/../../../escape.txt", "x");
        byte[] z = zip(m);
        CliRunner r = fetchWithServer(z, Sha256.of(z));
        assertTrue(r.isOneLineUserError(), r.toString());
        assertTrue(r.err().contains("unsafe entry path"), r.err());
        assertEquals(0, cacheFiles());
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @Test
    void verifiedFetchSucceeds() throws IOException {
        byte[] z = zip(toyZip());
        CliRunner r = fetchWithServer(z, Sha256.of(z));
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("verified"), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("project/data/cache/datasets/toy/corpus.jsonl")));
    }
}
