package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * TFC2 (term saturation): one document per query in six versions holding 0..5 occurrences of the
 * term; the baseline holds 0 and perturbed document k holds k.
 *
 * <ul>
 *   <li>{@code pronoun} mode, when the source has an answer with at least five word-bounded
 *       occurrences (the paper's synthetic answers): every occurrence is replaced by the pronoun,
 *       then the first k are restored, as the paper's Table 1 shows (the reference code restores
 *       from the last; either way k occurrences).
 *   <li>{@code append} mode otherwise: the query's first document with every occurrence replaced
 *       by the pronoun, followed by k appended copies of the term.
 * </ul>
 */
public final class Tfc2Builder implements DiagnosticBuilder {
    @Override
    public DiagnosticKind kind() {
        return DiagnosticKind.TFC2;
    }

    @Override
    public List<DiagnosticSample> build(BuildContext ctx) {
        int max = BuildOptions.TFC2_MAX;
        String pronoun = ctx.options().pronoun();
        List<DiagnosticSample> out = new ArrayList<>();
        for (SelectedQuery q : ctx.selection().queries()) {
            ObjectNode meta = Json.MAPPER.createObjectNode();
            ArrayNode labels = meta.putArray("variant_labels");
            for (int k = 1; k <= max; k++) {
                labels.add(k);
            }
            meta.put("baseline_label", 0);
            meta.put("pronoun", pronoun);
            String full = null;
            if (q.answer() != null && Words.count(q.answer(), q.term()) >= max) {
                full = ctx.fitter().fit(q.text(), q.answer(), d -> versions(d, q.term(), pronoun, max));
            }
            if (full == null || Words.count(full, q.term()) < max) {
                // No answer with enough occurrences (or the shortened one lost some): append copies.
                appendMode(ctx, q, meta, out);
                continue;
            }
            meta.put("mode", "pronoun");
            meta.put("alignment", "any");
            List<String> v = versions(full, q.term(), pronoun, max);
            out.add(new DiagnosticSample("tfc2/" + q.qid(), kind(), q.qid(), q.text(), "answer", v.get(0), v.subList(1, v.size()),
                    q.term(), meta));
        }
        return out;
    }

    private void appendMode(BuildContext ctx, SelectedQuery q, ObjectNode meta, List<DiagnosticSample> out) {
        int max = BuildOptions.TFC2_MAX;
        String pronoun = ctx.options().pronoun();
        meta.put("mode", "append");
        meta.put("alignment", "append");
        BaseData.Doc doc = q.docs().get(0);
        String text = Words.replaceAfter(doc.text().trim(), q.term(), 0, pronoun);
        String base = ctx.fitter().fit(q.text(), text, d -> List.of(appended(d, q.term(), max)));
        List<String> perturbed = new ArrayList<>();
        for (int k = 1; k <= max; k++) {
            perturbed.add(appended(base, q.term(), k));
        }
        out.add(new DiagnosticSample("tfc2/" + q.qid(), kind(), q.qid(), q.text(), doc.id(), base, perturbed, q.term(), meta));
    }

    /** The document with 0..max occurrences: all replaced by the pronoun, then the first k kept. */
    static List<String> versions(String doc, String term, String pronoun, int max) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k <= max; k++) {
            out.add(Words.replaceAfter(doc, term, k, pronoun));
        }
        return out;
    }

    static String appended(String doc, String term, int k) {
        StringBuilder sb = new StringBuilder(doc);
        for (int i = 0; i < k; i++) {
            sb.append(' ').append(term);
        }
        return sb.toString();
    }
}
