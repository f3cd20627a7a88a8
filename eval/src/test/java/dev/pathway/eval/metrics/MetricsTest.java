package dev.pathway.eval.metrics;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed trec_eval values: graded labels, ties, unjudged documents, queries without relevant documents. */
class MetricsTest {
    private static final double EPS = 1e-12;

    private static double lg(int x) {
        return Math.log(x) / Math.log(2);
    }

    private static Qrels qrels() {
        Qrels.Builder b = new Qrels.Builder("toy");
        // q1: graded; d5 is judged non-relevant; d9 is relevant but never retrieved
        b.add("q1", "d1", 2);
        b.add("q1", "d3", 1);
        b.add("q1", "d5", 0);
        b.add("q1", "d9", 1);
        // q2: judged, but nothing relevant
        b.add("q2", "d1", 0);
        // q3: in the qrels, missing from the run
        b.add("q3", "d7", 1);
        return b.build();
    }

    private static Run run() {
        Run.Builder b = new Run.Builder("toy");
        // q1 in trec_eval order: d3 (3.0), d5 (2.0) , then the tie at 1.0 sorted by docid descending:
        // dX (unjudged), d1 -> ranks: d3, d5, dX, d1
        b.add("q1", "d1", 1.0);
        b.add("q1", "d3", 3.0);
        b.add("q1", "dX", 1.0);
        b.add("q1", "d5", 2.0);
        b.add("q2", "d1", 5.0);
        b.add("q2", "d2", 4.0);
        // q4: not in the qrels, ignored
        b.add("q4", "d1", 1.0);
        return b.build();
    }

    @Test
    void tieOrderIsScoreThenDocidDescending() {
        assertEquals(List.of("d3", "d5", "dX", "d1"), run().ranked("q1").stream().map(d -> d.docId()).toList());
    }

    @Test
    void ndcgWithGradesTiesAndUnjudged() {
        JudgedRanking r = JudgedRanking.of(run().ranked("q1"), qrels().judgments("q1"));
        // grades by rank: d3=1, d5=0, dX=unjudged(0), d1=2 ; ideal: 2,1,1
        double dcg10 = 1 / lg(2) + 2 / lg(5);
        double idcg10 = 2 / lg(2) + 1 / lg(3) + 1 / lg(4);
        assertEquals(dcg10 / idcg10, new Ndcg(10).compute(r), EPS);
        assertEquals(0.5, new Ndcg(1).compute(r), EPS); // 1 / 2
        double dcg3 = 1 / lg(2);
        double idcg3 = 2 / lg(2) + 1 / lg(3) + 1 / lg(4);
        assertEquals(dcg3 / idcg3, new Ndcg(3).compute(r), EPS);
        assertEquals(dcg10 / idcg10, new Ndcg(Metric.NO_CUTOFF).compute(r), EPS);
    }

    @Test
    void rankBasedMetrics() {
        JudgedRanking r = JudgedRanking.of(run().ranked("q1"), qrels().judgments("q1"));
        assertEquals(3, r.relevant());
        assertEquals(1.0, new ReciprocalRank(10).compute(r), EPS);
        assertEquals(1.0 / 3, new Recall(1).compute(r), EPS);
        assertEquals(1.0 / 3, new Recall(3).compute(r), EPS);
        assertEquals(2.0 / 3, new Recall(4).compute(r), EPS);
        assertEquals(2.0 / 3, new Recall(100).compute(r), EPS);
        assertEquals(1.0, new Precision(1).compute(r), EPS);
        assertEquals(1.0 / 3, new Precision(3).compute(r), EPS);
        assertEquals(2.0 / 10, new Precision(10).compute(r), EPS); // divided by k even with 4 retrieved
        // AP: relevant at ranks 1 and 4: (1/1 + 2/4) / 3 relevant judged (d9 never retrieved)
        assertEquals((1.0 + 0.5) / 3, new AveragePrecision(10).compute(r), EPS);
        assertEquals(1.0 / 3, new AveragePrecision(3).compute(r), EPS);
    }

    @Test
    void reciprocalRankIsCut() {
        JudgedRanking r = JudgedRanking.of(new int[] {0, 0, 1}, new int[] {1});
        assertEquals(1.0 / 3, new ReciprocalRank(3).compute(r), EPS);
        assertEquals(0.0, new ReciprocalRank(2).compute(r), EPS);
        assertEquals(1.0 / 3, new ReciprocalRank(Metric.NO_CUTOFF).compute(r), EPS);
    }

