package dev.pathway.circuits.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paper's MS MARCO files and the four builders on them: hand-checked samples, seeds, survival. */
class PaperFilesAndBuildersTest {
    private final CrossEncoder model = Fixtures.model();

    @Test
    void paperFilesLoadAsTheirReadmeDescribes() {
        BaseData b = Fixtures.paper();
        assertEquals(100, b.queries().size());
        assertEquals("1101090", b.queries().get(0).qid());
        assertEquals("dr azadpour phone number", b.queries().get(0).text());
        assertEquals("azadpour", b.terms().get("1101090"));
        assertEquals("oncologist", b.synonyms().get("1101090"));
        assertEquals("mapanything", b.terms().get(b.queries().stream().filter(q -> q.text().contains("mapanything")).findFirst()
                .orElseThrow().qid()));
        int docs = 0;
        int startingWithA = 0;
        for (BaseData.Query q : b.queries()) {
            assertEquals(100, q.docs().size(), q.qid());
            docs += q.docs().size();
            for (BaseData.Doc d : q.docs()) {
                startingWithA += d.text().startsWith("a ") ? 1 : 0;
            }
        }
        assertEquals(10_000, docs);
        // Every text had "a " prepended; 19 passages themselves start with "a ".
        assertEquals(19, startingWithA);
        BaseData.Doc first = b.queries().get(0).docs().get(0);
        assertEquals("8123117", first.id());
        assertTrue(first.text().startsWith("Dr. Kristin E Berry - Corvallis OR"), first.text());
        assertEquals(100, b.answers().size());
        // 1101090 appears twice in the answers file; the first row (among the 100 selected) is kept.
        assertTrue(b.answers().get("1101090").startsWith("Azadpour's phone number is not publicly available."));
        assertFalse(b.answers().get("1101090").startsWith("\""));
    }

    private DatasetBuilder.Result build(long seed, int queries, int docs) {
        BuildOptions opt = new BuildOptions(seed, queries, docs, 256, "it", "given");
        return DatasetBuilder.build(Fixtures.paper(), model, opt, EnumSet.allOf(DiagnosticKind.class), w -> {
            throw new AssertionError("the paper's terms are given");
        });
    }

    @Test
    void everySelectedQuerySurvivesInEverySetAndSamplesAreWellFormed() {
        DatasetBuilder.Result r = build(7, 0, 2);
        Set<String> selected = r.selection().queries().stream().map(SelectedQuery::qid).collect(Collectors.toSet());
        assertEquals(100, selected.size());
        for (Map.Entry<DiagnosticKind, List<DiagnosticSample>> e : r.sets().entrySet()) {
            Set<String> qids = e.getValue().stream().map(DiagnosticSample::qid).collect(Collectors.toSet());
            assertEquals(selected, qids, e.getKey() + ": every selected query survives");
        }
        assertEquals(200, r.sets().get(DiagnosticKind.TFC1).size());
        DocFitter fitter = new DocFitter(model.tokenizer(), 256);
        for (List<DiagnosticSample> set : r.sets().values()) {
            for (DiagnosticSample s : set) {
                assertTrue(Words.containsWord(s.query(), s.term()), s.id());
                for (String p : s.perturbed()) {
                    assertTrue(fitter.fits(s.query(), p), s.id() + " fits max length");
                }
            }
        }
        for (DiagnosticSample s : r.sets().get(DiagnosticKind.TFC2)) {
            assertEquals(0, Words.count(s.baseline(), s.term()), s.id());
            for (int k = 1; k <= 5; k++) {
                assertEquals(k, Words.count(s.variant(k), s.term()), s.id() + " variant " + k);
            }
        }
        for (DiagnosticSample s : r.sets().get(DiagnosticKind.LNC1)) {
            assertEquals(4, s.perturbed().size());
            int c = Words.count(s.baseline(), s.term());
            for (int n = 1; n <= 4; n++) {
                assertTrue(s.variant(n).startsWith(s.baseline() + " "), s.id());
                assertEquals(c, Words.count(s.variant(n), s.term()), "LNC1 adds no occurrence of the term: " + s.id());
                assertEquals(Words.sentences(s.baseline()).size() + n, Words.sentences(s.variant(n)).size(), s.id());
            }
            assertFalse(s.meta().get("partner_qids").toString().contains("\"" + s.qid() + "\""), "a query is not its own partner");
        }
    }

    @Test
    void handCheckedSamplesOfTheFirstQuery() {
        DatasetBuilder.Result r = build(7, 0, 1);
        DiagnosticSample tfc1 = r.sets().get(DiagnosticKind.TFC1).get(0);
        assertEquals("1101090", tfc1.qid());
        assertEquals(tfc1.baseline() + " azadpour", tfc1.variant(1));
        DiagnosticSample stmc1 = r.sets().get(DiagnosticKind.STMC1).get(0);
        assertEquals(stmc1.baseline() + " oncologist", stmc1.variant(1));
        assertEquals("given", stmc1.meta().get("synonym_source").asText());
        DiagnosticSample tfc2 = r.sets().get(DiagnosticKind.TFC2).get(0);
        assertEquals("pronoun", tfc2.meta().get("mode").asText());
        assertTrue(tfc2.baseline().startsWith("It's phone number is not publicly available. It values his privacy."), tfc2.baseline());
        assertTrue(tfc2.variant(1).startsWith("Azadpour's phone number is not publicly available. It values his privacy."));
        assertTrue(tfc2.variant(2).startsWith("Azadpour's phone number is not publicly available. Azadpour values his privacy."));
        DiagnosticSample lnc1 = r.sets().get(DiagnosticKind.LNC1).get(0);
        assertEquals("Azadpour's phone number is not publicly available.", lnc1.baseline());
    }

    @Test
    void theSameSeedReproducesTheFilesAndAnotherSeedChangesTheSample(@TempDir Path tmp) throws Exception {
        DatasetBuilder.write(build(11, 20, 3), tmp.resolve("a"), false);
        DatasetBuilder.write(build(11, 20, 3), tmp.resolve("b"), false);
        DatasetBuilder.write(build(12, 20, 3), tmp.resolve("c"), false);
        for (DiagnosticKind k : DiagnosticKind.values()) {
            assertEquals(-1L, Files.mismatch(tmp.resolve("a").resolve(k.fileName()), tmp.resolve("b").resolve(k.fileName())), k.name());
        }
        assertNotEquals(-1L, Files.mismatch(tmp.resolve("a").resolve("tfc1.jsonl"), tmp.resolve("c").resolve("tfc1.jsonl")));
        List<DiagnosticSample> a = DiagnosticSet.read(tmp.resolve("a").resolve("lnc1.jsonl"));
        assertEquals(20, a.size());
        assertEquals(20, new HashSet<>(a.stream().map(DiagnosticSample::qid).toList()).size());
        assertTrue(Files.readString(tmp.resolve("a").resolve("manifest.json")).contains("\"samples\" : 60"));
    }
}
