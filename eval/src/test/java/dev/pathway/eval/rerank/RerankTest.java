package dev.pathway.eval.rerank;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.TestData;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Metrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reranking with the imported MiniLM (random head: scores are meaningless but deterministic). */
class RerankTest {
    private static CrossEncoder model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = Checkpoints.load(TestData.minilm(), Device.cpu());
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** A first stage over four real test queries: six docs each, with a score tie. */
    private static Run firstStage(DataSet nf) {
        List<String> qids = new ArrayList<>(nf.qrels("test").queryIds()).subList(0, 4);
        Run.Builder b = new Run.Builder("first");
        for (String q : qids) {
            List<String> judged = new ArrayList<>(nf.qrels("test").judgments(q).keySet());
            for (int i = 0; i < 6; i++) {
                b.add(q, judged.get(i), i < 2 ? 10 : 10 - i);
            }
        }
        return b.build();
    }

    @Test
    void scoresEqualSinglePairForwardOnTitleSpaceText() {
        DataSet nf = TestData.dataSet("nfcorpus", tmp);
        Run first = firstStage(nf);
        RerankOptions opts = new RerankOptions(4, 128, 3);
        RerankCandidates c = RerankCandidates.of(first, opts.topK(), nf.queries(), nf);
        assertEquals(16, c.size());
        Map<String, Document> docs = nf.documents(List.of(c.docId(0), c.docId(5)));
        Run reranked = new Reranker(model, opts).rerank(c, "rr");
        assertEquals(4, reranked.queryIds().size());
        for (int i : new int[] {0, 5}) {
            Document d = docs.get(c.docId(i));
            assertEquals(d.title() + " " + d.text(), c.docText(i));
            float direct = model.score(List.of(model.tokenizer().encodePair(c.queryText(i), d.title() + " " + d.text(), 128)))[0];
            double viaRerank = reranked.ranked(c.queryId(i)).stream().filter(s -> s.docId().equals(c.docId(i))).findFirst().orElseThrow().score();
            assertEquals(direct, viaRerank, 1e-4, "pair " + i);
        }
        // only the first stage's top 4 (trec_eval order: the tie at 10 by docid descending) are kept
        for (String q : first.queryIds()) {
            List<String> expected = first.top(q, 4).stream().map(ScoredDoc::docId).sorted().toList();
            assertEquals(expected, reranked.ranked(q).stream().map(ScoredDoc::docId).sorted().toList());
        }
    }

    @Test
    void evaluatorIsDeterministicAndEncodesOnce() {
        DataSet nf = TestData.dataSet("nfcorpus", tmp);
        RerankEvaluator ev = new RerankEvaluator(nf, "test", firstStage(nf), new RerankOptions(5, 96, 8), Metrics.parseList("ndcg@1,ndcg@10"));
        RerankEvaluator.Result a = ev.evaluate(model);
        RerankEvaluator.Result b = ev.evaluate(model);
        assertSame(ev.candidates().encode(model.tokenizer(), 96), ev.candidates().encode(model.tokenizer(), 96));
        for (String q : a.run().queryIds()) {
            assertEquals(a.run().ranked(q), b.run().ranked(q));
        }
        double v = a.evaluation().mean("ndcg@10", Averaging.RUN_AND_QRELS);
        assertTrue(v > 0 && v <= 1, "every reranked doc is judged relevant here: " + v);
        assertEquals(4, a.evaluation().queryCount(Averaging.RUN_AND_QRELS));
    }

    @Test
    void unknownQueriesAndDocumentsAreUserErrors() {
        DataSet nf = TestData.dataSet("nfcorpus", tmp);
        Run.Builder b = new Run.Builder("bad");
        b.add("NOT-A-QUERY", "MED-10", 1);
        UserInputException e = assertThrows(UserInputException.class, () -> RerankCandidates.of(b.build(), 5, nf.queries(), nf));
        assertTrue(e.getMessage().contains("'NOT-A-QUERY'"), e.getMessage());
        Run.Builder d = new Run.Builder("bad");
        d.add(nf.qrels("test").queryIds().iterator().next(), "MED-NOPE", 1);
        e = assertThrows(UserInputException.class, () -> RerankCandidates.of(d.build(), 5, nf.queries(), nf));
        assertTrue(e.getMessage().contains("'MED-NOPE'"), e.getMessage());
        Map<String, String> q = new LinkedHashMap<>(Map.of("q", "x"));
        assertThrows(UserInputException.class, () -> new RerankOptions(0, 10, 1));
        assertThrows(UserInputException.class, () -> RerankCandidates.of(new Run.Builder("e").ensureQuery("q").build(), 5, q, Map.of()));
    }
}