    @Test
    void queryWithoutRelevantDocumentsScoresZeroEverywhere() {
        JudgedRanking r = JudgedRanking.of(run().ranked("q2"), qrels().judgments("q2"));
        for (Metric m : Metrics.parseList("ndcg@10,mrr@10,recall@10,p@1,map@10,ndcg")) {
            assertEquals(0.0, m.compute(r), EPS, m.name());
        }
    }

    @Test
    void bothAveragingModes() {
        Evaluation e = Evaluator.evaluate(run(), qrels(), Metrics.parseList("ndcg@1,p@1"));
        // q1: ndcg@1 = 0.5, p@1 = 1 ; q2: 0, 0 ; q3 (missing): 0, 0 ; q4 ignored
        assertEquals(List.of("q1", "q2"), e.queries(Averaging.RUN_AND_QRELS));
        assertEquals(List.of("q1", "q2", "q3"), e.queries(Averaging.ALL_QRELS));
        assertEquals(0.25, e.mean("ndcg@1", Averaging.RUN_AND_QRELS), EPS);
        assertEquals(0.5 / 3, e.mean("ndcg@1", Averaging.ALL_QRELS), EPS);
        assertEquals(0.5, e.mean("p@1", Averaging.RUN_AND_QRELS), EPS);
        assertEquals(1.0 / 3, e.mean("p@1", Averaging.ALL_QRELS), EPS);
        assertEquals(List.of("q3"), e.missingFromRun());
        assertEquals(1, e.ignoredRunQueries());
        assertEquals(0.0, e.value("ndcg@1", "q3"), EPS);
        assertEquals(2, e.perQuery("p@1", Averaging.RUN_AND_QRELS).size());
    }

    @Test
    void binaryNdcgMatchesTheClosedForm() {
        // relevant at ranks 2 and 5 of 5 relevant: DCG = 1/log2(3) + 1/log2(6)
        JudgedRanking r = JudgedRanking.of(new int[] {0, 1, 0, 0, 1}, new int[] {1, 1, 1, 1, 1, 0, 0});
        double idcg = 0;
        for (int i = 1; i <= 5; i++) {
            idcg += 1 / lg(i + 1);
        }
        assertEquals((1 / lg(3) + 1 / lg(6)) / idcg, new Ndcg(10).compute(r), EPS);
        // ideal cut at k=2 as well
        assertEquals((1 / lg(3)) / (1 + 1 / lg(3)), new Ndcg(2).compute(r), EPS);
    }

    @Test
    void negativeGradesCountAsNonRelevant() {
        JudgedRanking r = JudgedRanking.of(new int[] {-1, 2}, new int[] {-1, 2});
        assertEquals(1, r.relevant());
        assertEquals((2 / lg(3)) / 2, new Ndcg(10).compute(r), EPS);
    }

    @Test
    void noSharedQueryIsAUserError() {
        Run.Builder b = new Run.Builder("other");
        b.add("zz", "d1", 1);
        UserInputException e = assertThrows(UserInputException.class, () -> Evaluator.evaluate(b.build(), qrels(), List.of(new Ndcg(10))));
        assertTrue(e.getMessage().contains("shares no query"), e.getMessage());
    }

    @Test
    void parsingNamesAndAliases() {
        assertEquals("ndcg@10", Metrics.parse("ndcg_cut.10").name());
        assertEquals("ndcg@10", Metrics.parse("NDCG@10").name());
        assertEquals("ndcg@10", Metrics.parse("ndcg_cut_10").name());
        assertEquals("p@5", Metrics.parse("P.5").name());
        assertEquals("p@5", Metrics.parse("precision@5").name());
        assertEquals("mrr@10", Metrics.parse("rr@10").name());
        assertEquals("mrr", Metrics.parse("recip_rank").name());
        assertEquals("map@100", Metrics.parse("map_cut.100").name());
        assertEquals("recall@100", Metrics.parse("recall_100").name());
        assertEquals(List.of("ndcg@1", "ndcg@10"), Metrics.parseList("ndcg@1, ndcg@10,ndcg_cut.10").stream().map(Metric::name).toList());
        assertThrows(UserInputException.class, () -> Metrics.parse("bleu@4"));
        assertThrows(UserInputException.class, () -> Metrics.parse("recall"));
        assertThrows(UserInputException.class, () -> Metrics.parse("ndcg@0"));
        assertThrows(UserInputException.class, () -> Metrics.parseList(" "));
        assertEquals(Averaging.ALL_QRELS, Averaging.parse("trec-eval-c"));
        assertEquals(Averaging.RUN_AND_QRELS, Averaging.parse("beir"));
        assertThrows(UserInputException.class, () -> Averaging.parse("median"));
    }
}
