package dev.pathway.circuits.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.MinDelta;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backward search: threshold rule, edges, roles from attention statistics, circuit.json round trip. */
class CircuitDiscoveryTest {
    private final CrossEncoder model = Fixtures.model();

    @Test
    void keepsHeadsAboveTheFractionOfTheMaximumTracesOneLevelAndAssignsRoles(@TempDir Path tmp) throws Exception {
        List<AlignedPair> pairs = Fixtures.tfc1Pairs(2);
        DiscoveryOptions opt = new DiscoveryOptions(0.3, 0, "ratio_of_means", Set.of("v"), 1, 1);
        CircuitDiscovery.Result r = CircuitDiscovery.discover(model, pairs, opt, new RowBudget(64, 100000), MinDelta.auto());
        CircuitDiscovery.Step s0 = r.steps().get(0);
        double[] v = s0.result().ratioOfMeans();
        for (HeadId h : HeadId.all(model.config())) {
            double e = v[s0.grid().index(dev.pathway.circuits.path.Sender.head(h))];
            assertEquals(e >= 0.3 * s0.max() && e > 0, s0.kept().contains(h), h + " effect " + e + " max " + s0.max());
        }
        assertFalse(s0.kept().isEmpty());
        Circuit c = r.circuit();
        for (Circuit.Node n : c.heads()) {
            if (n.level() == 0) {
                assertEquals(n.attention().clsReadsQuery() ? Role.SCORING : Role.DIRECT_OTHER, n.role(), n.head().toString());
                assertTrue(c.edges().stream().anyMatch(e -> e.from().equals(n.head()) && e.to().equals(Circuit.LOGITS)));
            } else {
                assertEquals(n.attention().withinQuery() ? Role.CONTEXTUALIZATION : Role.MATCHING, n.role(), n.head().toString());
            }
        }
        // one receiver traced (the strongest level-0 head); its senders all sit in lower layers
        assertEquals(2, r.steps().size());
        HeadId strongest = s0.kept().stream().max(java.util.Comparator.comparingDouble(
                h -> v[s0.grid().index(dev.pathway.circuits.path.Sender.head(h))])).orElseThrow();
        assertEquals(strongest.toString(), r.steps().get(1).receiver());
        for (Circuit.Edge e : c.edges()) {
            if (!e.to().equals(Circuit.LOGITS)) {
                assertTrue(e.from().layer() < HeadId.parse(e.to()).layer(), e.toString());
                assertEquals("v", e.input());
            }
        }
        Path f = tmp.resolve("circuit.json");
        Json.write(f, c.toJson());
        Circuit back = Circuit.read(f);
        assertEquals(c.heads().size(), back.heads().size());
        assertEquals(c.edges().size(), back.edges().size());
        assertEquals(c.headsWithRole(Role.MATCHING), back.headsWithRole(Role.MATCHING));
        assertTrue(CircuitDiagram.dot(c, "t").contains("\"logits\""));
        CircuitDiagram.writePng(c, "t", tmp.resolve("c.png"));
        assertTrue(java.nio.file.Files.size(tmp.resolve("c.png")) > 1000);
    }
}
