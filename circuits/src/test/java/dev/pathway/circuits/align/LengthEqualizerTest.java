package dev.pathway.circuits.align;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import org.junit.jupiter.api.Test;

/** Filler equalisation on the paper's test vector (method notes 1.7) and the pairs it must refuse. */
class LengthEqualizerTest {
    private final PairTokenizer tok = Fixtures.model().tokenizer();
    private final LengthEqualizer eq = new LengthEqualizer(tok, 512, "a");

    private static final String QUERY = "what is the acceptance rate at wellesley";
    private static final String DOC = "College acceptance rates in the USA are becoming more competitive.";

    @Test
    void theWellesleyTestVectorPadsTheBaselineWithFillerBeforeTheFinalSep() {
        AlignedPair p = eq.align("wellesley", QUERY, DOC, DOC + " wellesley", "append", "wellesley");
        long[] baseline = {101, 2054, 2003, 1996, 9920, 3446, 2012, 25658, 102, 2267, 9920, 6165, 1999, 1996, 3915, 2024, 3352, 2062,
            6975, 1012, 1037, 102};
        long[] perturbed = baseline.clone();
        perturbed[20] = 25658;
        assertArrayEquals(baseline, p.baseline().ids());
        assertArrayEquals(perturbed, p.perturbed().ids());
        long[] types = new long[22];
        for (int i = 9; i < 22; i++) {
            types[i] = 1;
        }
        assertArrayEquals(types, p.baseline().typeIds());
        assertEquals(1, p.fillers());
        assertEquals("baseline", p.paddedSide());
        PositionCategory[] cats = p.categories(new TokenPieces(tok));
        assertEquals(PositionCategory.Q_TERM, cats[7]);
        assertEquals(PositionCategory.D_INJ, cats[20]);
        assertEquals(PositionCategory.SEP2, cats[21]);
        assertEquals(PositionCategory.SEP1, cats[8]);
        assertEquals(PositionCategory.D_OTHER, cats[10]);
        assertEquals(PositionClass.DOC, p.classes()[20]);
    }

    @Test
    void aLongerBaselineGetsThePaddingAndEqualLengthsNone() {
        AlignedPair p = eq.align("x", QUERY, DOC + " wellesley college", DOC, "append", "wellesley");
        assertEquals("perturbed", p.paddedSide());
        assertEquals(2, p.fillers());
        assertEquals(p.baseline().length(), p.perturbed().length());
        AlignedPair same = eq.align("y", QUERY, DOC, DOC, "append", "wellesley");
        assertEquals("none", same.paddedSide());
    }

    @Test
    void unalignablePairsAreRefusedWithOneLineNamingThePair() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> eq.align("tfc1/7#1", QUERY, "cats are nice", "dogs are nice wellesley", "append", "wellesley"));
        assertTrue(e.getMessage().startsWith("pair tfc1/7#1 cannot be aligned: the baseline document is not a prefix"), e.getMessage());
        assertTrue(e.getMessage().contains("'cats' vs 'dogs'"), e.getMessage());
        // "any" alignment pads anyway (TFC2: a pronoun restored to the term shifts later positions).
        assertEquals(eq.align("ok", QUERY, "it is nice", "wellesley is nice", "any", "wellesley").length(), 8 + 5);
        LengthEqualizer small = new LengthEqualizer(tok, 20, "a");
        e = assertThrows(UserInputException.class, () -> small.align("p", QUERY, DOC, DOC + " wellesley", "append", "wellesley"));
        assertTrue(e.getMessage().contains("has 22 tokens, more than max length 20"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
        e = assertThrows(UserInputException.class, () -> new LengthEqualizer(tok, 512, "wellesleyish"));
        assertTrue(e.getMessage().startsWith("filler 'wellesleyish' must be one known word piece"), e.getMessage());
    }
}
