package dev.pathway.eval.data;

import dev.pathway.core.util.UserInputException;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads a text file line by line, strictly as UTF-8, transparently un-gzipping files that start
 * with the gzip magic bytes (whatever their name). Every problem becomes a one-line
 * {@link UserInputException} that names the file and, where known, the line.
 */
public final class TextLines implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    private long lineNumber;

    private TextLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    /** Opens {@code file}; a missing file is a user error that names the path. */
    public static TextLines open(Path file) {
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            raw.mark(2);
            int b0 = raw.read();
            int b1 = raw.read();
            raw.reset();
            InputStream in = (b0 == 0x1f && b1 == 0x8b) ? new GZIPInputStream(raw, 1 << 16) : raw;
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            return new TextLines(file, new BufferedReader(new InputStreamReader(in, decoder), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file.toAbsolutePath());
        } catch (ZipException e) {
            throw new UserInputException(file + ": not a valid gzip file: " + e.getMessage());
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** 1-based number of the line last returned by {@link #next()}. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its terminator (a trailing CR is removed too), or null at the end. */
    public String next() {
        try {
            String line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (!line.isEmpty() && line.charAt(line.length() - 1) == '\r') {
                line = line.substring(0, line.length() - 1);
            }
            if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1); // byte-order mark
            }
            return line;
        } catch (CharacterCodingException e) {
            throw error("not valid UTF-8 text");
        } catch (EOFException e) {
            throw error("truncated file (unexpected end of the gzip stream)");
        } catch (ZipException e) {
            throw error("corrupt gzip data: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A user error located at the current line ({@code file:line: message}). */
    public UserInputException error(String message) {
        return new UserInputException(file + ":" + (lineNumber + (lineNumber == 0 ? 1 : 0)) + ": " + message);
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            // Nothing was written; a failing close of a reader loses nothing.
        }
    }
}
