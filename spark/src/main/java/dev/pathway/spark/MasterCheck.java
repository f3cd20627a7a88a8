package dev.pathway.spark;

import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Checks before Spark starts: a standalone or Kubernetes master must answer within seconds (Spark
 * itself would retry for a long time), and shared paths on a local disk get a warning when the
 * executors run elsewhere.
 */
final class MasterCheck {
    private static final Logger LOG = LogManager.getLogger(MasterCheck.class);
    private static final int TIMEOUT_MS = 3000;
    static final Set<String> LOCAL_FILE_SYSTEMS = Set.of("ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "overlay", "zfs", "apfs", "f2fs");

    private MasterCheck() {}

    static boolean isLocal(String master) {
        return master.startsWith("local");
    }

    static void requireReachable(String master) {
        if (isLocal(master) || master.startsWith("yarn")) {
            return;
        }
        for (String url : master.replaceFirst("^k8s://", "").split(",")) {
            URI uri;
            try {
                uri = new URI(url.contains("://") ? url : "spark://" + url);
            } catch (URISyntaxException e) {
                uri = null;
            }
            String host = uri == null ? null : uri.getHost();
            if (host == null) {
                throw new UserInputException("--master " + master + " is not a Spark master URL (spark://host:port, k8s://https://host:port, local[N])");
            }
            int port = uri.getPort() > 0 ? uri.getPort() : (url.startsWith("https") ? 443 : 7077);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, port), TIMEOUT_MS);
                return;
            } catch (IOException e) {
                // try the next one of a high-availability list
            }
        }
        throw new UserInputException("Spark master " + master + " cannot be reached (no answer within " + TIMEOUT_MS / 1000 + " s)");
    }

    /**
     * Warns when a path the executors must read or write is on this machine's local disk.
     *
     * @return the warning, if one was logged
     */
    static Optional<String> warnIfLocalDisk(String master, Path path, String what) {
        if (isLocal(master)) {
            return Optional.empty();
        }
        String warning;
        try {
            Path existing = path.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null) {
                return Optional.empty();
            }
            FileStore store = Files.getFileStore(existing);
            if (!LOCAL_FILE_SYSTEMS.contains(store.type())) {
                return Optional.empty();
            }
            warning = what + " " + path + " is on a local " + store.type() + " disk: executors on other machines cannot see it;"
                    + " use shared storage (a shared file system, or HDFS/S3 mounted at the same path everywhere)";
        } catch (IOException e) {
            warning = "cannot check where " + what + " " + path + " is stored: " + e.getMessage();
        }
        LOG.warn(warning);
        return Optional.of(warning);
    }
}
