package dev.pathway.core.hooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import dev.pathway.core.ModelFixture;
import dev.pathway.core.TestData;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Invariants of the hooked forward on the real MiniLM-L6 weights and real NFCorpus pairs. */
class HooksInvariantsTest {
    private CrossEncoder model;
    private NDManager nd;
    private NDList inputs;

    @BeforeEach
    void setUp() {
        model = ModelFixture.minilm();
        nd = model.manager().newSubManager();
        List<String> q = TestData.nfcorpusQueries(4);
        List<String> d = TestData.nfcorpusDocs(4);
        List<PairEncoding> pairs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            pairs.add(model.tokenizer().encodePair(q.get(i), d.get(i), 48 + 16 * i));
        }
        inputs = new EncodedBatch(pairs).toNDList(nd);
    }

    @AfterEach
    void tearDown() {
        nd.close();
    }

    private float[] plainLogits() {
        return model.logits(inputs).toFloatArray();
    }

    @Test
    void cachingEveryHookChangesNothing() {
        float[] plain = plainLogits();
        List<String> all = new ArrayList<>();
        model.hookPoints().names().forEach(all::add);
        try (ActivationCache cache = new ActivationCache(nd)) {
            float[] cached = model.forward(inputs, Hooks.builder().cache(all).build(), cache).toFloatArray();
            assertArrayEquals(plain, cached, 0f);
            assertEquals(all.size(), cache.names().size());
            assertEquals(new ai.djl.ndarray.types.Shape(4, 96, 12, 32), cache.get("blocks.2.attn.hook_z").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(4, 12, 96, 96), cache.get("blocks.2.attn.hook_pattern").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(4, 96, 12, 384), cache.get("blocks.2.attn.hook_result").getShape());
            assertEquals(new ai.djl.ndarray.types.Shape(4, 1), cache.get(HookNames.LOGITS).getShape());
        }
    }

    @Test
    void replacingActivationsByTheirOwnCachedValuesChangesNothing() {
        float[] plain = plainLogits();
        List<String> names = List.of("hook_embed", "blocks.1.hook_resid_pre", "blocks.2.attn.hook_q", "blocks.3.attn.hook_pattern",
                "blocks.3.attn.hook_z", "blocks.4.hook_mlp_out", "blocks.5.hook_normalized_resid_post", "pooler.hook_out");
        try (ActivationCache cache = new ActivationCache(nd)) {
            model.forward(inputs, Hooks.builder().cache(names).build(), cache);
            Hooks.Builder patch = Hooks.builder();
            for (String n : names) {
                patch.patch(n, Patch.values(cache.get(n)));
            }
            patch.patch("blocks.0.attn.hook_v", Patch.function((act, name, layout) -> act.duplicate()).heads(3, 4).positions(0, 5).rows(1));
            assertArrayEquals(plain, model.forward(inputs, patch.build(), null).toFloatArray(), 0f);
        }
    }

    @Test
    void forwardStartedAtEveryLayerFromCachedResidPreEqualsFullForward() {
        float[] plain = plainLogits();
        int layers = model.config().numLayers();
        try (ActivationCache cache = new ActivationCache(nd)) {
            List<String> names = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                names.add(HookNames.layer(l).residPre());
            }
            model.forward(inputs, Hooks.builder().cache(names).build(), cache);
            for (int l = 0; l < layers; l++) {
                Hooks start = Hooks.builder().startAt(l, cache.get(HookNames.layer(l).residPre())).build();
                assertArrayEquals(plain, model.forward(inputs, start, null).toFloatArray(), 0f, "start at layer " + l);
            }
        }
    }

    @Test
    void perHeadResultsSumToAttentionOutput() {
        try (ActivationCache cache = new ActivationCache(nd)) {
            String result = HookNames.layer(2).result();
            String attnOut = HookNames.layer(2).attnOut();
            model.forward(inputs, Hooks.builder().cache(result, attnOut).build(), cache);
            NDArray bias = model.parameters().get("bert.encoder.layer.2.attention.output.dense.bias").getArray();
            NDArray sum = cache.get(result).sum(new int[] {2}).add(bias);
            float maxDiff = sum.sub(cache.get(attnOut)).abs().max().getFloat();
            assertTrue(maxDiff < 1e-5, "max |sum_h result + b_O - attn_out| = " + maxDiff);
        }
    }

    @Test
    void resultIsNotComputedUnlessAsked() {
        try (ActivationCache cache = new ActivationCache(nd)) {
            model.forward(inputs, Hooks.builder().cache(HookNames.layer(0).z()).build(), cache);
            assertEquals(1, cache.names().size());
        }
    }

    @Test
    void selectivePatchTouchesOnlyTheSelectedHeadPositionAndRow() {
        String z = HookNames.layer(1).z();
        try (ActivationCache base = new ActivationCache(nd); ActivationCache patched = new ActivationCache(nd)) {
            model.forward(inputs, Hooks.builder().cache(z).build(), base);
            NDArray zeros = base.get(z).zerosLike();
            model.forward(inputs, Hooks.builder().patch(z, Patch.values(zeros).heads(7).positions(2).rows(1)).cache(z).build(), patched);
            NDArray diff = patched.get(z).sub(base.get(z)).abs().gt(0);
            assertEquals(diff.sum().getLong(), diff.get(new NDIndex("1, 2, 7, :")).sum().getLong());
            assertTrue(diff.sum().getLong() > 0);
            assertEquals(0f, patched.get(z).get(new NDIndex("1, 2, 7, :")).abs().sum().getFloat());
        }
    }

    @Test
    void patchingAnEarlyActivationChangesTheLogits() {
        float[] plain = plainLogits();
        Hooks ablate = Hooks.builder()
                .patch(HookNames.layer(0).z(), Patch.function((a, n, l) -> a.zerosLike()))
                .build();
        float[] ablated = model.forward(inputs, ablate, null).toFloatArray();
        assertNotEquals(plain[0], ablated[0]);
    }

    @Test
    void stopBeforeALayerSkipsTheRest() {
        try (ActivationCache cache = new ActivationCache(nd)) {
            NDArray logits = model.forward(inputs, Hooks.builder().cache(HookNames.layer(2).q()).stopBefore(3).build(), cache);
            assertEquals(null, logits);
            assertTrue(cache.has(HookNames.layer(2).q()));
        }
    }

    @Test
    void unknownHookNamesAndBadHeadsAreUserErrors() {
        UserInputException e = assertThrows(UserInputException.class,
                () -> model.forward(inputs, Hooks.builder().cache("blocks.0.attn.hook_zz").build(), new ActivationCache(nd)));
        assertTrue(e.getMessage().contains("blocks.{l}.attn.hook_z"), e.getMessage());
        e = assertThrows(UserInputException.class,
                () -> model.forward(inputs, Hooks.builder().patch("blocks.9.attn.hook_z", Patch.function((a, n, l) -> a)).build(), null));
        assertTrue(e.getMessage().contains("unknown hook"), e.getMessage());
        e = assertThrows(UserInputException.class,
                () -> model.forward(inputs, Hooks.builder().patch(HookNames.layer(0).z(), Patch.function((a, n, l) -> a).heads(12)).build(), null));
        assertTrue(e.getMessage().contains("head index 12"), e.getMessage());
        e = assertThrows(UserInputException.class,
                () -> model.forward(inputs, Hooks.builder().patch(HookNames.LOGITS, Patch.function((a, n, l) -> a).heads(0)).build(), null));
        assertTrue(e.getMessage().contains("no head axis"), e.getMessage());
    }

    @Test
    void wholeReplacementsOfZAndAttnOutSkipTheAttentionWithoutChangingAnything() {
        // A full-values patch of z (or attn_out) lets the forward skip q, k, v and the pattern.
        // The result must equal a run that computes them (forced by caching q) bit for bit.
        HookNames.Layer l2 = HookNames.layer(2);
        HookNames.Layer l4 = HookNames.layer(4);
        try (ActivationCache cache = new ActivationCache(nd)) {
            model.forward(inputs, Hooks.builder().cache(l2.z(), l4.attnOut(), l4.z()).build(), cache);
            NDArray zeroZ = cache.get(l2.z()).zerosLike();
            NDArray shiftedOut = cache.get(l4.attnOut()).add(0.25f);
            Hooks skipping = Hooks.builder()
                    .patch(l2.z(), Patch.values(zeroZ))
                    .patch(l4.attnOut(), Patch.values(shiftedOut))
                    .build();
            Hooks computing = Hooks.builder()
                    .patch(l2.z(), Patch.values(zeroZ))
                    .patch(l4.attnOut(), Patch.values(shiftedOut))
                    .cache(l2.q(), l4.q())
                    .build();
            float[] skipped = model.forward(inputs, skipping, null).toFloatArray();
            try (ActivationCache c2 = new ActivationCache(nd)) {
                float[] computed = model.forward(inputs, computing, c2).toFloatArray();
                assertArrayEquals(computed, skipped, 0f);
            }
            assertNotEquals(plainLogits()[0], skipped[0]);
            // Replacing attn_out by its own value reproduces the plain logits exactly.
            Hooks same = Hooks.builder().patch(l4.attnOut(), Patch.values(cache.get(l4.attnOut()))).build();
            assertArrayEquals(plainLogits(), model.forward(inputs, same, null).toFloatArray(), 0f);
            // A whole replacement of z is cached as the replacement.
            try (ActivationCache c3 = new ActivationCache(nd)) {
                model.forward(inputs, Hooks.builder().patch(l2.z(), Patch.values(zeroZ)).cache(l2.z()).build(), c3);
                assertEquals(0f, c3.get(l2.z()).abs().sum().getFloat());
            }
        }
    }

    @Test
    void startingAtLayerZeroFromAGivenResidualStreamReplacesTheEmbeddings() {
        // startAt(0, resid) must use the given stream instead of recomputing the embeddings
        // (it was silently ignored before), exactly as patching resid_pre of layer 0 does.
        NDList twice = new NDList(inputs.get(0).get("0:1").repeat(0, 2), inputs.get(1).get("0:1").repeat(0, 2),
                inputs.get(2).get("0:1").repeat(0, 2));
        float[] plain = model.logits(twice).toFloatArray();
        try (ActivationCache cache = new ActivationCache(nd)) {
            String resid0 = HookNames.layer(0).residPre();
            model.forward(twice, Hooks.builder().cache(resid0).build(), cache);
            NDArray shifted = cache.get(resid0).add(0.5f);
            float[] fromShifted = model.forward(twice, Hooks.builder().startAt(0, shifted).build(), null).toFloatArray();
            float[] fromPatch = model.forward(twice, Hooks.builder().patch(resid0, Patch.values(shifted)).build(), null).toFloatArray();
            assertArrayEquals(fromPatch, fromShifted, 0f);
            assertNotEquals(plain[0], fromShifted[0]);
            assertArrayEquals(plain, model.forward(twice, Hooks.builder().startAt(0, cache.get(resid0)).build(), null).toFloatArray(), 0f);
        }
    }
}
