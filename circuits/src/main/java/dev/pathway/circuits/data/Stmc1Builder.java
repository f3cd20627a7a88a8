package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * STMC1: each document with a semantically similar word appended instead of the term: the
 * source's synonym (the paper's {@code most_similar_synonym}) where it gives one, otherwise the
 * nearest vocabulary word in the model's input embeddings ({@link SynonymFinder}).
 */
public final class Stmc1Builder implements DiagnosticBuilder {
    @Override
    public DiagnosticKind kind() {
        return DiagnosticKind.STMC1;
    }

    @Override
    public List<DiagnosticSample> build(BuildContext ctx) {
        List<DiagnosticSample> out = new ArrayList<>();
        for (SelectedQuery q : ctx.selection().queries()) {
            ObjectNode meta = Json.MAPPER.createObjectNode();
            String given = q.termSource().equals("given") ? ctx.base().synonyms().get(q.qid()) : null;
            String synonym;
            if (given != null) {
                synonym = given;
                meta.put("synonym_source", "given");
            } else {
                SynonymFinder.Match m = ctx.synonyms().apply(q.term(), q.text());
                synonym = m.word();
                meta.put("synonym_source", "embedding-nearest");
                meta.put("synonym_cosine", m.cosine());
            }
            meta.put("synonym", synonym);
            meta.put("term_source", q.termSource());
            meta.putArray("variant_labels").add("+" + synonym);
            out.addAll(Tfc1Builder.appendWord(ctx, q, kind(), synonym, meta));
        }
        return out;
    }
}
