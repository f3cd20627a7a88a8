package dev.pathway.editing.idf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestModels;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CorpusIdfTest {
    static PairTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = PairTokenizer.load(TestModels.minilm());
    }

    @AfterAll
    static void close() {
        tokenizer.close();
    }

    int id(String piece) {
        int id = tokenizer.vocab().id(piece);
        assertTrue(id >= 0, piece);
        return id;
    }

    @Test
    void countsEachPieceOncePerDocumentAtTheTokenizerLevel() {
        List<String> docs = List.of("Cancer cancer risk", "Risk of breast CANCER", "Vitamin D", "");
        DocumentFrequencies df = CorpusIdf.count(tokenizer, docs.iterator(), "toy", Progress.NONE);
        assertEquals(4, df.documents());
        assertEquals(2, df.df()[id("cancer")]);
        assertEquals(2, df.df()[id("risk")]);
        assertEquals(1, df.df()[id("breast")]);
        assertEquals(1, df.df()[id("vitamin")]);
        assertEquals(0, df.df()[id("the")]);
        IdfTable idf = df.idf(IdfFormula.LUCENE, (int) tokenizer.unkId());
        assertEquals(Math.log(1 + (4 - 2 + 0.5) / 2.5), idf.get(id("cancer")), 1e-12);
        assertEquals(Math.log(1 + (4 - 1 + 0.5) / 1.5), idf.get(id("breast")), 1e-12);
        // Never seen: unknown, not 0.
        assertFalse(idf.known(id("the")));
        assertTrue(Double.isNaN(idf.get(id("the"))));
        assertEquals(df.seenCount(), idf.knownCount());
    }

    @Test
    void wordPiecesAreCountedNotWords() {
        // "tokenization" splits into word pieces; each piece gets its own document frequency.
        String[] pieces = tokenizer.tokens("tokenization");
        assertTrue(pieces.length > 1, "expected several pieces");
        DocumentFrequencies df = CorpusIdf.count(tokenizer, List.of("tokenization", "token").iterator(), "toy", Progress.NONE);
        assertEquals(2, df.df()[id("token")]);
        for (int i = 1; i < pieces.length; i++) {
            assertEquals(1, df.df()[id(pieces[i])], pieces[i]);
        }
    }

    @Test
    void unknownPieceIsNotGivenAnIdf() {
        // A character outside the vocabulary tokenizes to [UNK]; its count is no token's frequency.
        assertEquals(tokenizer.unkId(), tokenizer.ids("\u2603")[0]);
        IdfTable idf = CorpusIdf.idf(tokenizer, List.of("\u2603\u2603 snowman", "snow").iterator(), "toy", IdfFormula.MSMARCO, Progress.NONE);
        assertFalse(idf.known((int) tokenizer.unkId()));
        assertTrue(idf.known(id("snow")));
    }

    @Test
    void emptyCorpusIsAnError() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> CorpusIdf.count(tokenizer, Collections.<String>emptyIterator(), "corpus nothing", Progress.NONE));
        assertTrue(e.getMessage().contains("no documents"), e.getMessage());
    }
}
