package dev.pathway.editing.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.SvdTriplets;
import org.junit.jupiter.api.Test;

class RulesTest {
    @Test
    void increaseMakesU0NegativeAndScaled() {
        U0Rule r = new IncreaseIdf(3);
        assertEquals(-0.03, r.newU0(7, 0.01), 1e-15);
        assertEquals(-0.03, r.newU0(7, -0.01), 1e-15);
        assertEquals("increase", r.params().get("rule").asText());
        assertEquals(3.0, r.params().get("scale").asDouble());
    }

    @Test
    void decreaseMakesU0PositiveAndScaled() {
        U0Rule r = new DecreaseIdf(2.5);
        assertEquals(0.025, r.newU0(7, 0.01), 1e-15);
        assertEquals(0.025, r.newU0(7, -0.01), 1e-15);
    }

    @Test
    void badScalesAreRejected() {
        for (double s : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            UserInputException e = assertThrows(UserInputException.class, () -> new IncreaseIdf(s));
            assertTrue(e.getMessage().contains("scale"), e.getMessage());
            assertThrows(UserInputException.class, () -> new DecreaseIdf(s));
            assertThrows(UserInputException.class, () -> RuleFactory.decrease(s));
        }
        assertThrows(UserInputException.class, () -> RuleFactory.targetIdf(Double.NaN));
    }

    @Test
    void targetIdfUsesTheFittedLine() {
        // U0 = 0.5 - 0.1 * IDF exactly for the known tokens 0..3; token 4 unknown.
        double[] idf = {1, 2, 3, 4, Double.NaN};
        double[] u0 = {0.4, 0.3, 0.2, 0.1, 9.0};
        double[] u1 = {0.1, -0.2, 0.3, 0.0, 0.5};
        SvdTriplets svd = new SvdTriplets(new double[] {2, 1}, new double[][] {u0, u1}, new double[][] {{1, 0}, {0, 1}});
        U0Fit fit = U0Fit.of(svd, new IdfTable(idf, "toy", "toy"));
        assertEquals(0.5, fit.intercept(), 1e-12);
        assertEquals(-0.1, fit.slope(), 1e-12);
        assertEquals(-1.0, fit.r(), 1e-12);
        assertEquals(4, fit.tokens());
        U0Rule r = RuleFactory.targetIdf(7).make(svd, new IdfTable(idf, "toy", "toy"));
        assertEquals(0.5 - 0.7, r.newU0(4, 9.0), 1e-12);
        assertEquals(7.0, r.params().get("target_idf").asDouble());
    }

    @Test
    void planRemovesDuplicatesAndChecksIds() {
        SvdTriplets svd = new SvdTriplets(new double[] {1}, new double[][] {{0.1, -0.2, 0.3}}, new double[][] {{1}});
        U0Change c = U0Editor.plan(svd, new int[] {2, 0, 2}, new IncreaseIdf(2));
        assertEquals(2, c.size());
        assertEquals(2, c.ids()[0]);
        assertEquals(-0.6, c.newU0()[0], 1e-12);
        assertEquals(0.1, c.oldU0()[1], 1e-12);
        assertThrows(UserInputException.class, () -> U0Editor.plan(svd, new int[] {3}, new IncreaseIdf(2)));
    }
}
