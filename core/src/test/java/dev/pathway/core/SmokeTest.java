package dev.pathway.core;

import static org.junit.jupiter.api.Assertions.*;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void importsAndScores() {
        try (CrossEncoder m = Checkpoints.load(TestModels.minilm(), Device.cpu())) {
            System.out.println(m.config().describe());
            var p = m.tokenizer().encodePair("what is the acceptance rate at wellesley", "College acceptance rates in the USA are becoming more competitive.", 512);
            System.out.println(java.util.Arrays.toString(p.ids()));
            float[] s = m.score(List.of(p));
            System.out.println(s[0]);
            assertTrue(Float.isFinite(s[0]));
        }
    }
}
