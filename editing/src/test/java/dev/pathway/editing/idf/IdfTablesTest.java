package dev.pathway.editing.idf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.tokenize.TokenizerVocab;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestData;
import dev.pathway.editing.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdfTablesTest {
    static final long MSMARCO_N = 8_841_823L;
    static PairTokenizer tokenizer;
    static TokenizerVocab vocab;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        tokenizer = PairTokenizer.load(TestModels.minilm());
        vocab = tokenizer.vocab();
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    @Test
    void formulasOnHandComputedCases() {
        // N = 10, df = 1: 1 + (10 - 1 + 0.5)/1.5 = 22/3 = 11/1.5.
        assertEquals(Math.log(22.0 / 3.0), IdfFormula.LUCENE.idf(1, 10), 1e-15);
        assertEquals(Math.log(22.0 / 3.0), IdfFormula.MSMARCO.idf(1, 10), 1e-15);
        assertEquals(Math.log(10), IdfFormula.CLASSIC.idf(1, 10), 1e-15);
        // A token in every document keeps a small positive IDF under lucene/msmarco, 0 under classic.
        assertEquals(Math.log(11 / 10.5), IdfFormula.LUCENE.idf(10, 10), 1e-15);
        assertEquals(0.0, IdfFormula.CLASSIC.idf(10, 10), 0.0);
        assertEquals(IdfFormula.MSMARCO, IdfFormula.parse(" MSMarco "));
        assertThrows(UserInputException.class, () -> IdfFormula.parse("bm42"));
    }

    @Test
    void msmarcoTableKnownNumbers() {
        IdfTable t = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), vocab, OptionalDouble.of(1.0));
        assertEquals(30_522, t.vocabSize());
        // 30,522 entries minus the 1,530 placeholder 1.0 values = the 28,992 rows of df.tsv.
        assertEquals(28_992, t.knownCount());
        // The largest value is df = 1: ln((N+1)/1.5) (54 tokens have it).
        double max = Double.NEGATIVE_INFINITY;
        int atMax = 0;
        for (int id : t.knownIds()) {
            max = Math.max(max, t.get(id));
        }
        for (int id : t.knownIds()) {
            if (t.get(id) == max) {
                atMax++;
            }
        }
        assertEquals(15.5895386, max, 1e-6);
        assertEquals(54, atMax);
        assertEquals(Math.log((MSMARCO_N + 1) / (7_722_912 + 0.5)), t.get(vocab.id("the")), 1e-6);
        assertFalse(t.known(vocab.id("[CLS]")));
        assertFalse(t.known(vocab.id("[unused0]")));
        // Without the placeholder rule every entry is taken as it stands.
        IdfTable raw = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), vocab, OptionalDouble.empty());
        assertEquals(30_522, raw.knownCount());
        assertEquals(1.0, raw.get(vocab.id("[CLS]")));
    }

    @Test
    void documentFrequenciesReproduceTheMsmarcoTable() {
        DocumentFrequencies df = IdfTables.readDfTsv(TestData.file("msmarco-idf/df.tsv"), vocab, MSMARCO_N);
        assertEquals(28_992, df.seenCount());
        assertEquals(7_722_912L, df.df()[vocab.id("the")]);
        assertEquals(73_068L, df.df()[vocab.id("cancer")]);
        IdfTable fromDf = df.idf(IdfFormula.MSMARCO);
        IdfTable lucene = df.idf(IdfFormula.LUCENE);
        IdfTable table = IdfTables.readJson(TestData.file("msmarco-idf/idf.json"), vocab, OptionalDouble.of(1.0));
        assertEquals(table.knownCount(), fromDf.knownCount());
        double worst = 0;
        for (int id = 0; id < table.vocabSize(); id++) {
            assertEquals(table.known(id), fromDf.known(id), "known " + vocab.token(id));
            if (table.known(id)) {
                worst = Math.max(worst, Math.abs(table.get(id) - fromDf.get(id)));
                // The two names are one function: they differ only by floating-point rounding.
                assertEquals(fromDf.get(id), lucene.get(id), 1e-12);
            }
        }
        // float32 storage of the table: recomputation agrees to 6e-7 (the data README's figure).
        assertTrue(worst < 6e-7, "worst deviation " + worst);
    }

    @Test
    void tableOfAnotherTokenizerIsAnError() throws IOException {
        Path f = tmp.resolve("cased.json");
        Files.writeString(f, "{\"the\": 1.5, \"Hello\": 7.0, \"World\": 6.0}");
        UserInputException e = assertThrows(UserInputException.class, () -> IdfTables.readJson(f, vocab, OptionalDouble.empty()));
        assertTrue(e.getMessage().contains("does not match the model's tokenizer"), e.getMessage());
        assertTrue(e.getMessage().contains("2 of 3"), e.getMessage());
        assertTrue(e.getMessage().contains("Hello"), e.getMessage());
    }

    @Test
    void malformedTablesAreOneLineErrors() throws IOException {
        Path notObject = tmp.resolve("a.json");
        Files.writeString(notObject, "[1, 2]");
        assertThrows(UserInputException.class, () -> IdfTables.readJson(notObject, vocab, OptionalDouble.empty()));
        Path empty = tmp.resolve("b.json");
        Files.writeString(empty, "{}");
        assertTrue(assertThrows(UserInputException.class, () -> IdfTables.readJson(empty, vocab, OptionalDouble.empty()))
                .getMessage().contains("empty"));
        Path text = tmp.resolve("c.json");
        Files.writeString(text, "{\"the\": \"high\"}");
        assertTrue(assertThrows(UserInputException.class, () -> IdfTables.readJson(text, vocab, OptionalDouble.empty()))
                .getMessage().contains("'the'"));
        Path truncated = tmp.resolve("d.json");
        Files.writeString(truncated, "{\"the\": 1.5, \"cat");
        assertThrows(UserInputException.class, () -> IdfTables.readJson(truncated, vocab, OptionalDouble.empty()));
        assertThrows(UserInputException.class, () -> IdfTables.readJson(tmp.resolve("missing.json"), vocab, OptionalDouble.empty()));
    }

    @Test
    void malformedDocumentFrequencyFiles() throws IOException {
        String header = "token\tdocument_frequency\n";
        assertDfError("", 10, "empty file");
        assertDfError("tok\tdf\nthe\t3\n", 10, ":1:");
        assertDfError(header + "the\tmany\n", 10, ":2:");
        assertDfError(header + "the\t3\ncat\t11\n", 10, ":3:");
        assertDfError(header + "the\t3\nthe\t4\n", 10, "appears twice");
        assertDfError(header + "the\t3\textra\n", 10, "2 tab-separated");
        assertDfError(header + "the\t3\nHello\t2\n", 10, "does not match");
        assertDfError(header, 10, "no document frequencies");
        assertDfError(header + "the\t3\n", 0, "at least 1");
    }

    private void assertDfError(String content, long n, String expected) throws IOException {
        Path f = Files.createTempFile(tmp, "df", ".tsv");
        Files.writeString(f, content);
        UserInputException e = assertThrows(UserInputException.class, () -> IdfTables.readDfTsv(f, vocab, n));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
