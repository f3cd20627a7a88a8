package dev.pathway.circuits.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-checked cases of the word and CSV helpers the builders rely on. */
class TextHelpersTest {
    @Test
    void wordMatchingIsWordBoundedAndCaseInsensitive() {
        assertFalse(Words.containsWord("various things", "ari"));
        assertTrue(Words.containsWord("what is ari?", "ari"));
        assertTrue(Words.containsWord("Azadpour's phone", "azadpour"));
        assertTrue(Words.containsWord("weather in holmes,ny", "holmes,ny"));
        assertEquals(3, Words.count("Quebec is big. quebec! QUEBEC", "quebec"));
        assertEquals(0, Words.count("Quebecois", "quebec"));
    }

    @Test
    void replaceAfterKeepsTheFirstOccurrencesAndCapitalisesAtSentenceStart() {
        String doc = "Quebec is in Canada. Quebec is fun. I like Quebec.";
        assertEquals("It is in Canada. It is fun. I like it.", Words.replaceAfter(doc, "quebec", 0, "it"));
        assertEquals("Quebec is in Canada. It is fun. I like it.", Words.replaceAfter(doc, "quebec", 1, "it"));
        assertEquals(doc, Words.replaceAfter(doc, "quebec", 3, "it"));
    }

    @Test
    void edgesQuotesSentencesAndWords() {
        assertEquals("mapanything", Words.stripEdges("mapanything?"));
        assertEquals("prentice-hall", Words.stripEdges("prentice-hall"));
        assertEquals("Tosca is a tool.", Words.stripQuotes("\"Tosca is a tool.\""));
        assertEquals(List.of("A b.", "C d!", "E?"), Words.sentences(" A b.  C d! E? "));
        assertEquals(List.of("what", "s", "x1", "é"), Words.words("What's X1, é"));
        assertEquals("a b", Words.firstWords(" a  b c ", 2));
    }

    @Test
    void csvReadsQuotedFieldsCrlfAndReportsTruncation() {
        List<Csv.Row> rows = Csv.parse("qid,doc\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,x\n", "t.csv");
        assertEquals(3, rows.size());
        assertEquals(List.of("1", "a, \"b\"\r\nc"), rows.get(1).fields());
        assertEquals(4, rows.get(2).line());
        UserInputException e = assertThrows(UserInputException.class, () -> Csv.parse("a,b\n1,\"open", "t.csv"));
        assertEquals("t.csv:2: unterminated quoted field (truncated file?)", e.getMessage());
        e = assertThrows(UserInputException.class, () -> Csv.parse("a,b\n1,x\"y\n", "t.csv"));
        assertTrue(e.getMessage().startsWith("t.csv:2:"), e.getMessage());
    }
}
