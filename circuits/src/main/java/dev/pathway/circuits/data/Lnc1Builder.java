package dev.pathway.circuits.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * LNC1 (document length): one baseline per query followed by 0..4 sentences from documents of
 * other, unrelated selected queries.
 *
 * <ul>
 *   <li>Baseline: the first sentence that holds the term of the query's answer (the paper's
 *       synthetic answers), or of its first document when the source has no answer (the first
 *       sentence when none holds the term).
 *   <li>Partners: the other selected queries in a seeded random order; sentences are taken from
 *       the first partner's answer (or first document), then the next partner's, until there are
 *       four. In them the partner's own term is replaced by the pronoun, and sentences that contain
 *       this query's term or are longer than {@code clamp(maxLength / 10, 8, 40)} words are skipped,
 *       so only length changes and four sentences fit.
 * </ul>
 *
 * Every selected query gets a sample: partners are drawn from all other selected queries with a
 * fixed seed (the reference loader pairs queries through an unseeded shuffle and keeps only about
 * 13 of 100).
 */
public final class Lnc1Builder implements DiagnosticBuilder {

    @Override
    public DiagnosticKind kind() {
        return DiagnosticKind.LNC1;
    }

    @Override
    public List<DiagnosticSample> build(BuildContext ctx) {
        List<SelectedQuery> qs = ctx.selection().queries();
        if (qs.size() < 2) {
            throw new UserInputException("LNC1 needs at least two selected queries (partners come from other queries)");
        }
        int max = BuildOptions.LNC1_MAX;
        int maxWords = Math.max(8, Math.min(40, ctx.options().maxLength() / 10));
        List<DiagnosticSample> out = new ArrayList<>();
        for (int i = 0; i < qs.size(); i++) {
            SelectedQuery q = qs.get(i);
            String own = source(q);
            List<String> ownSentences = Words.sentences(own);
            String first = ownSentences.isEmpty() ? own : ownSentences.get(0);
            for (String s : ownSentences) {
                if (Words.containsWord(s, q.term())) {
                    first = s;
                    break;
                }
            }
            SplittableRandom rnd = new SplittableRandom(Seeds.derive(ctx.options().seed(), "lnc1/" + q.qid()));
            List<Integer> order = new ArrayList<>();
            for (int j = 0; j < qs.size(); j++) {
                if (j != i) {
                    order.add(j);
                }
            }
            for (int a = order.size() - 1; a > 0; a--) {
                int b = rnd.nextInt(a + 1);
                Integer t = order.get(a);
                order.set(a, order.get(b));
                order.set(b, t);
            }
            List<String> added = new ArrayList<>();
            ArrayNode partners = Json.MAPPER.createArrayNode();
            for (int j : order) {
                if (added.size() == max) {
                    break;
                }
                SelectedQuery p = qs.get(j);
                boolean used = false;
                for (String s : Words.sentences(source(p))) {
                    if (added.size() == max) {
                        break;
                    }
                    String t = Words.replaceAfter(s, p.term(), 0, ctx.options().pronoun());
                    if (Words.containsWord(t, q.term()) || Words.wordCount(t) > maxWords) {
                        continue;
                    }
                    added.add(t);
                    used = true;
                }
                if (used) {
                    partners.add(p.qid());
                }
            }
            if (added.size() < max) {
                throw new UserInputException("LNC1: the other selected queries give only " + added.size()
                        + " usable sentences for query " + q.qid());
            }
            String base = ctx.fitter().fit(q.text(), first, b -> List.of(withSentences(b, added, max)));
            List<String> perturbed = new ArrayList<>();
            for (int n = 1; n <= max; n++) {
                perturbed.add(withSentences(base, added, n));
            }
            ObjectNode meta = Json.MAPPER.createObjectNode();
            meta.put("alignment", kind().defaultAlignment());
            meta.put("baseline_label", 0);
            ArrayNode labels = meta.putArray("variant_labels");
            for (int n = 1; n <= max; n++) {
                labels.add(n);
            }
            meta.set("partner_qids", partners);
            meta.put("pronoun", ctx.options().pronoun());
            meta.put("baseline_source", q.answer() != null ? "answer" : "document");
            out.add(new DiagnosticSample("lnc1/" + q.qid(), kind(), q.qid(), q.text(),
                    q.answer() != null ? "answer" : q.docs().get(0).id(), base, perturbed, q.term(), meta));
        }
        return out;
    }

    private static String source(SelectedQuery q) {
        return q.answer() != null ? q.answer() : q.docs().get(0).text().trim();
    }

    static String withSentences(String base, List<String> sentences, int n) {
        StringBuilder sb = new StringBuilder(base);
        for (int i = 0; i < n; i++) {
            sb.append(' ').append(sentences.get(i));
        }
        return sb.toString();
    }
}
