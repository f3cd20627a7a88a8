package dev.pathway.trainer.data;

import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Qrels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Training groups from judgments: every judged-relevant (query, document) of a split is a
 * positive (optionally a seeded subsample), each followed by k negatives from a sampler. The
 * order is defined (sorted ids), so the same seed gives the same groups on any JVM.
 */
public final class TrainingSetBuilder {
    private static final Logger LOG = LogManager.getLogger(TrainingSetBuilder.class);

    private TrainingSetBuilder() {}

    /** What to build from one data set split. */
    public record Spec(DataSet dataset, String split, int minGrade, int maxPositives, int negativesPerPositive) {}

    /**
     * @param sampler draws negatives; its corpus must be the data set's
     * @return groups in a seeded random order
     */
    public static List<PairGroup> build(Spec spec, NegativeSampler sampler, long seed) {
        Qrels qrels = spec.dataset().qrels(spec.split());
        Map<String, String> queries = spec.dataset().queries();
        TreeMap<String, List<String>> positives = new TreeMap<>();
        for (String q : new java.util.TreeSet<>(qrels.queryIds())) {
            if (!queries.containsKey(q)) {
                continue;
            }
            List<String> docs = new ArrayList<>();
            new TreeMap<>(qrels.judgments(q)).forEach((d, g) -> {
                if (g >= spec.minGrade()) {
                    docs.add(d);
                }
            });
            if (!docs.isEmpty()) {
                positives.put(q, docs);
            }
        }
        List<String[]> pairs = new ArrayList<>();
        positives.forEach((q, docs) -> docs.forEach(d -> pairs.add(new String[] {q, d})));
        Random random = new Random(Seeds.derive(seed, "training-set:" + spec.dataset().name() + ":" + spec.split()));
        Collections.shuffle(pairs, random);
        if (spec.maxPositives() > 0 && pairs.size() > spec.maxPositives()) {
            pairs.subList(spec.maxPositives(), pairs.size()).clear();
        }
        if (pairs.isEmpty()) {
            throw new UserInputException(spec.dataset().label() + " split " + spec.split() + " has no judged-relevant pairs with grade >= " + spec.minGrade());
        }
        List<List<String>> docIds = new ArrayList<>();
        Set<String> needed = new LinkedHashSet<>();
        for (String[] p : pairs) {
            Set<String> exclude = new HashSet<>(positives.get(p[0]));
            List<String> group = new ArrayList<>();
            group.add(p[1]);
            group.addAll(sampler.sample(p[0], exclude, spec.negativesPerPositive(), random));
            docIds.add(group);
            needed.addAll(group);
        }
        // Judgments may name documents the corpus lacks (NFCorpus does): keep what exists.
        Map<String, Document> docs = new java.util.HashMap<>();
        spec.dataset().forEachDocument(d -> {
            if (needed.contains(d.id())) {
                docs.put(d.id(), d);
            }
        });
        List<PairGroup> out = new ArrayList<>();
        int dropped = 0;
        for (int i = 0; i < pairs.size(); i++) {
            List<String> ids = docIds.get(i);
            if (!docs.containsKey(ids.get(0)) || ids.size() < spec.negativesPerPositive() + 1) {
                dropped++;
                continue;
            }
            List<String> keep = ids.stream().filter(docs::containsKey).toList();
            if (keep.size() != ids.size()) {
                dropped++;
                continue;
            }
            out.add(new PairGroup(pairs.get(i)[0], queries.get(pairs.get(i)[0]), keep,
                    keep.stream().map(d -> docs.get(d).fullText()).toList()));
        }
        if (dropped > 0) {
            LOG.warn("{} {}: dropped {} of {} positives whose document or negatives are not in the corpus",
                    spec.dataset().name(), spec.split(), dropped, pairs.size());
        }
        return out;
    }

    /** Tokenizes groups into a DJL dataset with length-bucketed, seeded batches. */
    public static PairGroupDataset dataset(List<PairGroup> groups, PairTokenizer tokenizer, int maxLength,
            BucketBatchSampler sampler) {
        List<List<PairEncoding>> enc = new ArrayList<>();
        List<float[]> labels = new ArrayList<>();
        List<String> qs = new ArrayList<>();
        List<String> ds = new ArrayList<>();
        for (PairGroup g : groups) {
            for (int i = 0; i < g.size(); i++) {
                qs.add(g.query());
                ds.add(g.docs().get(i));
            }
        }
        List<PairEncoding> all = tokenizer.encodePairs(qs, ds, maxLength);
        int at = 0;
        for (PairGroup g : groups) {
            enc.add(all.subList(at, at + g.size()));
            float[] l = new float[g.size()];
            for (int i = 0; i < g.size(); i++) {
                l[i] = g.label(i);
            }
            labels.add(l);
            at += g.size();
        }
        return PairGroupDataset.builder().groups(enc, labels).setSampling(sampler).build();
    }
}
