package dev.pathway.circuits.patch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.circuits.Fixtures;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.model.CrossEncoder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of activation patching on the real MiniLM-L6 weights and the paper's TFC1 pairs. */
class ActivationPatchingInvariantsTest {
    private final CrossEncoder model = Fixtures.model();

    @Test
    void patchingAWholeLayersResidPreFromPGivesOneAndPatchingNothingGivesZero() {
        int checkedM = 0;
        for (AlignedPair pair : Fixtures.tfc1Pairs(4)) {
            List<Cell> cells = new ArrayList<>();
            int layers = model.config().numLayers();
            for (int l = 0; l < layers; l++) {
                cells.add(new Cell(l, HookNames.layer(l).residPre(), l, null, null));
                // an empty selection patches nothing
                cells.add(new Cell(layers + l, HookNames.layer(l).residPre(), l, null, new int[0]));
            }
            List<String> names = cells.stream().map(Cell::hook).distinct().toList();
            try (PairActivations acts = PairActivations.run(model, pair, names)) {
                // The embedded model's classifier head is random: |s_P - s_B| can be tiny, so m is
                // checked only where it is well defined; the logits themselves always are.
                boolean mDefined = Math.abs(acts.delta()) > 1e-3;
                float[] s = new ActivationPatcher(model, new RowBudget(5, 100000)).run(acts, cells);
                for (int l = 0; l < layers; l++) {
                    assertEquals(acts.scoreP(), s[2 * l], 1e-5, "s_patched = s_P at layer " + l);
                    assertEquals(acts.scoreB(), s[2 * l + 1], 1e-5, "s_patched = s_B at layer " + l);
                    if (mDefined) {
                        double mAll = (s[2 * l] - acts.scoreB()) / acts.delta();
                        double mNone = (s[2 * l + 1] - acts.scoreB()) / acts.delta();
                        assertEquals(1.0, mAll, 1e-2, "m, layer " + l + " all positions, pair " + pair.id());
                        assertEquals(0.0, mNone, 1e-2, "m, layer " + l + " nothing patched");
                    }
                }
                checkedM += mDefined ? 1 : 0;
            }
        }
        assertTrue(checkedM >= 2, "too few pairs with a well-defined m: " + checkedM);
    }

    @Test
    void anEmbeddingHookTargetRunsFromTheEmbeddingsAndEqualsLayerZeroResidPre() {
        dev.pathway.circuits.align.TokenPieces pieces = new dev.pathway.circuits.align.TokenPieces(model.tokenizer());
        List<AlignedPair> pairs = Fixtures.tfc1Pairs(2);
        HookTarget embed = new HookTarget(model.hookPoints(), "hook_full_embed", PositionMode.CATEGORY);
        HookTarget resid0 = new HookTarget(model.hookPoints(), HookNames.layer(0).residPre(), PositionMode.CATEGORY);
        GridSpec g = embed.grid(pairs, pieces);
        assertEquals(8, g.size());
        for (AlignedPair pair : pairs) {
            List<Cell> a = embed.cells(pair, g, pieces);
            List<Cell> b = resid0.cells(pair, resid0.grid(pairs, pieces), pieces);
            assertEquals(-1, a.get(0).layer());
            java.util.Set<String> names = new java.util.HashSet<>(embed.perturbedHooks());
            names.addAll(resid0.perturbedHooks());
            try (PairActivations acts = PairActivations.run(model, pair, names)) {
                ActivationPatcher p = new ActivationPatcher(model, new RowBudget(8, 100000));
                float[] sa = p.run(acts, a);
                float[] sb = p.run(acts, b);
                for (int i = 0; i < sa.length; i++) {
                    assertEquals(sb[i], sa[i], 1e-5, "cell " + a.get(i).index());
                }
            }
        }
        dev.pathway.core.util.UserInputException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.pathway.core.util.UserInputException.class,
                () -> new HookTarget(model.hookPoints(), HookNames.LOGITS, PositionMode.EACH));
        assertTrue(e.getMessage().contains("sits after the encoder"), e.getMessage());
    }
}
