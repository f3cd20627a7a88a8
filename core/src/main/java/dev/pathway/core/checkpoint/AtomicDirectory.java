package dev.pathway.core.checkpoint;

import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Writes a directory atomically: everything goes into a temporary directory beside the target,
 * which is renamed into place in one step. A failure leaves no half-written target.
 */
public final class AtomicDirectory {
    private AtomicDirectory() {}

    /** Writes the content of a directory. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    /** Fails early, before any work, when the target cannot be written. */
    public static void checkTarget(Path target, boolean overwrite) {
        Path abs = target.toAbsolutePath().normalize();
        if (Files.exists(abs) && !overwrite) {
            throw new UserInputException("output directory " + abs + " already exists (use --overwrite to replace it)");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UserInputException("output path " + abs + " exists and is not a directory");
        }
        Path parent = abs.getParent();
        Path existing = parent;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new UserInputException("cannot write output directory " + abs + ": " + existing + " is not writable");
        }
    }

    public static void write(Path target, boolean overwrite, Writer writer) {
        Path abs = target.toAbsolutePath().normalize();
        checkTarget(abs, overwrite);
        Path parent = abs.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createTempDirectory(parent, "." + abs.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UserInputException("cannot write output directory " + abs + ": " + e.getMessage(), e);
        }
        try {
            writer.write(tmp);
            if (Files.exists(abs)) {
                Path trash = Files.createTempDirectory(parent, "." + abs.getFileName() + ".old-");
                Files.move(abs, trash.resolve("old"), StandardCopyOption.ATOMIC_MOVE);
                move(tmp, abs);
                deleteTree(trash);
            } else {
                move(tmp, abs);
            }
        } catch (IOException | RuntimeException e) {
            deleteTree(tmp);
            if (e instanceof UserInputException u) {
                throw u;
            }
            if (e instanceof IOException io) {
                throw new UserInputException("cannot write output directory " + abs + ": " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
            throw new IOException("cannot rename " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }

    /** Deletes a directory tree, ignoring what is already gone. */
    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temporary directory is harmless and named as such.
        }
    }
}
