package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.eval.bm25.Bm25;
import dev.pathway.eval.bm25.Bm25Params;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.data.ScoredDoc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pathway eval rerank --engine spark --master local[2]} on Cranfield: the same TREC run as
 * local mode (scores to 1e-6, same order) and exactly the same metrics and comparisons.
 */
class SparkRerankCliTest {
    @TempDir
    Path tmp;

    /** BM25's top 5 of the first 10 judged Cranfield test queries: 50 pairs. */
    private Path smallFirstStage() throws Exception {
        DataSet cran = DataSets.resolve("cranfield");
        Run bm25 = Bm25.run(cran, "test", Bm25Params.ANSERINI, 5);
        Run.Builder b = new Run.Builder("bm25");
        bm25.queryIds().stream().limit(10).forEach(q -> bm25.ranked(q).forEach(d -> b.add(q, d.docId(), d.score())));
        Path file = tmp.resolve("bm25-small.trec");
        RunFiles.write(b.build(), file);
        return file;
    }

    private static String[] rerank(Path model, Path run, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "rerank", "--model", model.toString(), "--dataset", "cranfield", "--split", "test",
                "--run", run.toString(), "--top-k", "5", "--max-length", "64", "--batch-size", "8", "--random-seeds", "0",
                "--metrics", "ndcg@10,ndcg@1,recall@5", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void sparkRerankingEqualsLocal() throws Exception {
        Path model = SparkFixtures.model();
        ExecutorModels.setThreads(1); // the same PyTorch thread count on both sides
        Path run = smallFirstStage();
        SparkFixtures.Cli local = SparkFixtures.Cli.run(rerank(model, run, tmp.resolve("local")));
        assertEquals(0, local.exit(), local.toString());
        SparkFixtures.Cli spark = SparkFixtures.Cli.run(rerank(model, run, tmp.resolve("spark"), "--engine", "spark", "--master", "local[2]"));
        assertEquals(0, spark.exit(), spark.toString());

        Run a = RunFiles.read(tmp.resolve("local/rerank.trec"));
        Run b = RunFiles.read(tmp.resolve("spark/rerank.trec"));
        assertEquals(a.queryIds(), b.queryIds());
        assertEquals(50, a.size());
        for (String q : a.queryIds()) {
            List<ScoredDoc> ra = a.ranked(q);
            List<ScoredDoc> rb = b.ranked(q);
            assertEquals(ra.size(), rb.size(), q);
            for (int i = 0; i < ra.size(); i++) {
                assertEquals(ra.get(i).docId(), rb.get(i).docId(), q + " rank " + (i + 1));
                assertEquals(ra.get(i).score(), rb.get(i).score(), 1e-6, q + " rank " + (i + 1));
            }
        }
        JsonNode ja = Json.read(tmp.resolve("local/results.json"));
        JsonNode jb = Json.read(tmp.resolve("spark/results.json"));
        assertEquals(ja.get("conditions"), jb.get("conditions"), "metrics per condition, exactly");
        assertEquals(ja.get("comparisons"), jb.get("comparisons"), "paired tests, exactly");
        assertTrue(ja.at("/conditions/1/summary").toString().contains("ndcg@10"), ja.toString());
        assertTrue(jb.at("/settings/throughput").asText().contains("pairs/s on Spark"), jb.toString());
    }

    @Test
    void aCheckpointOnlyTheDriverCanReadIsOneErrorLine() throws Exception {
        // The driver only tokenizes (tokenizer.json is here); executors need the weights, which are not.
        Path driverOnly = Files.createDirectories(tmp.resolve("driver-only"));
        Files.copy(SparkFixtures.model().resolve("tokenizer.json"), driverOnly.resolve("tokenizer.json"));
        SparkFixtures.Cli r = SparkFixtures.Cli.run(rerank(driverOnly, smallFirstStage(), tmp.resolve("out"), "--engine", "spark",
                "--master", "local[2]"));
        assertEquals(2, r.exit(), r.toString());
        assertEquals(1, r.errorLines().size(), r.toString());
        String line = r.errorLines().get(0);
        assertTrue(line.contains("failed on Spark: executor ") && line.contains("cannot load checkpoint " + driverOnly.toAbsolutePath()), line);
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r);
        assertFalse(Files.exists(tmp.resolve("out")), "nothing half-written");
    }
}
