package dev.pathway.circuits.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.eval.data.DataSets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Building from a real BEIR set (Cranfield): IDF-chosen terms, embedding synonyms, appended TFC2. */
class BeirBuildTest {
    private final CrossEncoder model = Fixtures.model();
    private final PairTokenizer tok = model.tokenizer();

    @Test
    void termsAreTheHighestIdfSinglePieceWordsAndEveryQuerySurvives() {
        BaseSources.Resolved src = BaseSources.resolve("beir:cranfield", null, "test", 1, null, tok);
        BuildOptions opt = new BuildOptions(5, 12, 2, 192, "it", "given");
        DatasetBuilder.Result r = DatasetBuilder.build(src.base(), model, opt, EnumSet.allOf(DiagnosticKind.class), src.idf());
        assertEquals(12, r.selection().queries().size());
        IdfTable table = IdfSources.corpus(DataSets.resolve("cranfield"), tok, IdfFormula.MSMARCO);
        for (SelectedQuery q : r.selection().queries()) {
            assertEquals("idf", q.termSource());
            long[] ids = tok.ids(q.term());
            assertEquals(1, ids.length, q.term());
            // No single-piece word of the query has a higher IDF.
            for (String w : Words.words(q.text())) {
                long[] wi = tok.ids(w);
                if (wi.length == 1 && wi[0] != tok.unkId()) {
                    double v = table.known((int) wi[0]) ? table.get((int) wi[0]) : Double.POSITIVE_INFINITY;
                    double t = table.known((int) ids[0]) ? table.get((int) ids[0]) : Double.POSITIVE_INFINITY;
                    assertTrue(v <= t, q.qid() + ": '" + w + "' beats '" + q.term() + "'");
                }
            }
        }
        Set<String> qids = r.selection().queries().stream().map(SelectedQuery::qid).collect(Collectors.toSet());
        for (List<DiagnosticSample> set : r.sets().values()) {
            assertEquals(qids, set.stream().map(DiagnosticSample::qid).collect(Collectors.toSet()));
        }
        for (DiagnosticSample s : r.sets().get(DiagnosticKind.STMC1)) {
            String syn = s.meta().get("synonym").asText();
            assertEquals("embedding-nearest", s.meta().get("synonym_source").asText());
            assertNotEquals(s.term(), syn);
            assertTrue(!SynonymFinder.sharesStem(syn, SynonymFinder.stem(s.term())), s.term() + " ~ " + syn);
            assertTrue(!Words.containsWord(s.query(), syn), "synonym is not a query word: " + syn);
            assertTrue(s.meta().get("synonym_cosine").asDouble() > 0.2, s.term() + " ~ " + syn);
        }
        for (DiagnosticSample s : r.sets().get(DiagnosticKind.TFC2)) {
            assertEquals("append", s.meta().get("mode").asText());
            for (int k = 1; k <= 5; k++) {
                assertEquals(k, Words.count(s.variant(k), s.term()));
            }
        }
    }

    @Test
    void synonymsAreNearestInTheEmbeddingsAndExcludeTheStem() {
        SynonymFinder f = new SynonymFinder(model);
        SynonymFinder.Match m = f.nearest("quebec", "where is quebec");
        assertNotEquals("quebec", m.word());
        assertTrue(SynonymFinder.sharesStem("wellesleys", SynonymFinder.stem("wellesley")));
        assertTrue(SynonymFinder.sharesStem("running", SynonymFinder.stem("runs")));
        assertTrue(!SynonymFinder.sharesStem("montreal", SynonymFinder.stem("quebec")));
    }

    @Test
    void unknownSourcesAndSplitsAreUserErrors() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> BaseSources.resolve("msmarco", null, "test", 1, null, tok));
        assertTrue(e.getMessage().startsWith("unknown --source 'msmarco'"), e.getMessage());
        e = assertThrows(UserInputException.class, () -> BaseSources.resolve("beir:cranfield", null, "nosuch", 1, null, tok));
        assertTrue(e.getMessage().contains("no split 'nosuch'"), e.getMessage());
    }
}
