package dev.pathway.eval.fetch;

import dev.pathway.core.util.UserInputException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks a zip archive so that no entry can escape the target folder ("zip slip"). Every entry
 * name is checked before anything is written: absolute paths, drive letters, backslashes, NUL
 * characters and {@code ..} segments are refused, and the resolved path must stay inside the
 * target. A corrupt or truncated archive fails with one line. The total unpacked size is capped.
 */
public final class SafeUnzip {
    /** Default cap on the unpacked size: 64 GiB (MS MARCO's BEIR zip unpacks to about 3 GiB). */
    public static final long DEFAULT_MAX_BYTES = 64L << 30;

    private SafeUnzip() {}

    /** Unpacks {@code zip} into {@code target} (created if needed); returns the files written. */
    public static List<Path> unzip(Path zip, Path target, long maxBytes) {
        Path root = target.toAbsolutePath().normalize();
        List<Path> written = new ArrayList<>();
        try (ZipFile zf = new ZipFile(zip.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            Enumeration<? extends ZipEntry> en = zf.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                checkName(zip, e.getName());
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root)) {
                    throw new UserInputException("archive " + zip + ": entry '" + e.getName() + "' would be written outside the target folder");
                }
                entries.add(e);
            }
            if (entries.isEmpty()) {
                throw new UserInputException("archive " + zip + " is empty");
            }
            Files.createDirectories(root);
            long total = 0;
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e : entries) {
                Path dest = root.resolve(e.getName()).normalize();
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = zf.getInputStream(e); OutputStream out = Files.newOutputStream(dest)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > maxBytes) {
                            throw new UserInputException("archive " + zip + " unpacks to more than " + maxBytes + " bytes; refused");
                        }
                        out.write(buf, 0, n);
                    }
                }
                written.add(dest);
            }
        } catch (ZipException | EOFException e) {
            throw new UserInputException("archive " + zip + " is corrupt or not a zip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot unpack " + zip + ": " + e.getMessage(), e);
        }
        return written;
    }

    private static void checkName(Path zip, String name) {
        boolean bad = name.isEmpty()
                || name.startsWith("/")
                || name.indexOf('\\') >= 0
                || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        if (!bad) {
            for (String seg : name.split("/")) {
                if (seg.equals("..")) {
                    bad = true;
                    break;
                }
            }
        }
        if (bad) {
            throw new UserInputException("archive " + zip + ": unsafe entry path '" + name + "' (absolute, '..' or backslash); refused");
        }
    }
}
