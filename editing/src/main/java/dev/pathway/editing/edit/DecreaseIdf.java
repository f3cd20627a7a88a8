package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;

/**
 * The paper's "decrease IDF" dial (sections 4.4 and 6.3): U0[t] := +S |U0[t]|, which makes the
 * token read as common and unimportant. Adversarial down-weighting uses it.
 */
public final class DecreaseIdf implements U0Rule {
    private final double scale;

    public DecreaseIdf(double scale) {
        this.scale = Scales.check(scale);
    }

    @Override
    public String name() {
        return "decrease";
    }

    @Override
    public double newU0(int tokenId, double u0) {
        return scale * Math.abs(u0);
    }

    @Override
    public ObjectNode params() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("rule", name());
        n.put("formula", "U0[t] := +S*|U0[t]|");
        n.put("scale", scale);
        return n;
    }
}
