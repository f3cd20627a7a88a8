package dev.pathway.eval.rerank;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.eval.data.Qrels;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.ScoredDoc;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metrics;
import org.junit.jupiter.api.Test;

class RandomOrderTest {
    @Test
    void keepsThePoolIsSeededAndAveragesToChance() {
        Run.Builder b = new Run.Builder("pool");
        Qrels.Builder q = new Qrels.Builder("toy");
        for (int i = 0; i < 200; i++) {
            for (int d = 0; d < 4; d++) {
                b.add("q" + i, "d" + d, 10 - d);
            }
            q.add("q" + i, "d0", 1);
        }
        Run pool = b.build();
        Run r1 = RandomOrder.shuffle(pool, 1, "r");
        assertEquals(pool.queryIds(), r1.queryIds());
        assertEquals(pool.ranked("q0").stream().map(ScoredDoc::docId).sorted().toList(), r1.ranked("q0").stream().map(ScoredDoc::docId).sorted().toList());
        assertEquals(r1.ranked("q5"), RandomOrder.shuffle(pool, 1, "r").ranked("q5"));
        // one relevant document among 4 in random order: E[P@1] = 1/4 (200 queries, sd of the mean about 0.03)
        double p1 = Evaluator.evaluate(r1, q.build(), Metrics.parseList("p@1")).mean("p@1", Averaging.ALL_QRELS);
        assertEquals(0.25, p1, 0.1);
    }
}
