package dev.pathway.eval.fetch;

import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Downloads a zip, verifies its digest, unpacks it safely and moves the result into place in one
 * rename. Everything happens in a temporary folder beside the target; on any failure it is
 * deleted, so a failed fetch leaves nothing behind.
 */
public final class ZipFetcher {
    private static final Logger LOG = LogManager.getLogger(ZipFetcher.class);

    private final HttpClient client;
    private final long maxUnpackedBytes;

    public ZipFetcher() {
        this(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build(),
                SafeUnzip.DEFAULT_MAX_BYTES);
    }

    public ZipFetcher(HttpClient client, long maxUnpackedBytes) {
        this.client = client;
        this.maxUnpackedBytes = maxUnpackedBytes;
    }

    /** What a fetch did. */
    public record Result(Path directory, String sha256, String md5, long bytes, boolean verified, List<Path> files) {}

    /** Prepares the unpacked folder before it is moved into place (check layout, write a marker). */
    @FunctionalInterface
    public interface Finisher {
        void finish(Path unpackedRoot, String sha256, String md5) throws IOException;
    }

    /**
     * Fetches {@code url} into {@code target}. {@code zipRoot} is the folder inside the archive
     * that becomes the target (null: the archive's single top folder, or its root).
     */
    public Result fetch(URI url, Checksum expected, Path target, String zipRoot, boolean overwrite, Finisher finisher) {
        Path abs = target.toAbsolutePath().normalize();
        AtomicDirectory.checkTarget(abs, overwrite);
        Path work;
        try {
            Files.createDirectories(abs.getParent());
            work = Files.createTempDirectory(abs.getParent(), "." + abs.getFileName() + ".fetch-");
        } catch (IOException e) {
            throw new UserInputException("cannot create a folder beside " + abs + ": " + e.getMessage(), e);
        }
        try {
            Path zip = work.resolve("archive.zip");
            MessageDigest sha = digest("SHA-256");
            MessageDigest md5 = digest("MD5");
            long bytes = download(url, zip, sha, md5);
            String shaHex = HexFormat.of().formatHex(sha.digest());
            String md5Hex = HexFormat.of().formatHex(md5.digest());
            if (!expected.isNone()) {
                String actual = expected.algorithm().equals("MD5") ? md5Hex : shaHex;
                if (!actual.equals(expected.hex())) {
                    throw new UserInputException("checksum mismatch for " + url + ": " + expected.algorithm() + " is " + actual
                            + ", expected " + expected.hex());
                }
            } else {
                LOG.warn("{} has no published checksum; its SHA-256 is {} (pin it in the manifest)", url, shaHex);
            }
            Path unpacked = work.resolve("unpacked");
            List<Path> files = SafeUnzip.unzip(zip, unpacked, maxUnpackedBytes);
            Path root = chooseRoot(unpacked, zipRoot, url);
            if (finisher != null) {
                finisher.finish(root, shaHex, md5Hex);
            }
            if (Files.exists(abs)) {
                AtomicDirectory.deleteTree(abs);
            }
            Files.move(root, abs, StandardCopyOption.ATOMIC_MOVE);
            List<Path> moved = files.stream().filter(f -> f.startsWith(root)).map(f -> abs.resolve(root.relativize(f))).toList();
            return new Result(abs, shaHex, md5Hex, bytes, !expected.isNone(), moved);
        } catch (IOException e) {
            throw new UserInputException("cannot fetch " + url + " into " + abs + ": " + e.getMessage(), e);
        } finally {
            AtomicDirectory.deleteTree(work);
        }
    }

    private long download(URI url, Path file, MessageDigest sha, MessageDigest md5) throws IOException {
        HttpResponse<InputStream> resp;
        try {
            resp = client.send(HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UserInputException("cannot download " + url + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserInputException("download of " + url + " interrupted", e);
        }
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new UserInputException("download of " + url + " failed: HTTP " + resp.statusCode());
        }
        long length = resp.headers().firstValueAsLong("content-length").orElse(-1);
        long total = 0;
        try (InputStream in = resp.body(); OutputStream out = Files.newOutputStream(file);
                Progress p = ProgressBars.start("download", length, "B")) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                sha.update(buf, 0, n);
                md5.update(buf, 0, n);
                total += n;
                p.step(n);
            }
        }
        if (length >= 0 && total != length) {
            throw new UserInputException("download of " + url + " was cut short: " + total + " of " + length + " bytes");
        }
        return total;
    }

    private static Path chooseRoot(Path unpacked, String zipRoot, URI url) throws IOException {
        if (zipRoot != null && !zipRoot.isEmpty()) {
            Path r = unpacked.resolve(zipRoot).normalize();
            if (!r.startsWith(unpacked) || !Files.isDirectory(r)) {
                throw new UserInputException("archive from " + url + " has no folder '" + zipRoot + "'");
            }
            return r;
        }
        try (var s = Files.list(unpacked)) {
            List<Path> top = s.toList();
            if (top.size() == 1 && Files.isDirectory(top.get(0))) {
                return top.get(0);
            }
        }
        return unpacked;
    }

    private static MessageDigest digest(String alg) {
        try {
            return MessageDigest.getInstance(alg);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(alg + " is required of every JVM", e);
        }
    }
}
