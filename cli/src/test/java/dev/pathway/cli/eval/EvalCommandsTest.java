package dev.pathway.cli.eval;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import dev.pathway.eval.data.ScoredDoc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data and eval commands end to end on the real small collections. */
class EvalCommandsTest {
    @TempDir
    Path tmp;

    @Test
    void dataListAndStats() {
        CliRunner list = CliRunner.run("data", "list");
        assertEquals(0, list.code(), list.toString());
        for (String n : new String[] {"nfcorpus ", "nfcorpus-preprocessed", "cranfield", "cisi"}) {
            assertTrue(list.out().contains(n), list.toString());
        }
        CliRunner stats = CliRunner.run("data", "stats", "cisi");
        assertEquals(0, stats.code(), stats.toString());
        assertTrue(stats.out().contains("documents   1,460"), stats.out());
        assertTrue(stats.out().matches("(?s).*test\\s+14\\s.*"), stats.out());
        CliRunner json = CliRunner.run("data", "stats", "cranfield", "--json");
        JsonNode j = Json.MAPPER.valueToTree(Json.read(writeTo(json.out())));
        assertEquals(1400, j.get("documents").asInt());
        assertEquals(45, j.at("/splits/test/queries").asInt());
        assertEquals(128, j.at("/splits/all/perGrade/4").asInt());
    }

