package dev.pathway.eval.data;

import dev.pathway.core.util.UserInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes TREC run files: {@code qid Q0 docid rank score tag}, whitespace-separated.
 * As in trec_eval, the rank column is ignored on reading (order comes from the scores, ties by
 * document id descending), and a document repeated within a query is an error.
 */
public final class RunFiles {
    private RunFiles() {}

    /** Reads a run; the tag of the first line names it. */
    public static Run read(Path file) {
        Run.Builder b = null;
        try (TextLines lines = TextLines.open(file)) {
            String line;
            while ((line = lines.next()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.trim().split("\\s+");
                if (f.length != 6) {
                    throw lines.error("expected 6 fields (qid Q0 docid rank score tag), found " + f.length);
                }
                double score;
                try {
                    score = Double.parseDouble(f[4]);
                } catch (NumberFormatException e) {
                    throw lines.error("score '" + f[4] + "' is not a number");
                }
                if (!Double.isFinite(score)) {
                    throw lines.error("score '" + f[4] + "' is not finite");
                }
                if (b == null) {
                    b = new Run.Builder(f[5]);
                }
                if (!b.add(f[0], f[2], score)) {
                    throw lines.error("duplicate document " + f[2] + " for query " + f[0]);
                }
            }
        }
        if (b == null) {
            throw new UserInputException(file + ": empty run file");
        }
        return b.build();
    }

    /**
     * Writes a run in trec_eval order with ranks 1..n. Scores are written with {@link
     * Double#toString(double)}, which reads back to the identical value, so ties survive a round
     * trip exactly.
     */
    public static void write(Run run, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            for (String q : run.queryIds()) {
                List<ScoredDoc> docs = run.ranked(q);
                for (int i = 0; i < docs.size(); i++) {
                    ScoredDoc d = docs.get(i);
                    w.write(q + " Q0 " + d.docId() + " " + (i + 1) + " " + d.score() + " " + run.name() + "\n");
                }
            }
        }
    }

    /** Checks that every query of a run is known; fails naming the first unknown one. */
    public static void requireKnownQueries(Run run, Map<String, String> queries, String runSource, String dataSetName) {
        for (String q : run.queryIds()) {
            if (!queries.containsKey(q)) {
                throw new UserInputException(runSource + ": query '" + q + "' is not a query of data set " + dataSetName);
            }
        }
    }
}
