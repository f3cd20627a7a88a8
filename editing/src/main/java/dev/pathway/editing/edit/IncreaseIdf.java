package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;

/**
 * The paper's "increase IDF" dial (section 4.4): U0[t] := -S |U0[t]|. With U0 oriented against
 * IDF, a more negative U0 reads as a rarer, more important token.
 */
public final class IncreaseIdf implements U0Rule {
    private final double scale;

    public IncreaseIdf(double scale) {
        this.scale = Scales.check(scale);
    }

    @Override
    public String name() {
        return "increase";
    }

    @Override
    public double newU0(int tokenId, double u0) {
        return -scale * Math.abs(u0);
    }

    @Override
    public ObjectNode params() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("rule", name());
        n.put("formula", "U0[t] := -S*|U0[t]|");
        n.put("scale", scale);
        return n;
    }
}
