package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/** TFC1: each document with one more occurrence of the selected term appended ("doc term"). */
public final class Tfc1Builder implements DiagnosticBuilder {
    @Override
    public DiagnosticKind kind() {
        return DiagnosticKind.TFC1;
    }

    @Override
    public List<DiagnosticSample> build(BuildContext ctx) {
        List<DiagnosticSample> out = new ArrayList<>();
        for (SelectedQuery q : ctx.selection().queries()) {
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("term_source", q.termSource());
            meta.putArray("variant_labels").add("+" + q.term());
            out.addAll(appendWord(ctx, q, kind(), q.term(), meta));
        }
        return out;
    }

    /** One sample per document of the query: baseline = doc, perturbed = doc + " " + word. */
    static List<DiagnosticSample> appendWord(BuildContext ctx, SelectedQuery q, DiagnosticKind kind, String word, ObjectNode meta) {
        List<DiagnosticSample> out = new ArrayList<>();
        for (BaseData.Doc d : q.docs()) {
            String text = d.text().trim();
            String base = ctx.fitter().fit(q.text(), text, b -> List.of(b + " " + word));
            ObjectNode m = meta.deepCopy();
            m.put("alignment", kind.defaultAlignment());
            if (!base.equals(text)) {
                m.put("shortened_from_words", Words.wordCount(text));
            }
            out.add(new DiagnosticSample(
                    kind.name().toLowerCase(java.util.Locale.ROOT) + "/" + q.qid() + "/" + d.id(),
                    kind, q.qid(), q.text(), d.id(), base, List.of(base + " " + word), q.term(), m));
        }
        return out;
    }
}
