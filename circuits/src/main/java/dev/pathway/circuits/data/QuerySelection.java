package dev.pathway.circuits.data;

import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Chooses the queries, terms and documents that every diagnostic set of one build shares. A query
 * is eligible when it has a term (given by the source, or a single-piece query word) and at least
 * one document. The sample is seeded and keeps the source's order, so the same seed gives the
 * same selection on any machine.
 */
public final class QuerySelection {
    private final List<SelectedQuery> selected;
    private final Map<String, Integer> skipped;

    private QuerySelection(List<SelectedQuery> selected, Map<String, Integer> skipped) {
        this.selected = List.copyOf(selected);
        this.skipped = skipped;
    }

    public static QuerySelection select(BaseData base, BuildOptions opt, TermSelector terms) {
        List<SelectedQuery> eligible = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        for (BaseData.Query q : base.queries()) {
            String term = opt.termRule().equals("given") ? base.terms().get(q.qid()) : null;
            String source = "given";
            if (term == null) {
                term = terms.select(q.text());
                source = "idf";
            }
            if (term == null) {
                skipped.merge("no single-piece query word", 1, Integer::sum);
                continue;
            }
            if (!Words.containsWord(q.text(), term)) {
                throw new UserInputException("selected term '" + term + "' is not in query " + q.qid() + " '" + q.text() + "'");
            }
            if (q.docs().isEmpty()) {
                skipped.merge("no documents", 1, Integer::sum);
                continue;
            }
            eligible.add(new SelectedQuery(q.qid(), q.text(), term, source, q.docs(), base.answers().get(q.qid())));
        }
        if (eligible.isEmpty()) {
            throw new UserInputException("no eligible query in " + base.name() + " (skipped: " + skipped + ")");
        }
        List<SelectedQuery> chosen = sample(eligible, opt.maxQueries(), Seeds.derive(opt.seed(), "queries"));
        List<SelectedQuery> out = new ArrayList<>();
        for (SelectedQuery q : chosen) {
            List<BaseData.Doc> docs = sample(q.docs(), opt.docsPerQuery(), Seeds.derive(opt.seed(), "docs/" + q.qid()));
            out.add(new SelectedQuery(q.qid(), q.text(), q.term(), q.termSource(), docs, q.answer()));
        }
        return new QuerySelection(out, skipped);
    }

    /** A seeded sample of {@code k} items (all when k is 0 or at least the size), in input order. */
    public static <T> List<T> sample(List<T> items, int k, long seed) {
        if (k <= 0 || k >= items.size()) {
            return List.copyOf(items);
        }
        int n = items.size();
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < k; i++) {
            int j = i + r.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(idx, k);
        java.util.Arrays.sort(chosen);
        List<T> out = new ArrayList<>(k);
        for (int i : chosen) {
            out.add(items.get(i));
        }
        return out;
    }

    public List<SelectedQuery> queries() {
        return selected;
    }

    /** Why queries of the source were not eligible, with counts. */
    public Map<String, Integer> skipped() {
        return skipped;
    }
}
