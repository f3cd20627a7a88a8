package dev.pathway.editing.causal;

import ai.djl.huggingface.tokenizers.Encoding;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the doc1/doc2 samples of section 4.4 from queries. Words are the tokenizer's
 * pre-tokenized words (punctuation is a word of its own). A query is skipped, with a reason, when
 * it has fewer than two words, when a word contains [UNK], or when the two words share a piece
 * (editing tok1 would then edit tok2 too).
 */
public final class DocPairSamples {
    private DocPairSamples() {}

    /** Samples plus the skipped queries with reasons. */
    public record Built(List<DocPairSample> samples, Map<String, String> skipped) {}

    public static Built build(PairTokenizer tokenizer, Map<String, String> queries, int repetitions, int maxLength) {
        if (repetitions < 1) {
            throw new UserInputException("the number of repetitions must be at least 1, got " + repetitions);
        }
        if (queries.isEmpty()) {
            throw new UserInputException("no queries for the doc1/doc2 test");
        }
        List<DocPairSample> out = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (Map.Entry<String, String> q : queries.entrySet()) {
            Encoding enc = tokenizer.encodeText(q.getValue());
            long[] ids = enc.getIds();
            long[] wordIds = enc.getWordIds();
            TreeMap<Long, List<Integer>> byWord = new TreeMap<>();
            for (int i = 0; i < ids.length; i++) {
                byWord.computeIfAbsent(wordIds[i], k -> new ArrayList<>()).add(i);
            }
            if (byWord.size() < 2) {
                skipped.put(q.getKey(), "fewer than two words");
                continue;
            }
            List<Integer> w1 = byWord.firstEntry().getValue();
            List<Integer> w2 = byWord.higherEntry(byWord.firstKey()).getValue();
            int[] t1 = w1.stream().mapToInt(i -> (int) ids[i]).toArray();
            int[] t2 = w2.stream().mapToInt(i -> (int) ids[i]).toArray();
            if (contains(t1, tokenizer.unkId()) || contains(t2, tokenizer.unkId())) {
                skipped.put(q.getKey(), "a word tokenizes to [UNK]");
                continue;
            }
            if (Arrays.stream(t1).anyMatch(a -> contains(t2, a))) {
                skipped.put(q.getKey(), "the first two words share a word piece");
                continue;
            }
            PairEncoding d1 = tokenizer.assemble(ids, repeat(t1, repetitions), maxLength);
            PairEncoding d2 = tokenizer.assemble(ids, repeat(t2, repetitions), maxLength);
            // Query tokens sit at 1..len in the pair ([CLS] is 0); word1's pieces are w1's indices + 1.
            int[] pos = w1.stream().mapToInt(i -> i + 1).toArray();
            out.add(new DocPairSample(q.getKey(), q.getValue(), join(tokenizer, t1), join(tokenizer, t2), t1, t2, d1, d2, pos));
        }
        return new Built(out, skipped);
    }

    private static String join(PairTokenizer tokenizer, int[] ids) {
        StringBuilder b = new StringBuilder();
        for (int id : ids) {
            String t = tokenizer.token(id);
            b.append(t.startsWith("##") ? t.substring(2) : t);
        }
        return b.toString();
    }

    private static long[] repeat(int[] ids, int times) {
        long[] out = new long[ids.length * times];
        for (int r = 0; r < times; r++) {
            for (int i = 0; i < ids.length; i++) {
                out[r * ids.length + i] = ids[i];
            }
        }
        return out;
    }

    private static boolean contains(int[] a, long x) {
        for (int v : a) {
            if (v == x) {
                return true;
            }
        }
        return false;
    }
}