    private Path writeTo(String s) {
        try {
            Path p = Files.createTempFile(tmp, "json", ".json");
            Files.writeString(p, s);
            return p;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void bm25WritesRunAndReportsAndNamesTheVariant() throws IOException {
        Path out = tmp.resolve("bm25");
        CliRunner r = CliRunner.run("eval", "bm25", "--dataset", "cranfield", "--split", "test", "--metrics", "ndcg@1,ndcg@10", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("averaging run-and-qrels (primary)"), r.out());
        assertTrue(r.out().contains("averaging all-qrels"), r.out());
        assertTrue(r.out().contains("Cranfield II"), r.out());
        for (String f : new String[] {"bm25.trec", "results.json", "report.md", "chart.png"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        Run run = RunFiles.read(out.resolve("bm25.trec"));
        assertEquals(45, run.queryIds().size());
        for (String q : run.queryIds()) {
            assertTrue(run.ranked(q).size() >= 1 && run.ranked(q).size() <= 1000); // only documents sharing a term match
        }
        JsonNode j = Json.read(out.resolve("results.json"));
        assertEquals("cranfield", j.at("/dataset/name").asText());
        assertEquals("test", j.at("/dataset/split").asText());
        double v = j.at("/conditions/0/summary/run-and-qrels/ndcg@10/mean").asDouble();
        assertTrue(v > 0.2 && v < 0.7, "cranfield BM25 nDCG@10 " + v);
        // the output folder exists now: a second run needs --overwrite
        CliRunner again = CliRunner.run("eval", "bm25", "--dataset", "cranfield", "--out", out.toString());
        assertTrue(again.isOneLineUserError(), again.toString());
        assertTrue(again.err().contains("--overwrite"), again.toString());
        assertEquals(0, CliRunner.run("eval", "bm25", "--dataset", "cranfield", "--out", out.toString(), "--overwrite", "--k1", "1.2", "--b", "0.75").code());
    }

    @Test
    void compareConditionsWithSeeds() throws IOException {
        Path q = tmp.resolve("qrels.tsv");
        StringBuilder qs = new StringBuilder("query-id\tcorpus-id\tscore\n");
        for (int i = 0; i < 12; i++) {
            qs.append("q").append(i).append("\trel").append("\t").append(1 + i % 2).append("\n");
        }
        Files.writeString(q, qs.toString());
        Path[] runs = new Path[3];
        for (int s = 0; s < 3; s++) {
            StringBuilder rs = new StringBuilder();
            for (int i = 0; i < 12; i++) {
                int relRank = 1 + (i + s) % 4;
                for (int r = 1; r <= 5; r++) {
                    rs.append("q").append(i).append(" Q0 ").append(r == relRank ? "rel" : "n" + r).append(" ").append(r).append(" ").append(10 - r).append(" s").append(s).append("\n");
                }
            }
            runs[s] = tmp.resolve("run" + s + ".trec");
            Files.writeString(runs[s], rs.toString());
        }
        Path out = tmp.resolve("cmp");
        CliRunner r = CliRunner.run("eval", "compare", "--qrels", q.toString(), "--metrics", "ndcg@10,mrr@10",
                "--condition", "base=" + runs[0], "--condition", "seeds=" + runs[1] + "," + runs[2], runs[0].toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("paired comparisons (run-and-qrels"), r.out());
        JsonNode j = Json.read(out.resolve("results.json"));
        assertEquals(3, j.at("/conditions").size());
        assertEquals(2, j.at("/conditions/1/seeds").asInt());
        assertEquals(4, j.at("/comparisons/rows").size()); // 2 metrics x 2 comparisons against the baseline
        assertEquals(1.0, j.at("/comparisons/rows/1/p_t_test").asDouble(), 1e-12); // run0.trec equals the baseline
        assertTrue(Files.readString(out.resolve("report.md")).contains("Holm-Bonferroni"));
        // chance baseline of a pool, as a condition with ten seeds
        Path shuffled = tmp.resolve("shuffled");
        CliRunner sh = CliRunner.run("eval", "shuffle", runs[0].toString(), "--top-k", "3", "--seeds", "10", "--out", shuffled.toString());
        assertEquals(0, sh.code(), sh.toString());
        Run s1 = RunFiles.read(shuffled.resolve("random-1.trec"));
        assertEquals(3, s1.ranked("q0").size());
        assertEquals(RunFiles.read(runs[0]).top("q0", 3).stream().map(ScoredDoc::docId).sorted().toList(),
                s1.ranked("q0").stream().map(ScoredDoc::docId).sorted().toList());
        StringBuilder seeds = new StringBuilder("random=");
        for (int s = 1; s <= 10; s++) {
            seeds.append(s == 1 ? "" : ",").append(shuffled.resolve("random-" + s + ".trec"));
        }
        CliRunner chance = CliRunner.run("eval", "compare", "--qrels", q.toString(), "--metrics", "ndcg@10", "--condition", "base=" + runs[0],
                "--condition", seeds.toString(), "--out", tmp.resolve("chance").toString());
        assertEquals(0, chance.code(), chance.toString());
        assertEquals(10, Json.read(tmp.resolve("chance/results.json")).at("/conditions/1/runs").size());
        CliRunner few = CliRunner.run("eval", "compare", runs[0].toString(), "--qrels", q.toString(), "--permutations", "100", "--out", tmp.resolve("x").toString());
        assertTrue(few.isOneLineUserError(), few.toString());
    }

    @Test
    void rerankWithTheImportedModelKeepsTheTopKPool() throws IOException {
        Path model = EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
        Path out = tmp.resolve("rr");
        CliRunner r = CliRunner.run("eval", "rerank", "--model", model.toString(), "--dataset", "cisi", "--split", "test", "--top-k", "3",
                "--max-length", "64", "--metrics", "ndcg@1,ndcg@10", "--out", out.toString());
        assertEquals(0, r.code(), r.toString());
        Run first = RunFiles.read(out.resolve("first-stage.trec"));
        Run rr = RunFiles.read(out.resolve("rerank.trec"));
        assertEquals(first.queryIds(), rr.queryIds());
        for (String q : first.queryIds()) {
            assertEquals(first.ranked(q).stream().map(ScoredDoc::docId).sorted().toList(), rr.ranked(q).stream().map(ScoredDoc::docId).sorted().toList());
            assertTrue(rr.ranked(q).size() <= 3);
        }
        JsonNode j = Json.read(out.resolve("results.json"));
        assertEquals(3, j.at("/conditions").size());
        assertEquals("random order", j.at("/conditions/2/name").asText());
        assertEquals(10, j.at("/conditions/2/seeds").asInt());
        assertEquals(6, j.at("/comparisons/rows").size()); // 2 metrics x 3 pairs
        assertTrue(j.at("/notes").toString().contains("untrained"), j.at("/notes").toString());
        assertEquals(3, j.at("/settings/top_k").asInt());
        assertTrue(j.at("/settings/throughput").asText().contains("pairs/s"));

        // a given first stage: queries not judged in the split are not reranked
        String trainQuery = Files.readAllLines(ProjectPaths.root().resolve("../shared/data/cisi/qrels/train.tsv").normalize()).get(1).split("\t")[0];
        Path given = tmp.resolve("given.trec");
        Files.writeString(given, Files.readString(out.resolve("first-stage.trec")) + trainQuery + " Q0 1 1 5.0 bm25\n");
        Path out2 = tmp.resolve("rr2");
        CliRunner r2 = CliRunner.run("eval", "rerank", "--model", model.toString(), "--dataset", "cisi", "--split", "test", "--run", given.toString(),
                "--top-k", "3", "--max-length", "64", "--metrics", "ndcg@10", "--random-seeds", "0", "--out", out2.toString());
        assertEquals(0, r2.code(), r2.toString());
        Run rr2 = RunFiles.read(out2.resolve("rerank.trec"));
        assertFalse(rr2.contains(trainQuery));
        assertEquals(first.queryIds(), rr2.queryIds());
        for (String q : first.queryIds()) {
            assertEquals(rr.ranked(q), rr2.ranked(q), "same pairs, same scores");
        }
    }

    @Test
    void benchPrintsRates() {
        CliRunner r = CliRunner.run("eval", "bench", "--dataset", "cisi", "--split", "test", "--repeat", "1", "--top-k", "2", "--max-length", "32");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("docs/s") && r.out().contains("queries/s") && r.out().contains("pairs/s"), r.out());
        try (Stream<Path> s = Files.list(ProjectPaths.cache())) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".bench-")), "scratch index removed");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
