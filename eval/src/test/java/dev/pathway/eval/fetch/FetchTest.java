package dev.pathway.eval.fetch;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against a local HTTP server: verified fetch, checksum mismatch, corrupt zip, zip slip. */
class FetchTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private final Map<String, byte[]> served = new LinkedHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            byte[] body = served.get(ex.getRequestURI().getPath());
            if (body == null) {
                ex.sendResponseHeaders(404, -1);
            } else {
                ex.sendResponseHeaders(200, body.length);
                try (OutputStream o = ex.getResponseBody()) {
                    o.write(body);
                }
            }
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bo)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getValue() != null) {
                    z.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                }
                z.closeEntry();
            }
        }
        return bo.toByteArray();
    }

    private static Map<String, String> toyBeir() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("toy/", null);
        m.put("toy/corpus.jsonl", "{\"_id\":\"d1\",\"title\":\"Cats\",\"text\":\"cats purr\"}\n{\"_id\":\"d2\",\"title\":\"\",\"text\":\"dogs bark\"}\n");
        m.put("toy/queries.jsonl", "{\"_id\":\"q1\",\"text\":\"purring cats\"}\n");
        m.put("toy/qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        return m;
    }

    private Path manifest(String name, String url, String checksumJson) throws IOException {
        Path dir = tmp.resolve("manifests");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), "{\"name\":\"" + name + "\",\"variant\":\"toy\",\"corpus\":\"corpus.jsonl\","
                + "\"splits\":[\"test\"],\"download\":{\"url\":\"" + url + "\"," + checksumJson + "\"root\":\"toy\"}}");
        return dir;
    }

    private DataSets sets(Path manifests) {
        return new DataSets(manifests, tmp.resolve("cache"), null, true, new ZipFetcher());
    }

    private static String md5(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    private long filesUnder(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void verifiedDownloadIsUnpackedIntoTheCacheAndResolvedFromThereAfterwards() throws Exception {
        byte[] z = zip(toyBeir());
        served.put("/toy.zip", z);
        DataSets sets = sets(manifest("toy", url("/toy.zip"), "\"sha256\":\"" + Sha256.of(z) + "\","));
        DataSet d = sets.get("toy");
        assertEquals(DataSource.DOWNLOAD, d.source());
        assertEquals(2, d.forEachDocument(x -> {}));
        assertEquals(1, d.qrels("test").size());
        assertTrue(Files.isRegularFile(tmp.resolve("cache/toy/" + DataSets.MARKER)));
        served.clear(); // a second resolution must not download
        DataSet again = sets.get("toy");
        assertEquals(DataSource.CACHE, again.source());
        assertEquals("purring cats", again.queries().get("q1"));
        // nothing but the data set itself is left in the cache
        try (Stream<Path> s = Files.list(tmp.resolve("cache"))) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void md5AsBeirPublishesItAlsoVerifies() throws Exception {
        byte[] z = zip(toyBeir());
        served.put("/toy.zip", z);
        DataSets sets = sets(manifest("toy", url("/toy.zip"), "\"md5\":\"" + md5(z) + "\","));
        ZipFetcher.Result r = sets.fetch("toy", false);
        assertTrue(r.verified());
        assertEquals(Sha256.of(z), r.sha256());
        UserInputException again = assertThrows(UserInputException.class, () -> sets.fetch("toy", false));
        assertTrue(again.getMessage().contains("already exists"), again.getMessage());
        assertTrue(sets.fetch("toy", true).verified());
    }

    @Test
    void checksumMismatchLeavesNothingBehind() throws Exception {
        byte[] z = zip(toyBeir());
        served.put("/toy.zip", z);
        String wrong = "0".repeat(64);
        DataSets sets = sets(manifest("toy", url("/toy.zip"), "\"sha256\":\"" + wrong + "\","));
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("toy"));
        assertTrue(e.getMessage().startsWith("checksum mismatch for " + url("/toy.zip") + ": SHA-256 is " + Sha256.of(z)), e.getMessage());
        assertEquals(0, filesUnder(tmp.resolve("cache")));
    }

    @Test
    void corruptZipIsRefused() throws Exception {
        byte[] z = zip(toyBeir());
        byte[] corrupt = java.util.Arrays.copyOf(z, z.length - 30); // central directory cut off
        served.put("/toy.zip", corrupt);
        DataSets sets = sets(manifest("toy", url("/toy.zip"), "\"sha256\":\"" + Sha256.of(corrupt) + "\","));
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("toy"));
        assertTrue(e.getMessage().contains("is corrupt or not a zip file"), e.getMessage());
        assertEquals(0, filesUnder(tmp.resolve("cache")));
    }

    @Test
    void zipSlipEntryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Map<String, String> entries = toyBeir();
        entries.put("toy/../../evil.txt", "owned");
        byte[] z = zip(entries);
        served.put("/toy.zip", z);
        DataSets sets = sets(manifest("toy", url("/toy.zip"), "\"sha256\":\"" + Sha256.of(z) + "\","));
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("toy"));
        assertTrue(e.getMessage().contains("unsafe entry path 'toy/../../evil.txt'"), e.getMessage());
        assertEquals(0, filesUnder(tmp.resolve("cache")));
        assertFalse(Files.exists(tmp.resolve("evil.txt")));
        assertFalse(Files.exists(tmp.getParent().resolve("evil.txt")));
    }

    @Test
    void absoluteEntryIsRefused(@TempDir Path target) throws Exception {
        Path zip = tmp.resolve("abs.zip");
        Files.write(zip, zip(Map.of("/tmp/evil.txt", "x")));
        UserInputException e = assertThrows(UserInputException.class, () -> SafeUnzip.unzip(zip, target.resolve("out"), 1000));
        assertTrue(e.getMessage().contains("unsafe entry path '/tmp/evil.txt'"), e.getMessage());
        assertFalse(Files.exists(target.resolve("out")));
    }

    @Test
    void unpackedSizeIsCapped(@TempDir Path target) throws Exception {
        Path zip = tmp.resolve("big.zip");
        Files.write(zip, zip(Map.of("a.txt", "x".repeat(5000))));
        UserInputException e = assertThrows(UserInputException.class, () -> SafeUnzip.unzip(zip, target.resolve("out"), 1000));
        assertTrue(e.getMessage().contains("unpacks to more than 1000 bytes"), e.getMessage());
    }

    @Test
    void httpErrorsAndLayoutProblemsAreOneLine() throws Exception {
        DataSets sets = sets(manifest("toy", url("/missing.zip"), ""));
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("toy"));
        assertEquals("download of " + url("/missing.zip") + " failed: HTTP 404", e.getMessage());
        Map<String, String> noQueries = toyBeir();
        noQueries.remove("toy/queries.jsonl");
        byte[] z = zip(noQueries);
        served.put("/nq.zip", z);
        DataSets s2 = sets(manifest("nq", url("/nq.zip"), ""));
        e = assertThrows(UserInputException.class, () -> s2.get("nq"));
        assertTrue(e.getMessage().endsWith("has no queries.jsonl"), e.getMessage());
        assertEquals(0, filesUnder(tmp.resolve("cache")));
    }
}
