package dev.pathway.editing.edit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.checkpoint.RawTensor;
import dev.pathway.core.checkpoint.SafeTensors;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestData;
import dev.pathway.editing.TestModels;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.idf.IdfTables;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.editing.svd.IdfOrientation;
import dev.pathway.editing.svd.SvdTriplets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenIdfDialTest {
    static CrossEncoder model;
    static IdfTable msmarco;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = Checkpoints.load(TestModels.minilm(), Device.cpu());
        msmarco = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), model.tokenizer().vocab(), OptionalDouble.of(1.0));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    @Test
    void editedCheckpointChangesOnlyU0OfTheEditedRows() throws Exception {
        Path parent = TestModels.minilm();
        Path out = tmp.resolve("edited");
        try (CrossEncoder m = Checkpoints.load(parent, Device.cpu())) {
            TokenIdfDial.Result r = TokenIdfDial.apply(m, msmarco, List.of("aspirin", "cholesterol", "hypertension"), RuleFactory.increase(5), 8);
            EditCheckpoints.save(m, parent, out, false, TokenIdfDial.KIND, r.operation(), null);
            verifyOnDisk(parent, out, r);
        }
    }

    private void verifyOnDisk(Path parent, Path out, TokenIdfDial.Result r) {
        Map<String, RawTensor> before = Checkpoints.readWeights(parent);
        Map<String, RawTensor> after = Checkpoints.readWeights(out);
        assertEquals(before.keySet(), after.keySet());
        for (String name : before.keySet()) {
            if (!name.equals(EmbeddingSvd.WORD_EMBEDDINGS)) {
                assertEquals(before.get(name).data(), after.get(name).data(), "bit-identical " + name);
            }
        }
        float[] w0 = floats(before.get(EmbeddingSvd.WORD_EMBEDDINGS));
        float[] w1 = floats(after.get(EmbeddingSvd.WORD_EMBEDDINGS));
        int d = (int) before.get(EmbeddingSvd.WORD_EMBEDDINGS).shape()[1];
        Set<Integer> edited = Arrays.stream(r.change().ids()).boxed().collect(Collectors.toSet());
        SvdTriplets svd = r.svd();
        int changedRows = 0;
        for (int row = 0; row < w0.length / d; row++) {
            boolean same = true;
            for (int j = 0; j < d; j++) {
                if (Float.floatToRawIntBits(w0[row * d + j]) != Float.floatToRawIntBits(w1[row * d + j])) {
                    same = false;
                    break;
                }
            }
            if (!same) {
                changedRows++;
                assertTrue(edited.contains(row), "row " + row + " changed but was not edited");
            }
        }
        assertEquals(edited.size(), changedRows);
        // On disk, each edited row's coordinate on v0 is sigma0 * u0' and on v1..v7 is unchanged.
        for (int i = 0; i < r.change().size(); i++) {
            int t = r.change().ids()[i];
            double newU0 = r.change().newU0()[i];
            assertEquals(-5 * Math.abs(r.change().oldU0()[i]), newU0, 1e-15);
            assertEquals(newU0, project(w1, t, d, svd.v(0)) / svd.sigma(0), 1e-5 * Math.abs(newU0));
            for (int k = 1; k < svd.k(); k++) {
                assertEquals(project(w0, t, d, svd.v(k)), project(w1, t, d, svd.v(k)), 1e-5, "v" + k);
            }
        }
        // pathway.json lists the edit and names the parent by its weights hash.
        JsonNode prov = Json.read(out.resolve(Provenance.FILE));
        assertEquals(Checkpoints.weightsSha256(parent), prov.path("parent").path("weights_sha256").asText());
        JsonNode op = prov.path("operations").get(prov.path("operations").size() - 1);
        assertEquals(TokenIdfDial.KIND, op.path("kind").asText());
        assertEquals("increase", op.path("params").path("rule").path("rule").asText());
        assertEquals(5.0, op.path("params").path("rule").path("scale").asDouble());
        assertEquals("aspirin", op.path("params").path("words").get(0).asText());
        assertTrue(op.path("params").path("svd").path("u0_idf_pearson").asDouble() <= 0);
        assertEquals(r.change().size(), op.path("params").path("changes").size());
    }

    @Test
    void restoringTheRowsGivesBackTheExactMatrix() {
        float[] original = EmbeddingRows.matrix(model).toFloatArray();
        SvdTriplets svd = IdfOrientation.orient(EmbeddingSvd.of(model, 4), msmarco);
        TokenSelection sel = TokenSelection.of(model.tokenizer(), List.of("vitamin", "tokenization"));
        U0Change c = U0Editor.plan(svd, sel.ids(), new DecreaseIdf(40));
        float[][] saved = U0Editor.apply(model, svd, c);
        assertFalse(Arrays.equals(original, EmbeddingRows.matrix(model).toFloatArray()));
        EmbeddingRows.write(model, c.ids(), saved);
        assertArrayEquals(original, EmbeddingRows.matrix(model).toFloatArray());
    }

    @Test
    void bulkAndRowWritesAgree() {
        float[] original = EmbeddingRows.matrix(model).toFloatArray();
        int d = model.config().hiddenSize();
        int[] many = new int[300];
        float[][] rows = new float[300][];
        for (int i = 0; i < many.length; i++) {
            many[i] = 2000 + 3 * i;
            rows[i] = new float[d];
            Arrays.fill(rows[i], i);
        }
        float[][] saved = EmbeddingRows.read(model, many);
        EmbeddingRows.write(model, many, rows);
        float[] now = EmbeddingRows.matrix(model).toFloatArray();
        assertEquals(5f, now[(2000 + 15) * d + 7]);
        assertEquals(original[2001 * d], now[2001 * d]);
        EmbeddingRows.write(model, many, saved);
        assertArrayEquals(original, EmbeddingRows.matrix(model).toFloatArray());
    }

    @Test
    void unknownWordsAreListedAndEmptyListsRejected() {
        TokenSelection sel = TokenSelection.of(model.tokenizer(), List.of("aspirin", "\u2603", " ", "tokenization"));
        assertEquals(List.of("aspirin", "\u2603", "tokenization"), sel.words());
        assertEquals(List.of("\u2603"), sel.unkWords());
        assertTrue(sel.piecesByWord().get("tokenization").size() > 1);
        assertFalse(Arrays.stream(sel.ids()).anyMatch(id -> id == model.tokenizer().unkId()));
        UserInputException empty = assertThrows(UserInputException.class, () -> TokenSelection.of(model.tokenizer(), List.of(" ", "")));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        UserInputException allUnk = assertThrows(UserInputException.class, () -> TokenSelection.of(model.tokenizer(), List.of("\u2603")));
        assertTrue(allUnk.getMessage().contains("[UNK]"), allUnk.getMessage());
    }

    static double project(float[] w, int row, int d, double[] v) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += w[row * d + j] * v[j];
        }
        return s;
    }

    static float[] floats(RawTensor t) {
        ByteBuffer b = t.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[(int) t.elements()];
        b.asFloatBuffer().get(out);
        return out;
    }
}
