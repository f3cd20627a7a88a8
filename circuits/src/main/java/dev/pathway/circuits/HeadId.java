package dev.pathway.circuits;

import dev.pathway.core.config.BertConfig;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An attention head as the paper writes it: {@code L.H}, layer and head 0-based (e.g. 10.1).
 *
 * @param layer the layer, 0-based
 * @param head the head within the layer, 0-based
 */
public record HeadId(int layer, int head) implements Comparable<HeadId>, java.io.Serializable {

    /** Parses {@code L.H}; the error names the text. */
    public static HeadId parse(String text) {
        String t = text.trim();
        int dot = t.indexOf('.');
        if (dot <= 0 || dot == t.length() - 1) {
            throw new UserInputException("bad head '" + text + "': write LAYER.HEAD, e.g. 10.1");
        }
        try {
            return new HeadId(Integer.parseInt(t.substring(0, dot)), Integer.parseInt(t.substring(dot + 1)));
        } catch (NumberFormatException e) {
            throw new UserInputException("bad head '" + text + "': write LAYER.HEAD, e.g. 10.1");
        }
    }

    /** Parses a comma-separated list such as {@code 7.9,8.1,4.9}, checking each against the model. */
    public static List<HeadId> parseList(String text, BertConfig config) {
        Set<HeadId> out = new LinkedHashSet<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(parse(part).checked(config));
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("empty head list '" + text + "'");
        }
        return new ArrayList<>(out);
    }

    /** This head, or a user error when the model has no such layer or head. */
    public HeadId checked(BertConfig config) {
        if (layer < 0 || layer >= config.numLayers()) {
            throw new UserInputException("head " + this + ": layer " + layer + " is out of range (the model has layers 0.."
                    + (config.numLayers() - 1) + ")");
        }
        if (head < 0 || head >= config.numHeads()) {
            throw new UserInputException("head " + this + ": head index " + head + " is out of range (the model has heads 0.."
                    + (config.numHeads() - 1) + " per layer)");
        }
        return this;
    }

    /** Every head of a model, layer by layer. */
    public static List<HeadId> all(BertConfig config) {
        List<HeadId> out = new ArrayList<>();
        for (int l = 0; l < config.numLayers(); l++) {
            for (int h = 0; h < config.numHeads(); h++) {
                out.add(new HeadId(l, h));
            }
        }
        return out;
    }

    @Override
    public int compareTo(HeadId o) {
        return layer != o.layer ? Integer.compare(layer, o.layer) : Integer.compare(head, o.head);
    }

    @Override
    public String toString() {
        return layer + "." + head;
    }
}
