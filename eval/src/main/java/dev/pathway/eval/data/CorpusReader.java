package dev.pathway.eval.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Streams a BEIR corpus ({@code corpus.jsonl}, or gzip-compressed) one {@link Document} at a
 * time; only the current line is held in memory. Each line must be a JSON object with a string or
 * number {@code _id} and a string {@code text}; {@code title} is optional. Blank lines are skipped.
 * Malformed lines fail with the file name and line number.
 *
 * <pre>{@code
 * try (CorpusReader r = CorpusReader.open(path)) {
 *     for (Document d : r) { ... }
 * }
 * }</pre>
 */
public final class CorpusReader implements Iterable<Document>, AutoCloseable {
    private final TextLines lines;
    private Document next;
    private boolean iterated;

    private CorpusReader(TextLines lines) {
        this.lines = lines;
    }

    public static CorpusReader open(Path file) {
        return new CorpusReader(TextLines.open(file));
    }

    public Path file() {
        return lines.file();
    }

    /** Line number of the document last returned. */
    public long lineNumber() {
        return lines.lineNumber();
    }

    /** The next document, or null at the end of the file. */
    public Document read() {
        String line;
        while ((line = lines.next()) != null) {
            if (!line.isBlank()) {
                return parse(line);
            }
        }
        return null;
    }

    private Document parse(String line) {
        BeirLine b = BeirLine.parse(line, lines, "document");
        JsonNode title = b.node().get("title");
        if (title != null && !title.isNull() && !title.isTextual()) {
            throw lines.error("field \"title\" must be a string (document " + b.id() + ")");
        }
        return new Document(b.id(), title == null || title.isNull() ? "" : title.asText(), b.text());
    }

    /** One pass over the remaining documents; a reader can be iterated once. */
    @Override
    public Iterator<Document> iterator() {
        if (iterated) {
            throw new IllegalStateException("a CorpusReader streams once; open a new one");
        }
        iterated = true;
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = read();
                }
                return next != null;
            }

            @Override
            public Document next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Document d = next;
                next = null;
                return d;
            }
        };
    }

    @Override
    public void close() {
        lines.close();
    }
}
