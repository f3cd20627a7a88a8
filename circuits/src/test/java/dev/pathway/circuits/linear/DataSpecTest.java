package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.pathway.core.util.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSpecTest {
    @Test
    void namesTakeAnOptionalSplit() {
        assertEquals(List.of(new DataSpec("cranfield", "all"), new DataSpec("nfcorpus", null), new DataSpec("diagnostic", null)),
                DataSpec.parseList("cranfield:all, nfcorpus,,diagnostic"));
    }

    @Test
    void badListsAreUserErrors() {
        assertEquals("data set 'cisi' is given twice",
                assertThrows(UserInputException.class, () -> DataSpec.parseList("cisi,cisi:test")).getMessage());
        assertEquals("data set 'diagnostic:test': the diagnostic set has no splits",
                assertThrows(UserInputException.class, () -> DataSpec.parseList("diagnostic:test")).getMessage());
        assertEquals("data set 'cisi:': empty split after ':'", assertThrows(UserInputException.class, () -> DataSpec.parseList("cisi:")).getMessage());
        assertThrows(UserInputException.class, () -> DataSpec.parseList(" , "));
    }
}
