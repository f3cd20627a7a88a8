package dev.pathway.core.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Downloads a model from the HuggingFace Hub (config, tokenizer, safetensors weights) into a new
 * checkpoint directory, over HTTPS, with a progress bar. Large (LFS) files are checked against the
 * SHA-256 the Hub announces in {@code X-Linked-Etag}/{@code ETag}. Pickle-only repositories are
 * refused. The endpoint can be changed ({@code HF_ENDPOINT}) for mirrors and tests.
 */
public final class HubFetcher {
    public static final String DEFAULT_ENDPOINT = "https://huggingface.co";
    private static final Pattern REPO_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)?");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final List<String> REQUIRED = List.of(Checkpoints.CONFIG, Checkpoints.TOKENIZER);
    private static final List<String> OPTIONAL = List.of(Checkpoints.TOKENIZER_CONFIG, "special_tokens_map.json");

    private final String endpoint;
    private final HttpClient http;

    public HubFetcher(String endpoint) {
        this.endpoint = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The endpoint from {@code HF_ENDPOINT}, or the public Hub. */
    public static String defaultEndpoint() {
        String e = System.getenv("HF_ENDPOINT");
        return e == null || e.isBlank() ? DEFAULT_ENDPOINT : e;
    }

    /** Fetches {@code repo} at {@code revision} into {@code out}, atomically. */
    public void fetch(String repo, String revision, Path out, boolean overwrite) {
        if (!REPO_ID.matcher(repo).matches() || repo.contains("..")) {
            throw new UserInputException("'" + repo + "' is not a HuggingFace repository id (owner/name)");
        }
        AtomicDirectory.checkTarget(out, overwrite);
        Set<String> files = listFiles(repo, revision);
        List<String> toGet = plan(repo, files);
        AtomicDirectory.write(out, overwrite, dir -> {
            ObjectNode hashes = Json.MAPPER.createObjectNode();
            for (String f : toGet) {
                hashes.put(f, download(repo, revision, f, dir.resolve(f)));
            }
            validate(dir);
            ObjectNode params = Json.MAPPER.createObjectNode();
            params.put("repo", repo);
            params.put("revision", revision);
            params.put("endpoint", endpoint);
            params.set("files_sha256", hashes);
            Provenance p = Provenance.origin("hf://" + repo + "@" + revision).withOperation("hub-fetch", params, null, null);
            Json.write(dir.resolve(Provenance.FILE), p.toJsonForWrite(Checkpoints.weightsSha256(dir)));
        });
    }

    private List<String> plan(String repo, Set<String> files) {
        List<String> out = new ArrayList<>();
        for (String f : REQUIRED) {
            if (!files.contains(f)) {
                throw new UserInputException(repo + " has no " + f + " (pathway needs config.json and a fast tokenizer.json)");
            }
            out.add(f);
        }
        OPTIONAL.stream().filter(files::contains).forEach(out::add);
        if (files.contains(Checkpoints.WEIGHTS)) {
            out.add(Checkpoints.WEIGHTS);
        } else if (files.contains(Checkpoints.WEIGHTS_INDEX)) {
            out.add(Checkpoints.WEIGHTS_INDEX);
            files.stream().filter(f -> f.startsWith("model-") && f.endsWith(".safetensors")).sorted().forEach(out::add);
        } else {
            boolean pickle = files.stream().anyMatch(f -> f.endsWith(".bin") || f.endsWith(".pt") || f.endsWith(".pth"));
            throw new UserInputException(repo + " has no safetensors weights"
                    + (pickle ? "; it only has pickle weights, which pathway does not read (unpickling runs code). Convert in"
                            + " Python: AutoModelForSequenceClassification.from_pretrained(REPO).save_pretrained(DIR,"
                            + " safe_serialization=True)" : ""));
        }
        return out;
    }

    private Set<String> listFiles(String repo, String revision) {
        URI uri = URI.create(endpoint + "/api/models/" + repo + "/revision/" + URLEncoder.encode(revision, StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() == 404 || r.statusCode() == 401) {
            throw new UserInputException("repository " + repo + " at revision " + revision + " not found on " + endpoint + " (HTTP " + r.statusCode() + ")");
        }
        if (r.statusCode() != 200) {
            throw new UserInputException("listing " + repo + " failed: HTTP " + r.statusCode() + " from " + endpoint);
        }
        try {
            JsonNode n = Json.MAPPER.readTree(r.body());
            Set<String> files = new LinkedHashSet<>();
            for (JsonNode s : n.path("siblings")) {
                files.add(s.path("rfilename").asText());
            }
            if (files.isEmpty()) {
                throw new UserInputException("the Hub listed no files for " + repo);
            }
            return files;
        } catch (IOException e) {
            throw new UserInputException("the Hub's file list for " + repo + " is not JSON");
        }
    }

    /** Downloads one file, checking the announced SHA-256; returns the file's SHA-256. */
    private String download(String repo, String revision, String file, Path target) throws IOException {
        URI uri = URI.create(endpoint + "/" + repo + "/resolve/" + URLEncoder.encode(revision, StandardCharsets.UTF_8) + "/" + file);
        HttpResponse<InputStream> r = send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
            r.body().close();
            throw new UserInputException("downloading " + file + " of " + repo + " failed: HTTP " + r.statusCode());
        }
        Optional<String> announced = announcedSha256(r);
        long total = r.headers().firstValueAsLong("Content-Length").orElse(-1);
        MessageDigest digest = Sha256.newDigest();
        Files.createDirectories(target.getParent());
        try (InputStream in = r.body(); OutputStream out = Files.newOutputStream(target);
                Progress progress = ProgressBars.start(file, total, "B")) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                digest.update(buf, 0, n);
                progress.step(n);
            }
        }
        String sha = HexFormat.of().formatHex(digest.digest());
        if (announced.isPresent() && !announced.get().equals(sha)) {
            throw new UserInputException(file + " of " + repo + ": SHA-256 " + sha + " does not match the Hub's " + announced.get());
        }
        return sha;
    }

    private static Optional<String> announcedSha256(HttpResponse<?> r) {
        for (String h : List.of("X-Linked-Etag", "ETag")) {
            Optional<String> v = r.headers().firstValue(h).map(s -> s.replace("\"", "").replace("W/", "").trim().toLowerCase());
            if (v.isPresent() && SHA256.matcher(v.get()).matches()) {
                return v;
            }
        }
        // Also look at the redirect chain: the Hub puts the LFS hash on the first response.
        for (HttpResponse<?> p = r.previousResponse().orElse(null); p != null; p = p.previousResponse().orElse(null)) {
            Optional<String> v = p.headers().firstValue("X-Linked-Etag").map(s -> s.replace("\"", "").trim().toLowerCase());
            if (v.isPresent() && SHA256.matcher(v.get()).matches()) {
                return v;
            }
        }
        return Optional.empty();
    }

    private static void validate(Path dir) {
        BertConfig.read(dir.resolve(Checkpoints.CONFIG));
        Checkpoints.readWeights(dir);
    }

    private <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(req, handler);
        } catch (UnknownHostException | ConnectException | HttpConnectTimeoutException e) {
            throw new UserInputException("cannot reach " + endpoint + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); no network? Set HF_ENDPOINT to a mirror,"
                    + " or copy a checkpoint directory here");
        } catch (HttpTimeoutException e) {
            throw new UserInputException("timed out talking to " + endpoint);
        } catch (IOException e) {
            throw new UserInputException("download from " + endpoint + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("download interrupted");
        }
    }
}
