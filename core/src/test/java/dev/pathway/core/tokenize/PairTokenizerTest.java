package dev.pathway.core.tokenize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.ModelFixture;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PairTokenizerTest {
    private final PairTokenizer tok = ModelFixture.minilm().tokenizer();

    @Test
    void reproducesThePapersTestVector() {
        // paper-method-notes §1.7: the baseline pair's ids and token types.
        PairEncoding p = tok.encodePair("what is the acceptance rate at wellesley",
                "College acceptance rates in the USA are becoming more competitive.", 512);
        assertArrayEquals(new long[] {101, 2054, 2003, 1996, 9920, 3446, 2012, 25658, 102, 2267, 9920, 6165, 1999, 1996,
                3915, 2024, 3352, 2062, 6975, 1012, 102}, p.ids());
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, p.typeIds());
        assertEquals(8, p.firstSep());
        assertEquals(7, p.queryLength());
        assertEquals(9, p.docStart());
        assertEquals(0, p.truncatedDocTokens());
    }

    @Test
    void truncatesTheDocumentOnly() {
        PairEncoding p = tok.encodePair("acceptance rate", "one two three four five six seven eight", 10);
        assertEquals(10, p.length());
        assertArrayEquals(new long[] {101, 9920, 3446, 102}, java.util.Arrays.copyOf(p.ids(), 4));
        assertEquals(102, p.ids()[9]);
        // 8 one-piece words, room for 10 - 2 query - 3 special = 5 of them.
        assertEquals(3, p.truncatedDocTokens());
        assertEquals(1, p.typeIds()[9]);
    }

    @Test
    void aQueryLongerThanTheLimitKeepsOneDocumentToken() {
        PairEncoding p = tok.encodePair("a b c d e f g h i j k l", "doc words here", 8);
        assertEquals(8, p.length());
        assertEquals(5, p.firstSep());
        assertEquals(1, p.length() - p.docStart() - 1);
        assertThrows(UserInputException.class, () -> tok.encodePair("q", "d", 3));
    }

    @Test
    void batchesArePaddedToTheLongestWithZeros() {
        EncodedBatch b = new EncodedBatch(List.of(tok.encodePair("a", "b c", 64), tok.encodePair("a b c", "d e f g", 64)));
        assertEquals(10, b.seqLen()); // [CLS] a b c [SEP] d e f g [SEP]
        long[] mask = b.mask();
        assertArrayEquals(new long[] {1, 1, 1, 1, 1, 1, 0, 0, 0, 0}, java.util.Arrays.copyOf(mask, 10));
        assertEquals(0, b.ids()[9]);
        assertEquals(0, b.typeIds()[9]);
        assertEquals(1, b.typeIds()[19]);
        assertEquals(List.of(tok.encodePairs(List.of("a"), List.of("b c"), 64).get(0).length()), List.of(6));
    }

    @Test
    void badTokenizerFiles(@TempDir Path tmp) throws Exception {
        assertTrue(assertThrows(UserInputException.class, () -> PairTokenizer.load(tmp)).getMessage().contains("missing tokenizer file"));
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"BPE\", \"vocab\": {}}}");
        assertTrue(assertThrows(UserInputException.class, () -> PairTokenizer.load(tmp)).getMessage().contains("'BPE' is not supported"));
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"a\": 0}}}");
        assertTrue(assertThrows(UserInputException.class, () -> PairTokenizer.load(tmp)).getMessage().contains("no [CLS] token"));
        Files.writeString(tmp.resolve("tokenizer.json"), "{\"model\": ");
        assertTrue(assertThrows(UserInputException.class, () -> PairTokenizer.load(tmp)).getMessage().startsWith("malformed JSON"));
    }
}
