package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import dev.pathway.core.config.BertConfig;
import dev.pathway.core.hooks.ActivationCache;
import dev.pathway.core.hooks.HookNames;
import dev.pathway.core.hooks.HookPoints;
import dev.pathway.core.hooks.HookRun;
import dev.pathway.core.hooks.Hooks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HuggingFace {@code BertForSequenceClassification} as a DJL block: embeddings, post-LN encoder
 * layers, pooler on [CLS], classifier. Dropout runs only in training mode.
 *
 * <p>Inputs are (token ids, token type ids, attention mask), each [batch, pos] int64; the output
 * is the raw logits [batch, num_labels]. An optional fourth input is a word-embedding table to
 * look the ids up in instead of W_E (see {@link #WORD_ROWS}).
 * {@link #forward(NDList, Hooks, ActivationCache, boolean)} is the hooked forward; DJL's
 * {@code forward} runs it without hooks.
 *
 * <p>Memory: every layer's intermediates live in a sub-manager that closes when the layer ends,
 * so inference keeps one layer's activations at a time (autograd keeps its own references).
 */
public final class CrossEncoderBlock extends ParamBlock {
    private static final float MASK_VALUE = -Float.MAX_VALUE;
    /** HuggingFace name of the word-embedding matrix W_E. */
    public static final String WORD_EMBEDDINGS = "bert.embeddings.word_embeddings.weight";
    /** Inputs that hold one row per pair (ids, token types, mask); the ones after them do not. */
    public static final int PAIR_INPUTS = 3;
    /**
     * Index of the optional input [rows, d_model] that replaces W_E for this forward, with the ids
     * indexing into it. Training passes a batch's own rows of W_E here, so the word-embedding
     * gradient is [rows, d_model] instead of a dense [vocab, d_model] (see the trainer).
     */
    public static final int WORD_ROWS = 3;

    private final BertConfig config;
    private final EmbeddingsBlock embeddings;
    private final List<EncoderLayerBlock> layers;
    private final PoolerBlock pooler;
    private final ClassifierBlock classifier;
    private final HookPoints hookPoints;
    private final Map<String, Parameter> hfParameters;
    private final Map<String, Shape> shapes;

    public CrossEncoderBlock(BertConfig config) {
        this.config = config;
        this.embeddings = child("bert.embeddings", new EmbeddingsBlock(config));
        List<EncoderLayerBlock> ls = new ArrayList<>();
        for (int l = 0; l < config.numLayers(); l++) {
            ls.add(child("bert.encoder.layer." + l, new EncoderLayerBlock(config, l)));
        }
        this.layers = Collections.unmodifiableList(ls);
        this.pooler = child("bert.pooler", new PoolerBlock(config));
        this.classifier = child("classifier", new ClassifierBlock(config));
        this.hookPoints = new HookPoints(config);
        this.hfParameters = Collections.unmodifiableMap(new LinkedHashMap<>(hfParameters()));
        this.shapes = Collections.unmodifiableMap(new LinkedHashMap<>(declaredShapes()));
    }

    public BertConfig config() {
        return config;
    }

    public HookPoints hookPoints() {
        return hookPoints;
    }

    /** Every parameter by its HuggingFace name ({@code bert.} prefix, {@code classifier.*}). */
    public Map<String, Parameter> parametersByHfName() {
        return hfParameters;
    }

    /** The shape each parameter must have, by HuggingFace name. */
    public Shape shapeOf(String hfName) {
        return shapes.get(hfName);
    }

    /** The word embedding matrix W_E [vocab, d_model]. */
    public Parameter wordEmbeddings() {
        return embeddings.word;
    }

    /**
     * The hooked forward.
     *
     * @param inputs (ids, token types, mask), each [batch, pos] int64, and optionally the word
     *     table the ids index ({@link #WORD_ROWS})
     * @param hooks what to cache, replace, where to start and stop
     * @param cache where cached activations go (may be null when nothing is cached)
     * @param training dropout on or off
     * @return logits [batch, num_labels] owned by the inputs' manager, or null when the hooks stop
     *     before the last layer
     */
    public NDArray forward(NDList inputs, Hooks hooks, ActivationCache cache, boolean training) {
        NDArray ids = inputs.get(0);
        NDArray types = inputs.get(1);
        NDArray mask = inputs.get(2);
        NDArray wordTable = inputs.size() > WORD_ROWS ? inputs.get(WORD_ROWS) : embeddings.word.getArray();
        NDManager caller = ids.getManager();
        HookRun run = new HookRun(hooks, hookPoints, cache);
        int stop = hooks.stopBeforeLayer() >= 0 ? Math.min(hooks.stopBeforeLayer(), layers.size()) : layers.size();
        if (hooks.startLayer() > layers.size()) {
            throw new IllegalArgumentException("start layer " + hooks.startLayer() + " > " + layers.size());
        }
        try (NDManager fwd = caller.newSubManager()) {
            run.enter(fwd);
            NDArray additiveMask = additiveMask(run.own(mask), embeddings.word.getArray().getDataType());
            // startAt(0, resid) replaces the embeddings by the given residual stream.
            NDArray resid = hooks.startResid() == null
                    ? embeddings.forward(run.own(ids), wordTable, run.own(types), positions(fwd, ids.getShape()), run, training)
                    : run.own(hooks.startResid());
            for (int l = hooks.startLayer(); l < stop; l++) {
                try (NDManager layerScope = fwd.newSubManager()) {
                    run.enter(layerScope);
                    NDArray out = run.own(layers.get(l).forward(run.own(resid), additiveMask, run, training));
                    out.attach(fwd);
                    resid = out;
                }
                run.enter(fwd);
            }
            if (stop < layers.size()) {
                return null;
            }
            NDArray pooled = run.at(HookNames.POOLER_OUT, pooler.forward(resid));
            NDArray logits = run.own(run.at(HookNames.LOGITS, classifier.forward(pooled, training)));
            logits.attach(caller);
            return logits;
        }
    }

    /** [batch, pos] 1/0 mask to the additive [batch, 1, 1, key_pos] mask HuggingFace uses. */
    private static NDArray additiveMask(NDArray mask, DataType dtype) {
        Shape s = mask.getShape();
        return mask.toType(dtype, false).neg().add(1f).mul(MASK_VALUE).reshape(s.get(0), 1, 1, s.get(1));
    }

    private static NDArray positions(NDManager m, Shape idsShape) {
        return m.arange(0, idsShape.get(1), 1, DataType.INT64).expandDims(0).repeat(0, idsShape.get(0));
    }

    /** The per-head output projection weight of layer {@code layer}, head {@code head}: [d_model, d_head]. */
    public NDArray headOutputWeight(int layer, int head) {
        return layers.get(layer).headOutputWeight(head);
    }

    /**
     * DJL's forward (what {@code Trainer} calls). The forward computes with the parameters' own
     * arrays; asking the store for each one registers it, so the trainer's optimizer updates them.
     * Only a single device is supported: the store must hand back the same arrays.
     */
    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        ai.djl.Device device = inputs.head().getDevice();
        for (Parameter p : hfParameters.values()) {
            if (parameterStore.getValue(p, device, training) != p.getArray()) {
                throw new IllegalStateException("pathway trains on one device; parameter " + p.getName() + " was copied");
            }
        }
        return new NDList(forward(inputs, Hooks.none(), null, training));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.numLabels())};
    }
}
