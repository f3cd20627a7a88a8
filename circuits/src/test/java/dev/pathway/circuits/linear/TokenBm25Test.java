package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pathway.core.util.UserInputException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TokenBm25Test {

    @Test
    void matchesAHandComputedScore() {
        double[] idf = new double[10];
        Arrays.fill(idf, Double.NaN);
        idf[5] = 2.0;
        idf[7] = 1.0;
        // query: 5 twice (counted twice), 7 once, 3 (unknown IDF: contributes 0)
        long[] query = {5, 7, 5, 3};
        long[] doc = {5, 9, 5, 7, 8, 3};
        TokenBm25 bm = new TokenBm25(0.5, 0.9, 4.0);
        // norm = k1 (1 - b + b dl/avgdl) = 0.5 (0.1 + 0.9 x 6/4) = 0.725
        // token 5: tf 2 -> 2 x 2 x 1.5 / (2 + 0.725) = 6/2.725, twice; token 7: tf 1 -> 1.5/1.725
        double expected = 2 * (6 / 2.725) + 1.5 / 1.725;
        assertEquals(5.273234942, expected, 1e-9);
        assertEquals(expected, bm.score(query, doc, idf), 1e-12);
        // b = 0: no length normalisation; k1 = 0: tf saturates at once (idf per matched query token)
        assertEquals(2 * (2 * 2 * 1.5 / (2 + 0.5)) + 1.5 / 1.5, new TokenBm25(0.5, 0, 4).score(query, doc, idf), 1e-12);
        assertEquals(2 + 1 + 2, new TokenBm25(0, 0.75, 4).score(query, doc, idf), 1e-12);
        assertEquals(0, bm.score(new long[] {9}, doc, idf), 0);
    }

    @Test
    void badParametersAreUserErrors() {
        assertThrows(UserInputException.class, () -> new TokenBm25(-1, 0.5, 10));
        assertThrows(UserInputException.class, () -> new TokenBm25(1, 1.5, 10));
        assertThrows(UserInputException.class, () -> new TokenBm25(1, 0.5, 0));
    }
}
