package dev.pathway.eval.report;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.util.Json;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.stats.Comparisons;
import dev.pathway.eval.stats.Condition;
import dev.pathway.eval.stats.RandomizationTest;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @TempDir
    Path dir;

    private static Evaluation eval(String name, int shift, Qrels qrels, List<Metric> metrics) {
        Run.Builder b = new Run.Builder(name);
        for (int q = 0; q < 6; q++) {
            for (int r = 0; r < 5; r++) {
                b.add("q" + q, (r == (q + shift) % 5) ? "rel" : "n" + r, 10 - r);
            }
        }
        return Evaluator.evaluate(b.build(), qrels, metrics);
    }

    @Test
    void writesJsonMarkdownAndPng() throws Exception {
        Qrels.Builder qb = new Qrels.Builder("toy-qrels.tsv");
        for (int q = 0; q < 7; q++) {
            qb.add("q" + q, "rel", 1 + q % 2);
        }
        Qrels qrels = qb.build();
        List<Metric> metrics = Metrics.parseList("ndcg@1,ndcg@10");
        Condition a = new Condition("bm25", List.of(eval("a", 0, qrels, metrics)), List.of("bm25.trec"));
        Condition b = new Condition("tuned", List.of(eval("b1", 1, qrels, metrics), eval("b2", 2, qrels, metrics)), List.of("seed 1", "seed 2"));
        RandomizationTest rt = new RandomizationTest(10_000, 42);
        List<Comparisons.Row> rows = Comparisons.compare(List.of(a, b), metrics, Averaging.RUN_AND_QRELS, rt, false);
        EvalReport r = new EvalReport("toy comparison", "pathway eval compare ...",
                new EvalReport.DataSetInfo("nfcorpus-preprocessed", "the authors' preprocessed text; NOT comparable", "test", "mirror", "/x", "abc", false),
                "toy-qrels.tsv", metrics, Averaging.RUN_AND_QRELS, List.of(a, b), rows, rt, Map.of("top_k", 20), List.of("a note"));
        ReportWriter.write(r, dir);

        JsonNode j = Json.read(dir.resolve(ReportWriter.RESULTS));
        assertEquals("nfcorpus-preprocessed", j.at("/dataset/name").asText());
        assertTrue(j.at("/dataset/label").asText().contains("preprocessed"));
        assertFalse(j.at("/dataset/comparable_with_published").asBoolean());
        assertEquals("run-and-qrels", j.at("/averaging/primary").asText());
        assertTrue(j.at("/averaging/modes/all-qrels").asText().contains("trec_eval -c"));
        assertEquals("ndcg_cut.10", j.at("/metrics/1/trec_eval").asText());
        assertTrue(j.at("/metrics/0/definition").asText().startsWith("nDCG@1"));
        JsonNode tuned = j.at("/conditions/1");
        assertEquals(2, tuned.get("seeds").asInt());
        double m1 = b.runs().get(0).mean("ndcg@10", Averaging.RUN_AND_QRELS);
        double m2 = b.runs().get(1).mean("ndcg@10", Averaging.RUN_AND_QRELS);
        assertEquals((m1 + m2) / 2, tuned.at("/summary/run-and-qrels/ndcg@10/mean").asDouble(), 1e-12);
        assertEquals(m1, tuned.at("/summary/run-and-qrels/ndcg@10/per_seed/0").asDouble(), 1e-12);
        assertTrue(j.at("/conditions/0/summary/run-and-qrels/ndcg@10/sd").isNull(), "one seed: no sd");
        assertEquals(6, j.at("/conditions/0/runs/0/queries/run-and-qrels").asInt());
        assertEquals(7, j.at("/conditions/0/runs/0/queries/all-qrels").asInt());
        assertEquals("q6", j.at("/conditions/0/runs/0/qrels_queries_missing_from_run/0").asText());
        assertEquals(1.0, j.at("/conditions/0/runs/0/per_query/ndcg@1/q0").asDouble(), 1e-12);
        assertEquals(0.0, j.at("/conditions/0/runs/0/per_query/ndcg@1/q6").asDouble(), 1e-12);
        assertEquals(2, j.at("/comparisons/rows").size());
        assertEquals(rows.get(0).pRandomization(), j.at("/comparisons/rows/0/p_randomization").asDouble(), 1e-15);
        assertEquals("a note", j.at("/notes/0").asText());

        String md = Files.readString(dir.resolve(ReportWriter.REPORT));
        assertTrue(md.contains("## Means, run-and-qrels (primary)"), md);
        assertTrue(md.contains("## Means, all-qrels"), md);
        assertTrue(md.contains("nfcorpus-preprocessed (the authors' preprocessed text; NOT comparable)"), md);
        assertTrue(md.contains("| tuned | 2 | 6 |"), md);
        assertTrue(md.contains("Holm-Bonferroni"), md);

        BufferedImage png = ImageIO.read(dir.resolve(ReportWriter.CHART).toFile());
        assertNotNull(png);
        assertTrue(png.getWidth() >= 200 && png.getHeight() == 480);
    }
}
