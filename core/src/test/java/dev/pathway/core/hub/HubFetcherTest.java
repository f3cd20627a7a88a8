package dev.pathway.core.hub;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.pathway.core.TestModels;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a local HTTP server that speaks the Hub's API (file list, resolve, LFS redirect with hash). */
class HubFetcherTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private String endpoint;
    /** repo -> file -> bytes served. */
    private final Map<String, Map<String, byte[]>> repos = new HashMap<>();
    /** repo -> file -> hash announced (may differ from the bytes, to simulate corruption). */
    private final Map<String, Map<String, String>> announced = new HashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, byte[]> files = new HashMap<>();
        for (String f : List.of("config.json", "tokenizer.json", "tokenizer_config.json", "model.safetensors")) {
            files.put(f, Files.readAllBytes(TestModels.minilm().resolve(f)));
        }
        repos.put("org/good", files);
        announced.put("org/good", Map.of("model.safetensors", Sha256.of(files.get("model.safetensors"))));
        Map<String, byte[]> corrupted = new HashMap<>(files);
        byte[] bad = files.get("model.safetensors").clone();
        bad[bad.length - 1] ^= 1;
        corrupted.put("model.safetensors", bad);
        repos.put("org/corrupted", corrupted);
        announced.put("org/corrupted", announced.get("org/good"));
        repos.put("org/pickle", Map.of("config.json", files.get("config.json"), "tokenizer.json", files.get("tokenizer.json"),
                "pytorch_model.bin", new byte[] {1}));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        if (path.startsWith("/api/models/")) {
            String repo = path.substring("/api/models/".length(), path.indexOf("/revision/"));
            Map<String, byte[]> files = repos.get(repo);
            if (files == null) {
                reply(x, 404, "{}".getBytes());
                return;
            }
            StringBuilder sb = new StringBuilder("{\"siblings\":[");
            files.keySet().forEach(f -> sb.append("{\"rfilename\":\"").append(f).append("\"},"));
            sb.setLength(sb.length() - 1);
            reply(x, 200, sb.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        } else if (path.contains("/resolve/main/")) {
            String repo = path.substring(1, path.indexOf("/resolve/"));
            String file = path.substring(path.indexOf("/resolve/main/") + "/resolve/main/".length());
            String hash = announced.getOrDefault(repo, Map.of()).get(file);
            if (hash != null) {
                // LFS files: the Hub answers with a redirect to its CDN and the hash in X-Linked-Etag.
                x.getResponseHeaders().add("X-Linked-Etag", "\"" + hash + "\"");
                x.getResponseHeaders().add("Location", "/cdn/" + repo + "/" + file);
                x.sendResponseHeaders(302, -1);
                x.close();
                return;
            }
            reply(x, 200, repos.get(repo).get(file));
        } else if (path.startsWith("/cdn/")) {
            String rest = path.substring("/cdn/".length());
            int slash = rest.lastIndexOf('/');
            reply(x, 200, repos.get(rest.substring(0, slash)).get(rest.substring(slash + 1)));
        } else {
            reply(x, 404, new byte[0]);
        }
    }

    private static void reply(HttpExchange x, int status, byte[] body) throws IOException {
        x.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(body);
        }
    }

    @Test
    void fetchesAVerifiedLoadableCheckpoint() throws Exception {
        Path out = tmp.resolve("fetched");
        new HubFetcher(endpoint).fetch("org/good", "main", out, false);
        assertArrayEquals(repos.get("org/good").get("model.safetensors"), Files.readAllBytes(out.resolve("model.safetensors")));
        try (CrossEncoder m = Checkpoints.load(out, Device.cpu())) {
            assertEquals(6, m.config().numLayers());
        }
        var ops = Json.read(out.resolve(Provenance.FILE)).path("operations");
        assertEquals("hub-fetch", ops.get(0).path("kind").asText());
        assertEquals(Sha256.of(out.resolve("model.safetensors")), ops.get(0).path("params").path("files_sha256").path("model.safetensors").asText());
    }

    @Test
    void aHashMismatchFailsAndLeavesNothing() {
        Path out = tmp.resolve("bad");
        UserInputException e = assertThrows(UserInputException.class, () -> new HubFetcher(endpoint).fetch("org/corrupted", "main", out, false));
        assertTrue(e.getMessage().contains("does not match the Hub's"), e.getMessage());
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownRepositoriesPickleOnlyReposAndBadIdsAreUserErrors() {
        HubFetcher f = new HubFetcher(endpoint);
        assertTrue(assertThrows(UserInputException.class, () -> f.fetch("org/missing", "main", tmp.resolve("a"), false))
                .getMessage().contains("not found"));
        assertTrue(assertThrows(UserInputException.class, () -> f.fetch("org/pickle", "main", tmp.resolve("b"), false))
                .getMessage().contains("only has pickle weights"));
        assertTrue(assertThrows(UserInputException.class, () -> f.fetch("../../etc", "main", tmp.resolve("c"), false))
                .getMessage().contains("not a HuggingFace repository id"));
    }

    @Test
    void anUnreachableEndpointFailsFast() throws IOException {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        UserInputException e = assertThrows(UserInputException.class,
                () -> new HubFetcher("http://127.0.0.1:" + port).fetch("org/good", "main", tmp.resolve("x"), false));
        assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
    }
}
