package dev.pathway.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestData;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class BatchScorerTest {
    @Test
    void scoresComeBackInInputOrderWhateverTheBatchingAndPasses() {
        CrossEncoder m = ModelFixture.minilm();
        List<String> q = TestData.nfcorpusQueries(20);
        List<String> d = TestData.nfcorpusDocs(20);
        List<PairEncoding> pairs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            pairs.add(m.tokenizer().encodePair(q.get(i), d.get(i), 300 - 13 * i));
        }
        AtomicLong steps = new AtomicLong();
        Progress counting = new Progress() {
            @Override
            public void step(long n) {
                steps.addAndGet(n);
            }

            @Override
            public void close() {}
        };
        float[] batched = new BatchScorer(m, 7).score(pairs, counting);
        assertEquals(20, steps.get());
        for (int i = 0; i < 20; i++) {
            assertEquals(m.score(List.of(pairs.get(i)))[0], batched[i], 1e-5, "pair " + i);
        }
    }

    @Test
    void passesKeepIntermediatesUnderTheBudget() {
        BatchScorer s = new BatchScorer(ModelFixture.minilm(), 32);
        // MiniLM: attention per row at 256 tokens = 4 B x 12 heads x 256 x 256 = 3 MiB -> 5 rows per 16 MiB.
        assertEquals(5, s.rowsPerPass(256));
        assertEquals(32, s.rowsPerPass(64));
        assertEquals(1, s.rowsPerPass(512));
    }
}
