package dev.pathway.circuits.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.ActivationPatcher;
import dev.pathway.circuits.patch.Cell;
import dev.pathway.circuits.patch.PairActivations;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.model.CrossEncoder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Invariants of path patching on the real MiniLM-L6 weights and the paper's TFC1 pairs. */
class PathPatchingInvariantsTest {
    private final CrossEncoder model = Fixtures.model();
    private final int layers = model.config().numLayers();

    private List<Sender> allSenders() {
        return Sender.parse("heads,mlps,embed", model.config());
    }

    private static void assertAllClose(float[] expected, float[] actual, double tol, String what) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            if (Float.isNaN(expected[i])) {
                assertTrue(Float.isNaN(actual[i]), what + " [" + i + "] should be undefined");
                continue;
            }
            assertEquals(expected[i], actual[i], tol, what + " [" + i + "]");
        }
    }

    @Test
    void pathPatchingWithBEqualToPChangesNothing() {
        AlignedPair p = Fixtures.tfc1Pairs(1).get(0);
        AlignedPair same = new AlignedPair("same", p.baseline(), p.baseline(), 0, "none", p.termIds());
        List<Sender> senders = allSenders();
        Receiver receiver = new Receiver(List.of(new HeadId(layers - 1, 3), new HeadId(layers - 2, 7)), Set.of("q", "k", "v"));
        try (PairActivations acts = PairActivations.run(model, same, PathPatcher.hooksNeeded(layers, senders))) {
            assertEquals(0f, acts.delta(), 1e-6f);
            PathPatcher pp = new PathPatcher(model, new RowBudget(16, 100000));
            for (float s : pp.toLogits(acts, senders)) {
                assertEquals(acts.scoreB(), s, 1e-5, "sender to logits with B = P");
            }
            for (float s : pp.toReceivers(acts, senders, receiver)) {
                assertTrue(Float.isNaN(s) || Math.abs(s - acts.scoreB()) < 1e-5, "sender to receivers with B = P: " + s);
            }
        }
    }

    @Test
    void batchedSweepEqualsOneSenderAtATime() {
        // Every head, MLP and the embeddings to the logits; a subset to three receivers (the
        // literal reference costs two forwards per sender). The full version is tagged slow.
        List<Sender> receiverSenders = Sender.parse("0.0,0.5,0.11,1.3,3.0,3.7,mlps,embed", model.config());
        checkBatchedEqualsReference(Fixtures.tfc1Pairs(1), allSenders(), receiverSenders);
    }

    @Test
    @Tag("slow")
    void fullBatchedSweepEqualsOneSenderAtATimeOnSeveralPairs() {
        checkBatchedEqualsReference(Fixtures.tfc1Pairs(3), allSenders(), allSenders());
    }

    private void checkBatchedEqualsReference(List<AlignedPair> pairs, List<Sender> senders, List<Sender> receiverSenders) {
        Receiver receiver = new Receiver(List.of(new HeadId(layers - 2, 1), new HeadId(layers - 1, 10), new HeadId(2, 4)), Set.of("v", "k"));
        Set<String> names = new LinkedHashSet<>(PathPatcher.hooksNeeded(layers, senders));
        for (AlignedPair pair : pairs) {
            try (PairActivations acts = PairActivations.run(model, pair, names)) {
                // A small row budget makes several chunks per layer group.
                PathPatcher batched = new PathPatcher(model, new RowBudget(5, 100000));
                PathPatcher reference = new PathPatcher(model, new RowBudget(1, 100000));
                assertAllClose(reference.toLogitsOneAtATime(acts, senders), batched.toLogits(acts, senders), 1e-5, "to logits");
                float[] ref = reference.toReceiversOneAtATime(acts, receiverSenders, receiver);
                assertAllClose(ref, batched.toReceivers(acts, receiverSenders, receiver), 1e-5, "to receivers");
                boolean moved = false;
                for (int i = 0; i < receiverSenders.size(); i++) {
                    // Senders at or above the last receiver layer cannot reach it.
                    assertEquals(!receiver.reachable(receiverSenders.get(i)), Float.isNaN(ref[i]), receiverSenders.get(i).toString());
                    moved |= !Float.isNaN(ref[i]) && Math.abs(ref[i] - acts.scoreB()) > 1e-6;
                }
                assertTrue(moved, "some sender must move the logit through the receivers");
            }
        }
    }

    @Test
    void aLastLayerSenderHasTheEffectOfActivationPatchingItsZ() {
        int last = layers - 1;
        List<Sender> senders = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int h = 0; h < model.config().numHeads(); h++) {
            senders.add(Sender.head(new HeadId(last, h)));
            cells.add(new Cell(h, HookNames.layer(last).z(), last, new int[] {h}, null));
        }
        Set<String> names = new LinkedHashSet<>(PathPatcher.hooksNeeded(layers, senders));
        for (AlignedPair pair : Fixtures.tfc1Pairs(2)) {
            try (PairActivations acts = PairActivations.run(model, pair, names)) {
                float[] path = new PathPatcher(model, new RowBudget(64, 100000)).toLogits(acts, senders);
                float[] act = new ActivationPatcher(model, new RowBudget(64, 100000)).run(acts, cells);
                assertAllClose(act, path, 1e-5, "last-layer sender vs z patching");
                boolean moved = false;
                for (float v : path) {
                    moved |= Math.abs(v - acts.scoreB()) > 1e-6;
                }
                assertTrue(moved, "some last-layer head must move the logit");
            }
        }
    }
}
