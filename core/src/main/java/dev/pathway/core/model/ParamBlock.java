package dev.pathway.core.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A DJL block that holds named parameters with fixed shapes and knows their HuggingFace names.
 * Subclasses compute with the parameter arrays directly (see {@link CrossEncoderBlock}).
 */
abstract class ParamBlock extends AbstractBlock {
    private static final byte VERSION = 1;

    /** HuggingFace name (relative to this block) to parameter. */
    private final Map<String, Parameter> hfNames = new LinkedHashMap<>();
    /** The shape each parameter must have; DJL's own shape is set by the first setArray. */
    private final Map<String, Shape> declaredShapes = new LinkedHashMap<>();

    ParamBlock() {
        super(VERSION);
    }

    /** Declares a parameter by its HuggingFace name relative to this block, e.g. "dense.weight". */
    protected final Parameter param(String hfName, Parameter.Type type, long... shape) {
        Parameter p = addParameter(
                Parameter.builder()
                        .setName(hfName.replace('.', '_'))
                        .setType(type)
                        .build());
        hfNames.put(hfName, p);
        declaredShapes.put(hfName, new Shape(shape));
        return p;
    }

    /** Adds a child block whose HuggingFace names are prefixed with {@code hfPrefix + "."}. */
    protected final <B extends ParamBlock> B child(String hfPrefix, B block) {
        addChildBlock(hfPrefix.replace('.', '_'), block);
        block.hfParameters().forEach((name, p) -> hfNames.put(hfPrefix + "." + name, p));
        block.declaredShapes().forEach((name, s) -> declaredShapes.put(hfPrefix + "." + name, s));
        return block;
    }

    /** Every parameter by its HuggingFace name (relative to this block), in declaration order. */
    Map<String, Parameter> hfParameters() {
        return hfNames;
    }

    /** Every parameter's required shape by HuggingFace name (relative to this block). */
    Map<String, Shape> declaredShapes() {
        return declaredShapes;
    }

    static NDArray w(Parameter p) {
        return p.getArray();
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Pair<String, Block> child : getChildren()) {
            child.getValue().initialize(manager, dataType, inputShapes);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore parameterStore, NDList inputs, boolean training, PairList<String, Object> params) {
        throw new UnsupportedOperationException(
                getClass().getSimpleName() + " is run through CrossEncoderBlock's hooked forward");
    }
}
