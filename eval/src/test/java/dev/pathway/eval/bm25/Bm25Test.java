package dev.pathway.eval.bm25;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.TestData;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Bm25Test {
    @TempDir
    Path tmp;

    private DataSet toy(String corpus) throws IOException {
        Path dir = tmp.resolve("toy");
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), corpus);
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"the cat's cats\"}\n{\"_id\":\"q2\",\"text\":\"the and of\"}\n");
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n");
        return DataSet.open(dir);
    }

    @Test
    void scoresFollowTheBm25FormulaWithPorterStemmingAndQueryTermCounts() throws IOException {
        DataSet ds = toy("{\"_id\":\"d1\",\"title\":\"Cats\",\"text\":\"a cat sat\"}\n"
                + "{\"_id\":\"d2\",\"title\":\"\",\"text\":\"dogs bark at dogs and birds\"}\n"
                + "{\"_id\":\"d3\",\"title\":\"Cat\",\"text\":\"cat cat food\"}\n");
        try (Bm25Index index = Bm25Index.openOrBuild(ds, tmp.resolve("cache"))) {
            assertEquals(3, index.documentCount());
            // analysed lengths: d1 "cat cat sat" = 3 ("a" is a stop word), d2 "dog bark dog bird" = 4, d3 "cat cat cat food" = 4
            // query "the cat's cats" -> [cat, cat]: one term with boost 2
            float k1 = 0.9f;
            float b = 0.4f;
            double avgdl = (3 + 4 + 4) / 3.0;
            double idf = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
            double s1 = 2 * idf * 2 / (2 + k1 * (1 - b + b * 3 / avgdl));
            double s3 = 2 * idf * 3 / (3 + k1 * (1 - b + b * 4 / avgdl));
            List<ScoredDoc> hits = index.search("the cat's cats", Bm25Params.ANSERINI, 10);
            assertEquals(List.of("d3", "d1"), hits.stream().map(ScoredDoc::docId).toList());
            assertEquals(s3, hits.get(0).score(), 1e-5);
            assertEquals(s1, hits.get(1).score(), 1e-5);
            // other parameters at search time, same index
            List<ScoredDoc> flat = index.search("cat", new Bm25Params(1.2f, 0f), 10);
            double idf1 = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
            assertEquals(idf1 * 3 / (3 + 1.2), flat.get(0).score(), 1e-5);
            // multifield: BM25 on title plus BM25 on text, each with its own statistics. Lucene counts only documents
            // that have the field: title has 2 (d2's is empty, lengths 1 and 1), text has 3 (lengths 2, 4, 3).
            List<ScoredDoc> multi = index.search("cats", new Bm25Params(k1, b, Bm25Params.Fields.MULTIFIELD), 10);
            double idfTitle = Math.log(1 + (2 - 2 + 0.5) / (2 + 0.5));
            double idfText = Math.log(1 + (3 - 2 + 0.5) / (2 + 0.5));
            double avgTitle = 1.0;
            double avgText = (2 + 4 + 3) / 3.0;
            double d3 = idfTitle * 1 / (1 + k1 * (1 - b + b * 1 / avgTitle)) + idfText * 2 / (2 + k1 * (1 - b + b * 3 / avgText));
            double d1 = idfTitle * 1 / (1 + k1 * (1 - b + b * 1 / avgTitle)) + idfText * 1 / (1 + k1 * (1 - b + b * 2 / avgText));
            assertEquals(List.of("d3", "d1"), multi.stream().map(ScoredDoc::docId).toList());
            assertEquals(d3, multi.get(0).score(), 1e-5);
            assertEquals(d1, multi.get(1).score(), 1e-5);
            // stop words only: nothing to search, the query is left out of the run
            Run run = index.search(ds.queries("test"), Bm25Params.ANSERINI, 10, "bm25");
            assertTrue(run.ranked("q2").isEmpty());
            assertFalse(run.contains("q2"));
            assertEquals(2, run.ranked("q1").size());
        }
    }

    @Test
    void indexIsCachedByCorpusChecksum() throws IOException {
        DataSet ds = toy("{\"_id\":\"d1\",\"text\":\"cat\"}\n{\"_id\":\"d2\",\"text\":\"dog\"}\n");
        Path cache = tmp.resolve("cache");
        Path dir;
        try (Bm25Index a = Bm25Index.openOrBuild(ds, cache)) {
            dir = a.directory();
            assertEquals(Bm25Index.cacheDir(cache, ds.corpusSha256()), dir);
        }
        long modified = Files.getLastModifiedTime(dir).toMillis();
        try (Bm25Index again = Bm25Index.openOrBuild(ds, cache)) {
            assertEquals(dir, again.directory());
        }
        assertEquals(modified, Files.getLastModifiedTime(dir).toMillis());
        try (Stream<Path> s = Files.list(cache)) {
            assertEquals(1, s.count());
        }
    }

    @Test
    void emptyCorpusAndDuplicateIdsLeaveNoIndex() throws IOException {
        Path cache = tmp.resolve("cache");
        DataSet empty = toy("\n");
        UserInputException e = assertThrows(UserInputException.class, () -> Bm25Index.openOrBuild(empty, cache));
        assertTrue(e.getMessage().endsWith("empty corpus (no documents)"), e.getMessage());
        DataSet dup = toy("{\"_id\":\"d1\",\"text\":\"cat\"}\n{\"_id\":\"d1\",\"text\":\"dog\"}\n");
        e = assertThrows(UserInputException.class, () -> Bm25Index.openOrBuild(dup, cache));
        assertTrue(e.getMessage().contains(":2: duplicate document id d1"), e.getMessage());
        if (Files.exists(cache)) {
            try (Stream<Path> s = Files.list(cache)) {
                assertEquals(0, s.count());
            }
        }
    }

    @Test
    void nfcorpusTestMatchesAnseriniFlatBaseline() {
        DataSet nf = TestData.dataSet("nfcorpus", tmp.resolve("ds"));
        try (Bm25Index index = Bm25Index.openOrBuild(nf, tmp.resolve("cache"))) {
            assertEquals(3633, index.documentCount());
            Run run = index.search(nf.queries("test"), Bm25Params.ANSERINI, 1000, "bm25");
            Evaluation e = Evaluator.evaluate(run, nf.qrels("test"), Metrics.parseList("ndcg@10,ndcg@1,recall@100"));
            // 15 single-word test queries (e.g. "okra", "Zoloft") match no indexed term and retrieve nothing:
            // they score 0 under trec_eval -c and are left out by BEIR-style averaging.
            assertEquals(15, e.missingFromRun().size());
            assertEquals(308, e.queryCount(Averaging.RUN_AND_QRELS));
            assertEquals(323, e.queryCount(Averaging.ALL_QRELS));
            double all = e.mean("ndcg@10", Averaging.ALL_QRELS);
            assertEquals(all * 323 / 308, e.mean("ndcg@10", Averaging.RUN_AND_QRELS), 1e-12);
            // Anserini's BEIR "flat" BM25 on NFCorpus (trec_eval -c): nDCG@10 = 0.3218
            assertEquals(0.3218, all, 0.004, "nDCG@10 " + all);
            // ... and R@100 = 0.2457, which we match to the published digits
            assertEquals(0.2457, e.mean("recall@100", Averaging.ALL_QRELS), 0.00006);
            Run multi = index.search(nf.queries("test"), new Bm25Params(0.9f, 0.4f, Bm25Params.Fields.MULTIFIELD), 1000, "bm25mf");
            double mf = Evaluator.evaluate(multi, nf.qrels("test"), Metrics.parseList("ndcg@10")).mean("ndcg@10", Averaging.ALL_QRELS);
            // Anserini's BEIR "multifield" BM25 on NFCorpus: nDCG@10 = 0.3254
            assertEquals(0.3254, mf, 0.006, "multifield nDCG@10 " + mf);
            System.out.println("nfcorpus test BM25: multifield all-qrels nDCG@10 " + mf + "; flat " + e.means(Averaging.RUN_AND_QRELS) + " / all-qrels " + e.means(Averaging.ALL_QRELS));
        }
    }
}
