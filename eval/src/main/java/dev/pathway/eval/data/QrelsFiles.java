package dev.pathway.eval.data;

import dev.pathway.core.util.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads and writes judgments in the two formats of the field:
 * <ul>
 *   <li>BEIR TSV: a header {@code query-id<TAB>corpus-id<TAB>score}, then one tab-separated line
 *       per judgment;
 *   <li>TREC qrels: {@code qid iter docid rel}, whitespace-separated, no header ({@code iter} is
 *       ignored, as trec_eval does).
 * </ul>
 * {@link #read(Path)} tells them apart by the first line. Grades must be integers; a repeated
 * (query, document) pair is an error, as in trec_eval.
 */
public final class QrelsFiles {
    private QrelsFiles() {}

    /** Reads BEIR TSV (with header) or TREC qrels, detected from the first non-blank line. */
    public static Qrels read(Path file) {
        Qrels.Builder b = new Qrels.Builder(file.toString());
        boolean sawHeader = false;
        boolean beir = false;
        try (TextLines lines = TextLines.open(file)) {
            String line;
            boolean first = true;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    String[] h = line.split("\t", -1);
                    if (h.length == 3 && h[0].trim().equals("query-id") && h[1].trim().equals("corpus-id")) {
                        sawHeader = true;
                        beir = true;
                        continue;
                    }
                    beir = line.split("\t", -1).length == 3;
                }
                String[] f = beir ? line.split("\t", -1) : line.trim().split("\\s+");
                String q;
                String d;
                String g;
                if (beir && f.length == 3) {
                    q = f[0].trim();
                    d = f[1].trim();
                    g = f[2].trim();
                } else if (!beir && f.length == 4) {
                    q = f[0];
                    d = f[2];
                    g = f[3];
                } else {
                    throw lines.error(beir
                            ? "expected 3 tab-separated fields (query-id, corpus-id, score), found " + f.length
                            : "expected 4 fields (qid iter docid rel), found " + f.length);
                }
                if (q.isEmpty() || d.isEmpty()) {
                    throw lines.error("empty query or document id");
                }
                int grade;
                try {
                    grade = Integer.parseInt(g);
                } catch (NumberFormatException e) {
                    throw lines.error("relevance grade '" + g + "' is not an integer");
                }
                if (!b.add(q, d, grade)) {
                    throw lines.error("duplicate judgment for query " + q + ", document " + d);
                }
            }
        }
        Qrels qrels = b.build();
        if (qrels.size() == 0) {
            throw new UserInputException(file + ": no judgments" + (sawHeader ? " after the header" : ""));
        }
        return qrels;
    }

    /** Writes BEIR TSV with its header. */
    public static void writeBeir(Qrels qrels, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("query-id\tcorpus-id\tscore\n");
            for (String q : qrels.queryIds()) {
                for (Map.Entry<String, Integer> e : qrels.judgments(q).entrySet()) {
                    w.write(q + "\t" + e.getKey() + "\t" + e.getValue() + "\n");
                }
            }
        }
    }

    /** Writes TREC qrels ({@code qid 0 docid rel}). */
    public static void writeTrec(Qrels qrels, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (String q : qrels.queryIds()) {
                for (Map.Entry<String, Integer> e : qrels.judgments(q).entrySet()) {
                    w.write(q + " 0 " + e.getKey() + " " + e.getValue() + "\n");
                }
            }
        }
    }
}
