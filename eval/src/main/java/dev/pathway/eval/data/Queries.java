package dev.pathway.eval.data;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads BEIR {@code queries.jsonl}: one JSON object per line with {@code _id} and {@code text}
 * (other fields such as {@code title} or {@code metadata} are ignored, as BEIR does). Queries are
 * small, so they are read whole, in file order.
 */
public final class Queries {
    private Queries() {}

    /** Query id to text, in file order. Duplicate ids and malformed lines fail with file:line. */
    public static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (TextLines lines = TextLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                BeirLine q = BeirLine.parse(line, lines, "query");
                if (out.put(q.id(), q.text()) != null) {
                    throw lines.error("duplicate query id " + q.id());
                }
            }
        }
        if (out.isEmpty()) {
            throw new dev.pathway.core.util.UserInputException(file + ": no queries");
        }
        return Collections.unmodifiableMap(out);
    }
}
