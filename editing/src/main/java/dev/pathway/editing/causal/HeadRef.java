package dev.pathway.editing.causal;

import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;

/** An attention head, written L.H (0-based layer and head, e.g. 10.1). */
public record HeadRef(int layer, int head) {

    public static HeadRef parse(String s, BertConfig config) {
        String[] p = s.strip().split("\\.");
        if (p.length != 2) {
            throw new UserInputException("a head is written LAYER.HEAD (e.g. 3.1), got '" + s + "'");
        }
        int l;
        int h;
        try {
            l = Integer.parseInt(p[0]);
            h = Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            throw new UserInputException("a head is written LAYER.HEAD (e.g. 3.1), got '" + s + "'");
        }
        if (l < 0 || l >= config.numLayers() || h < 0 || h >= config.numHeads()) {
            throw new UserInputException("head " + s + " does not exist: the model has layers 0.." + (config.numLayers() - 1)
                    + " and heads 0.." + (config.numHeads() - 1));
        }
        return new HeadRef(l, h);
    }

    @Override
    public String toString() {
        return layer + "." + head;
    }
}
