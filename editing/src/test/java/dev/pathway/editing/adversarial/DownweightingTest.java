package dev.pathway.editing.adversarial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestData;
import dev.pathway.editing.TestModels;
import dev.pathway.editing.edit.DecreaseIdf;
import dev.pathway.editing.edit.EmbeddingRows;
import dev.pathway.editing.edit.TokenSelection;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.idf.IdfTables;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.eval.rerank.RerankOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownweightingTest {
    static CrossEncoder model;
    static DataSet cranfield;
    static IdfTable msmarco;
    static UnsafeWords ldnoobw;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = Checkpoints.load(TestModels.minilm(), Device.cpu());
        cranfield = DataSets.resolve("cranfield");
        msmarco = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), model.tokenizer().vocab(), OptionalDouble.of(1.0));
        ldnoobw = UnsafeWords.read(TestData.file("ldnoobw/en"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void ldnoobwSingleWordEntries() {
        // 403 entries: 279 single tokens, 124 multi-word phrases (ldnoobw/README.md).
        assertEquals(279, ldnoobw.words().size());
        assertEquals(124, ldnoobw.droppedPhrases());
        TokenSelection sel = TokenSelection.of(model.tokenizer(), ldnoobw.words());
        // The one emoji entry (U+1F595) tokenizes to [UNK].
        assertEquals(List.of("\uD83D\uDD95"), sel.unkWords());
    }

    @Test
    void badWordLists() throws IOException {
        Path empty = tmp.resolve("empty");
        Files.writeString(empty, "\n  \n");
        assertTrue(assertThrows(UserInputException.class, () -> UnsafeWords.read(empty)).getMessage().contains("empty"));
        Path phrases = tmp.resolve("phrases");
        Files.writeString(phrases, "two words\nthree more words\n");
        assertTrue(assertThrows(UserInputException.class, () -> UnsafeWords.read(phrases)).getMessage().contains("multi-word"));
        assertThrows(UserInputException.class, () -> UnsafeWords.read(tmp.resolve("missing")));
        Path latin1 = tmp.resolve("latin1");
        Files.write(latin1, new byte[] {(byte) 0xe9, '\n'});
        assertTrue(assertThrows(UserInputException.class, () -> UnsafeWords.read(latin1)).getMessage().contains("UTF-8"));
    }

    @Test
    void samplesAreSeededAndCarryTheInsertedWord() {
        AdversarialSamples.Config all = new AdversarialSamples.Config("train", 12, -1e9, 7, 128, 16);
        AdversarialSamples.Built a = AdversarialSamples.build(model, cranfield, ldnoobw.words(), all, Progress.Factory.NONE);
        AdversarialSamples.Built b = AdversarialSamples.build(model, cranfield, ldnoobw.words(), all, Progress.Factory.NONE);
        assertEquals(12, a.candidates());
        assertEquals(12, a.samples().size(), "a threshold of -1e9 keeps every candidate");
        assertTrue(a.available() > 500, "cranfield train has " + a.available() + " relevant pairs");
        for (int i = 0; i < 12; i++) {
            AdversarialSample x = a.samples().get(i);
            AdversarialSample y = b.samples().get(i);
            assertEquals(List.of(x.queryId(), x.docId(), x.word(), x.wordPosition()), List.of(y.queryId(), y.docId(), y.word(), y.wordPosition()));
            assertArrayEquals(x.unsafe().ids(), y.unsafe().ids());
            assertEquals(x.unsafeScore(), y.unsafeScore());
            long[] wordIds = model.tokenizer().ids(x.word());
            // Even at max length 128 the inserted word is inside the part the model sees.
            assertTrue(contains(x.unsafe().ids(), wordIds), "unsafe pair holds the pieces of " + x.word());
            assertEquals(x.clean().queryLength(), x.unsafe().queryLength());
        }
        AdversarialSamples.Built c = AdversarialSamples.build(model, cranfield, ldnoobw.words(),
                new AdversarialSamples.Config("train", 12, -1e9, 8, 128, 16), Progress.Factory.NONE);
        assertNotEquals(a.samples().stream().map(AdversarialSample::docId).toList(), c.samples().stream().map(AdversarialSample::docId).toList());
        // The threshold keeps exactly the samples whose score rose by more than it.
        AdversarialSamples.Built kept = AdversarialSamples.build(model, cranfield, ldnoobw.words(),
                new AdversarialSamples.Config("train", 12, 0.0, 7, 128, 16), Progress.Factory.NONE);
        long rising = a.samples().stream().filter(x -> x.rise() > 0).count();
        assertEquals(rising, kept.samples().size());
    }

    @Test
    void retentionRescoringOnlyTouchedPairsEqualsAFullRerank() {
        RerankEvaluator ev = RerankEvaluator.overBm25(cranfield, "test", new RerankOptions(3, 96, 16), Metrics.parseList("ndcg@10"));
        RetentionEvaluator retention = new RetentionEvaluator(ev, model, 96, 16, Progress.Factory.NONE);
        double fullUnedited = ev.evaluate(model).evaluation().mean("ndcg@10", Averaging.RUN_AND_QRELS);
        assertEquals(fullUnedited, retention.baselineNdcg(), 1e-9);
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, 2), msmarco);
        // Down-weight common words so that many pairs are touched and the ranking really changes.
        TokenSelection sel = TokenSelection.of(model.tokenizer(), List.of("flow", "pressure", "boundary"));
        U0Change change = U0Editor.plan(svd, sel.ids(), new DecreaseIdf(500));
        float[][] saved = U0Editor.apply(model, svd, change);
        try {
            Set<Integer> ids = new HashSet<>();
            for (int id : change.ids()) {
                ids.add(id);
            }
            RetentionEvaluator.Outcome o = retention.evaluate(model, ids, Progress.Factory.NONE);
            double full = ev.evaluate(model).evaluation().mean("ndcg@10", Averaging.RUN_AND_QRELS);
            assertTrue(o.rescoredPairs() > 0 && o.rescoredPairs() < retention.pairs(), o.rescoredPairs() + " of " + retention.pairs());
            assertEquals(full, o.ndcg10(), 1e-9);
            assertNotEquals(retention.baselineNdcg(), o.ndcg10());
        } finally {
            EmbeddingRows.write(model, change.ids(), saved);
        }
    }

    @Test
    void sweepCountsSuccessesAndLeavesTheModelUnedited() throws IOException {
        float[] before = EmbeddingRows.matrix(model).toFloatArray();
        Downweighting.Config cfg = new Downweighting.Config("train", "test", List.of(10.0, 1200.0), 10, -1e9, 3, 96, 16, 3, 2);
        DownweightReport r = Downweighting.run(model, cranfield, ldnoobw, msmarco, cfg, Progress.Factory.NONE);
        assertArrayEquals(before, EmbeddingRows.matrix(model).toFloatArray());
        assertEquals(2, r.rows().size());
        for (SweepRow row : r.rows()) {
            assertEquals(10, row.samples());
            assertEquals((double) row.successes() / 10, row.successRate(), 1e-12);
            assertEquals(row.ndcg10() / r.baselineNdcg(), row.retention(), 1e-12);
        }
        // Independent count at S = 1200: edit, score each sample's two pairs, compare.
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, 2), msmarco);
        U0Change change = U0Editor.plan(svd, r.pieces().ids(), new DecreaseIdf(1200));
        float[][] saved = U0Editor.apply(model, svd, change);
        int ok = 0;
        for (AdversarialSample s : r.samples().samples()) {
            float[] sc = model.score(List.of(s.clean(), s.unsafe()));
            ok += sc[1] < sc[0] ? 1 : 0;
        }
        EmbeddingRows.write(model, change.ids(), saved);
        assertEquals(ok, r.rows().get(1).successes());
        r.write(tmp.resolve("report"));
        assertTrue(Files.size(tmp.resolve("report").resolve(DownweightReport.PNG)) > 1000);
        assertTrue(Files.readString(tmp.resolve("report").resolve(DownweightReport.TSV)).startsWith("scale\tsamples"));
    }

    @Test
    void noSurvivingSampleIsAnError() {
        Downweighting.Config cfg = new Downweighting.Config("train", "test", List.of(10.0), 4, 1e9, 3, 96, 16, 3, 2);
        UserInputException e = assertThrows(UserInputException.class,
                () -> Downweighting.run(model, cranfield, ldnoobw, msmarco, cfg, Progress.Factory.NONE));
        assertTrue(e.getMessage().contains("no adversarial samples"), e.getMessage());
        assertThrows(UserInputException.class, () -> new Downweighting.Config("train", "test", List.of(0.0), 4, 0, 3, 96, 16, 3, 2));
        assertThrows(UserInputException.class, () -> new Downweighting.Config("train", "test", List.of(Double.NaN), 4, 0, 3, 96, 16, 3, 2));
    }

    @Test
    void visibleWordsStopAtTheTruncation() {
        String text = "alpha beta gamma delta epsilon";
        List<int[]> spans = AdversarialSamples.wordSpans("  alpha beta\ngamma  delta epsilon ");
        assertEquals(5, spans.size());
        assertArrayEquals(new int[] {2, 7}, spans.get(0));
        // Query "q" (1 piece): [CLS] q [SEP] ... [SEP] leaves maxLength - 4 pieces; the word takes 1.
        var tok = model.tokenizer();
        List<int[]> s5 = AdversarialSamples.wordSpans(text);
        assertEquals(5, AdversarialSamples.visibleWords(tok, "q", text, s5, 1, 64));
        assertEquals(2, AdversarialSamples.visibleWords(tok, "q", text, s5, 1, 7));
        assertEquals(0, AdversarialSamples.visibleWords(tok, "q", text, s5, 1, 5));
        assertEquals(-1, AdversarialSamples.visibleWords(tok, "q", text, s5, 2, 5));
    }

    private static boolean contains(long[] hay, long[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
