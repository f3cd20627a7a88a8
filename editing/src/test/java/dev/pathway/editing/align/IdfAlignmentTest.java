package dev.pathway.editing.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestData;
import dev.pathway.editing.TestModels;
import dev.pathway.editing.edit.EmbeddingRows;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.idf.IdfTables;
import dev.pathway.editing.svd.SvdTriplets;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdfAlignmentTest {
    @TempDir
    Path tmp;

    static final double NaN = Double.NaN;

    /** U0 over 4 tokens; token 3 has no target IDF. */
    static SvdTriplets toy() {
        return new SvdTriplets(new double[] {2}, new double[][] {{0.3, 0.1, 0.2, 0.9}}, new double[][] {{1}});
    }

    @Test
    void zscoreRuleByHand() {
        // t = -idf = {-1, -2, -3}: mean -2, sd 1. U0 over the same tokens: mean 0.2, sd 0.1.
        U0Change c = new ZScoreAlignment().plan(toy(), new IdfTable(new double[] {1, 2, 3, NaN}, "toy", "toy"));
        assertArrayEquals(new int[] {0, 1, 2}, c.ids());
        assertArrayEquals(new double[] {0.3, 0.2, 0.1}, c.newU0(), 1e-12);
        assertArrayEquals(new double[] {0.3, 0.1, 0.2}, c.oldU0(), 1e-12);
    }

    @Test
    void regressionRuleByHand() {
        // Source IDF {1, 2, 3, 4} against U0 {0.3, 0.1, 0.2, 0.9}: least squares: mean x 2.5, mean y 0.375, Sxy 0.95, Sxx 5, so b = 0.19 and a = -0.1.
        IdfTable source = new IdfTable(new double[] {1, 2, 3, 4}, "src", "src");
        RegressionAlignment m = new RegressionAlignment(source);
        U0Change c = m.plan(toy(), new IdfTable(new double[] {NaN, 10, NaN, 0}, "toy", "toy"));
        assertArrayEquals(new int[] {1, 3}, c.ids());
        assertArrayEquals(new double[] {-0.1 + 1.9, -0.1}, c.newU0(), 1e-12);
        assertEquals(0.19, m.params().path("fit").path("slope").asDouble(), 1e-12);
    }

    @Test
    void constantTargetIdfIsAnError() {
        assertThrows(UserInputException.class,
                () -> new ZScoreAlignment().plan(toy(), new IdfTable(new double[] {2, 2, 2, NaN}, "toy", "toy")));
    }

    @Test
    void aligningMiniLmToNfcorpus() {
        try (CrossEncoder m = Checkpoints.load(TestModels.minilm(), Device.cpu())) {
            IdfTable target = IdfSources.corpus(DataSets.resolve("nfcorpus"), m.tokenizer(), IdfFormula.LUCENE);
            float[] before = EmbeddingRows.matrix(m).toFloatArray();
            IdfAlignment.Result r = IdfAlignment.align(m, target, new ZScoreAlignment());
            float[] after = EmbeddingRows.matrix(m).toFloatArray();
            int d = m.config().hiddenSize();
            assertEquals(target.knownCount(), r.tokensEdited());
            // Rows without a target IDF keep their exact bits; rows with one move.
            int changed = 0;
            for (int id = 0; id < target.vocabSize(); id++) {
                boolean same = true;
                for (int j = 0; j < d; j++) {
                    same &= Float.floatToRawIntBits(before[id * d + j]) == Float.floatToRawIntBits(after[id * d + j]);
                }
                if (!target.known(id)) {
                    assertTrue(same, "row " + id + " has no target IDF but changed");
                } else if (!same) {
                    changed++;
                }
            }
            assertTrue(changed > 0.99 * target.knownCount(), "changed " + changed);
            assertEquals(-1.0, r.pearsonAssigned(), 1e-9);
            assertTrue(r.pearsonBefore() < 0);
            // The edited matrix's own top direction now follows the target IDF much more closely.
            assertTrue(r.pearsonRecomputed() < r.pearsonBefore() - 0.3, r.pearsonBefore() + " -> " + r.pearsonRecomputed());
            assertEquals("zscore", r.operation().path("method").path("method").asText());
            assertTrue(r.operation().path("method").path("statistics_over").asText().contains(String.valueOf(target.knownCount())));
        }
    }

    @Test
    void targetOfAnotherVocabularyIsAnError() {
        try (CrossEncoder m = Checkpoints.load(TestModels.minilm(), Device.cpu())) {
            IdfTable small = new IdfTable(new double[] {1, 2, 3}, "toy", "toy");
            assertThrows(UserInputException.class, () -> IdfAlignment.align(m, small, new ZScoreAlignment()));
            // And a table file of another tokenizer fails when read.
            IdfTable ok = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), m.tokenizer().vocab(), OptionalDouble.of(1.0));
            assertFalse(ok.known((int) m.tokenizer().unkId()));
        }
    }

    @Test
    void corpusWithoutDocumentsIsAnError() throws IOException {
        Path dir = tmp.resolve("empty-set");
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("corpus.jsonl"), "\n");
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\": \"1\", \"text\": \"q\"}\n");
        try (CrossEncoder m = Checkpoints.load(TestModels.minilm(), Device.cpu())) {
            DataSet empty = DataSet.open(dir);
            UserInputException e = assertThrows(UserInputException.class, () -> IdfSources.corpus(empty, m.tokenizer(), IdfFormula.LUCENE));
            assertTrue(e.getMessage().contains("no documents"), e.getMessage());
        }
    }
}
