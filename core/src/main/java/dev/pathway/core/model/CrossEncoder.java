package dev.pathway.core.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import dev.pathway.core.checkpoint.Provenance;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.engine.GradMode;
import dev.pathway.core.engine.PathwayEngine;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookPoints;
import dev.pathway.core.hooks.Hooks;
import dev.pathway.core.tokenize.EncodedBatch;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded cross-encoder: config, tokenizer, weights (in a {@link CrossEncoderBlock}) and
 * provenance, on one device. Owns its NDManager; close it when done.
 */
public final class CrossEncoder implements AutoCloseable {
    private final NDManager manager;
    private final CrossEncoderBlock block;
    private final PairTokenizer tokenizer;
    private final Provenance provenance;
    private final Path tokenizerDir;
    private final String weightsSha256;

    CrossEncoder(
            NDManager manager,
            CrossEncoderBlock block,
            PairTokenizer tokenizer,
            Path tokenizerDir,
            Provenance provenance,
            String weightsSha256) {
        this.manager = manager;
        this.block = block;
        this.tokenizer = tokenizer;
        this.tokenizerDir = tokenizerDir;
        this.provenance = provenance;
        this.weightsSha256 = weightsSha256;
    }

    /** A model with every parameter freshly initialised from {@code seed} (for tests and new heads). */
    public static CrossEncoder fresh(BertConfig config, PairTokenizer tokenizer, Path tokenizerDir, Device device, long seed) {
        NDManager manager = PathwayEngine.newManager(device);
        CrossEncoderBlock block = new CrossEncoderBlock(config);
        block.parametersByHfName().forEach((name, p) -> FreshInit.apply(p, block.shapeOf(name), name, seed, manager));
        Provenance prov = Provenance.origin("fresh").withOperation("fresh-init", null, seed, null);
        return new CrossEncoder(manager, block, tokenizer, tokenizerDir, prov, null);
    }

    public BertConfig config() {
        return block.config();
    }

    public CrossEncoderBlock block() {
        return block;
    }

    public PairTokenizer tokenizer() {
        return tokenizer;
    }

    /** The directory that holds {@code tokenizer.json} (and maybe {@code tokenizer_config.json}). */
    public Path tokenizerDir() {
        return tokenizerDir;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** SHA-256 of the weights file this model was loaded from, or null for weights made in memory. */
    public String weightsSha256() {
        return weightsSha256;
    }

    public NDManager manager() {
        return manager;
    }

    public Device device() {
        return manager.getDevice();
    }

    public HookPoints hookPoints() {
        return block.hookPoints();
    }

    public Map<String, Parameter> parameters() {
        return block.parametersByHfName();
    }

    /** Logits [batch, num_labels] of a batch, in inference mode. */
    public NDArray logits(NDList inputs) {
        try (GradMode.Scope off = GradMode.off()) {
            return block.forward(inputs, Hooks.none(), null, false);
        }
    }

    /** The hooked forward in inference mode; see {@link CrossEncoderBlock#forward}. */
    public NDArray forward(NDList inputs, Hooks hooks, ActivationCache cache) {
        try (GradMode.Scope off = GradMode.off()) {
            return block.forward(inputs, hooks, cache, false);
        }
    }

    /** The first logit of each pair of one batch (no length bucketing; see {@link BatchScorer}). */
    public float[] score(List<PairEncoding> pairs) {
        try (NDManager m = manager.newSubManager()) {
            NDList in = new EncodedBatch(pairs).toNDList(m);
            NDArray logits = logits(in);
            return firstColumn(logits);
        }
    }

    static float[] firstColumn(NDArray logits) {
        long labels = logits.getShape().get(1);
        return labels == 1 ? logits.toFloatArray() : logits.get(":, 0").toFloatArray();
    }

    /**
     * An independent copy of the weights (own manager, same tokenizer file), optionally in another
     * floating type: edits to the copy leave this model untouched; float64 copies serve exact
     * gradient checks.
     */
    public CrossEncoder copy(ai.djl.ndarray.types.DataType dtype) {
        NDManager m = PathwayEngine.newManager(device());
        CrossEncoderBlock copy = new CrossEncoderBlock(config());
        for (Map.Entry<String, Parameter> e : parameters().entrySet()) {
            NDArray src = e.getValue().getArray();
            NDArray dst = src.getDataType() == dtype ? src.duplicate() : src.toType(dtype, true);
            dst.attach(m);
            WeightLoader.setArray(copy.parametersByHfName().get(e.getKey()), dst);
        }
        return new CrossEncoder(m, copy, PairTokenizer.load(tokenizerDir), tokenizerDir, provenance, weightsSha256);
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
    }
}
