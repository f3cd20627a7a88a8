package dev.pathway.eval.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.eval.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataStatsTest {
    @TempDir
    Path dir;

    @Test
    void countsWordsPiecesSplitsAndGrades() throws IOException {
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"title\":\"Statins\",\"text\":\"reduce  cholesterol\"}\n"
                + "{\"_id\":\"d2\",\"text\":\"unbelievably antidisestablishmentarian words\"}\n");
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"a\"}\n{\"_id\":\"q2\",\"text\":\"b\"}\n{\"_id\":\"q3\",\"text\":\"c\"}\n");
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td2\t0\n");
        Files.writeString(dir.resolve("qrels/dev.tsv"), "query-id\tcorpus-id\tscore\nq3\td1\t1\n");
        DataSet ds = DataSet.open(dir);
        DataStats s = DataStats.compute(ds, null);
        assertEquals(2, s.documents());
        assertEquals((3 + 3) / 2.0, s.meanWords(), 1e-12);
        assertTrue(Double.isNaN(s.meanTokens()));
        assertEquals(3, s.queries());
        assertEquals(Map.of(0, 2L, 2, 1L), s.splits().get("test").perGrade());
        assertEquals(2, s.splits().get("test").queries());
        assertEquals(1, s.splits().get("test").queriesWithoutRelevant());
        assertEquals(1, s.splits().get("dev").judgments());
        try (PairTokenizer tok = PairTokenizer.load(TestData.minilm())) {
            DataStats t = DataStats.compute(ds, tok);
            double expected = (tok.ids("Statins reduce  cholesterol").length + tok.ids("unbelievably antidisestablishmentarian words").length) / 2.0;
            assertEquals(expected, t.meanTokens(), 1e-12);
            assertTrue(t.meanTokens() > t.meanWords(), "rare words split into several pieces");
        }
    }
}
