package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.tokenize.TokenizerVocab;
import dev.pathway.core.util.Json;

/**
 * A planned change of U0 values: for each vocabulary id, its U0 before and after.
 *
 * @param ids vocabulary ids, distinct
 * @param oldU0 U0 before, aligned with ids
 * @param newU0 U0 after, aligned with ids
 */
public record U0Change(int[] ids, double[] oldU0, double[] newU0) {
    public U0Change {
        if (ids.length != oldU0.length || ids.length != newU0.length) {
            throw new IllegalArgumentException("ids, old and new U0 differ in length");
        }
    }

    public int size() {
        return ids.length;
    }

    /** Per-token JSON rows {id, token, u0_before, u0_after}, at most {@code limit} of them. */
    public ArrayNode toJson(TokenizerVocab vocab, int limit) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int i = 0; i < Math.min(limit, ids.length); i++) {
            ObjectNode n = a.addObject();
            n.put("id", ids[i]);
            n.put("token", vocab.token(ids[i]));
            n.put("u0_before", oldU0[i]);
            n.put("u0_after", newU0[i]);
        }
        return a;
    }
}
