package dev.pathway.editing.causal;

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
import dev.pathway.editing.edit.EmbeddingRows;
import dev.pathway.editing.edit.IncreaseIdf;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.idf.IdfTables;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DocPairExperimentTest {
    static CrossEncoder model;
    static IdfTable msmarco;

    @BeforeAll
    static void load() {
        model = Checkpoints.load(TestModels.minilm(), Device.cpu());
        msmarco = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), model.tokenizer().vocab(), OptionalDouble.of(1.0));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("1", "computer science department number");
        q.put("2", "science fiction books");           // its tok2 "fiction"; reads "science", which query 5 edits
        q.put("3", "aspirin heart attack");
        q.put("4", "vitamin");                         // one word: skipped
        q.put("5", "science museum hours");            // edits "science", which query 2 also edits (same rule: allowed)
        q.put("6", "museum tickets price");            // edits "museum", which query 5 reads
        q.put("7", "\u2603 snow");                     // [UNK]: skipped
        q.put("8", "dogs dogs");                       // shared piece: skipped
        return q;
    }

    @Test
    void samplesFollowTheConstruction() {
        DocPairSamples.Built b = DocPairSamples.build(model.tokenizer(), queries(), 3, 128);
        assertEquals(5, b.samples().size());
        assertEquals(Map.of("4", "fewer than two words", "7", "a word tokenizes to [UNK]", "8", "the first two words share a word piece"), b.skipped());
        DocPairSample s = b.samples().get(0);
        assertEquals("computer", s.word1());
        assertEquals("science", s.word2());
        int computer = model.tokenizer().vocab().id("computer");
        int science = model.tokenizer().vocab().id("science");
        assertArrayEquals(new int[] {computer}, s.tok1Ids());
        assertArrayEquals(new int[] {1}, s.tok1Positions());
        // [CLS] q(4) [SEP] computer computer computer [SEP]
        long[] d1 = s.doc1().ids();
        assertEquals(4 + 3 + 3, d1.length);
        assertEquals(computer, d1[6]);
        assertEquals(computer, d1[8]);
        assertEquals(science, s.doc2().ids()[7]);
        assertThrows(UserInputException.class, () -> DocPairSamples.build(model.tokenizer(), queries(), 0, 128));
    }

    @Test
    void groupsNeverLetAnEditReachAnotherMembersInput() {
        List<DocPairSample> s = DocPairSamples.build(model.tokenizer(), queries(), 3, 128).samples();
        List<List<Integer>> groups = EditGroups.of(s, 32);
        // Samples (by index): 0 computer science, 1 science fiction, 2 aspirin heart, 3 science museum, 4 museum tickets.
        // 3 edits "science", which 0 reads: apart. 1 and 3 both edit "science": may share. 4 edits "museum", which 3 reads: apart.
        int g0 = groupOf(groups, 0);
        int g3 = groupOf(groups, 3);
        int g4 = groupOf(groups, 4);
        assertNotEquals(g0, g3);
        assertNotEquals(g3, g4);
        // Greedy first fit: {0, 2, 4} and {1, 3} (1 and 3 edit the same piece the same way).
        assertEquals(g3, groupOf(groups, 1));
        assertEquals(g0, groupOf(groups, 2));
        assertEquals(g0, g4);
        assertEquals(s.size(), groups.stream().mapToInt(List::size).sum());
    }

    private static int groupOf(List<List<Integer>> groups, int sample) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).contains(sample)) {
                return g;
            }
        }
        throw new AssertionError("sample " + sample + " in no group");
    }

    @Test
    void groupedSweepEqualsEditingEachQueryAlone() {
        float[] before = EmbeddingRows.matrix(model).toFloatArray();
        HeadRef head = new HeadRef(1, 8);
        DocPairExperiment.Config cfg = new DocPairExperiment.Config(List.of("increase"), List.of(5.0, 50.0), head, 3, 128, 4);
        CausalReport r = DocPairExperiment.run(model, msmarco, queries(), "toy", cfg, Progress.Factory.NONE);
        // The model is left exactly as it was.
        assertArrayEquals(before, EmbeddingRows.matrix(model).toFloatArray());
        assertEquals(3, r.rows().size());
        assertEquals("unedited", r.rows().get(0).mode());
        assertEquals(0.0, r.rows().get(0).doc1(), 1e-12);
        assertEquals(head, r.head());

        // Independent computation: edit, score and restore one query at a time, batch of 2.
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, 4), msmarco);
        List<DocPairSample> samples = DocPairSamples.build(model.tokenizer(), queries(), 3, 128).samples();
        double base = 0;
        for (DocPairSample s : samples) {
            base += AttentionProbe.run(model, List.of(s.doc1(), s.doc2()), new int[] {1}).scores()[0];
        }
        base /= samples.size();
        for (int k = 0; k < 2; k++) {
            double scale = k == 0 ? 5 : 50;
            double d1 = 0;
            double d2 = 0;
            double att = 0;
            for (DocPairSample s : samples) {
                U0Change c = U0Editor.plan(svd, s.tok1Ids(), new IncreaseIdf(scale));
                float[][] saved = U0Editor.apply(model, svd, c);
                AttentionProbe.Result p = AttentionProbe.run(model, List.of(s.doc1(), s.doc2()), new int[] {1});
                EmbeddingRows.write(model, c.ids(), saved);
                d1 += p.scores()[0] - base;
                d2 += p.scores()[1] - base;
                double a = 0;
                for (int pos : s.tok1Positions()) {
                    a += p.clsAttention()[0][0][8][pos];
                }
                att += a / s.tok1Positions().length;
            }
            ScaleRow row = r.rows().get(1 + k);
            assertEquals(scale, row.scale());
            assertEquals(d1 / samples.size(), row.doc1(), 1e-5);
            assertEquals(d2 / samples.size(), row.doc2(), 1e-5);
            assertEquals(att / samples.size(), row.attention(), 1e-6);
        }
    }

    @Test
    void increasingIdfRaisesAttentionOfTheMostIdfCorrelatedHead() {
        // A property of the pretrained encoder (not of the random classifier), on the paper's 100
        // MS MARCO queries (the CRLF CSV of the diagnostic files): the head chosen for its
        // IDF-correlated [CLS] attention attends more to tok1 as tok1's IDF is raised, less as lowered.
        Map<String, String> q = QueryFile.read(TestData.file("diagnostic/tfc1_add_qids_with_text.csv"));
        assertEquals(100, q.size());
        assertEquals("dr azadpour phone number", q.get("1101090"));
        DocPairExperiment.Config cfg = new DocPairExperiment.Config(List.of("increase", "decrease"), List.of(50.0), null, 3, 128, 4);
        CausalReport r = DocPairExperiment.run(model, msmarco, q, "toy", cfg, Progress.Factory.NONE);
        assertTrue(r.headRanking().get(0).pearson() > 0.3, "top head r = " + r.headRanking().get(0).pearson());
        assertEquals(r.headRanking().get(0).head(), r.head());
        double unedited = r.rows().get(0).attention();
        assertTrue(r.rows().get(1).attention() > unedited, "increase");
        assertTrue(r.rows().get(2).attention() < unedited, "decrease");
    }

    @Test
    void badConfigurations() {
        assertThrows(UserInputException.class, () -> new DocPairExperiment.Config(List.of("up"), List.of(2.0), null, 3, 128, 4));
        assertThrows(UserInputException.class, () -> new DocPairExperiment.Config(List.of("increase"), List.of(0.0), null, 3, 128, 4));
        assertThrows(UserInputException.class, () -> new DocPairExperiment.Config(List.of("increase"), List.of(Double.NaN), null, 3, 128, 4));
        assertThrows(UserInputException.class, () -> new DocPairExperiment.Config(List.of("increase"), List.of(), null, 3, 128, 4));
        Map<String, String> none = Map.of("1", "vitamin");
        DocPairExperiment.Config cfg = new DocPairExperiment.Config(List.of("increase"), List.of(2.0), null, 3, 128, 4);
        assertThrows(UserInputException.class, () -> DocPairExperiment.run(model, msmarco, none, "toy", cfg, Progress.Factory.NONE));
        assertThrows(UserInputException.class, () -> HeadRef.parse("6.0", model.config()));
        assertThrows(UserInputException.class, () -> HeadRef.parse("x", model.config()));
        assertEquals(new HeadRef(5, 11), HeadRef.parse("5.11", model.config()));
    }
}
