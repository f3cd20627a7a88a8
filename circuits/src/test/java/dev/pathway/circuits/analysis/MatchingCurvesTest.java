package dev.pathway.circuits.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.data.DiagnosticKind;
import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Saturation curves on a hand-made TFC2 sample, against attention summed by hand. */
class MatchingCurvesTest {
    private final CrossEncoder model = Fixtures.model();

    @Test
    void selectedAttentionIsTheQueryTokensAttentionToTheTermsOccurrences() {
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("baseline_label", 0);
        meta.putArray("variant_labels").add(1).add(2);
        DiagnosticSample s = new DiagnosticSample("tfc2/x", DiagnosticKind.TFC2, "x", "quebec weather", "answer",
                "It is cold. It is big.", List.of("Quebec is cold. It is big.", "Quebec is cold. Quebec is big."), "quebec", meta);
        MatchingCurves c = MatchingCurves.run(model, List.of(s), 128);
        HeadId h = new HeadId(1, 4);
        double[] sel = c.selected(h);
        assertEquals(0.0, sel[0], 0.0);
        for (int k = 1; k <= 2; k++) {
            PairEncoding e = model.tokenizer().encodePair(s.query(), s.variant(k), 128);
            Patterns p = Patterns.of(model, e);
            long quebec = model.tokenizer().ids("quebec")[0];
            double sum = 0;
            int occurrences = 0;
            for (int j = e.docStart(); j < e.lastSep(); j++) {
                if (e.ids()[j] == quebec) {
                    occurrences++;
                    for (int i = 1; i < e.firstSep(); i++) {
                        sum += p.at(1, 4, i, j);
                    }
                }
            }
            assertEquals(k, occurrences);
            assertEquals(sum / (e.firstSep() - 1), sel[k], 1e-6, "k = " + k);
            assertEquals(p.logit(), c.logits()[k], 1e-6);
        }
    }
}
