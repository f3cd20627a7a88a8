package dev.pathway.editing.adversarial;

import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import ai.djl.huggingface.tokenizers.Encoding;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Seeds;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Qrels;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the adversarial samples of section 6.3 from a BEIR data set: every (query, relevant
 * document) pair of a split is a candidate; candidates are put in a seeded random order (from an
 * order defined by query and document id, so the same seed always gives the same samples) and
 * cut to a maximum; each gets one unsafe word, drawn with the seed, inserted before a seeded random
 * word of the document text (title + " " + text), among the words the model still sees after
 * truncation to the maximum length (whitespace is normalised to single spaces, which BERT's
 * tokenizer ignores); a candidate is kept when the unedited
 * model scores the unsafe document more than {@code minRise} above the clean one.
 */
public final class AdversarialSamples {
    private AdversarialSamples() {}

    /**
     * @param samples the kept samples
     * @param candidates how many (query, relevant document) pairs were tried
     * @param available how many candidates the split had before the cut
     */
    public record Built(List<AdversarialSample> samples, int candidates, int available) {}

    public record Config(String split, int maxCandidates, double minRise, long seed, int maxLength, int batchSize) {
        public Config {
            if (maxCandidates < 1) {
                throw new UserInputException("the number of candidates must be at least 1, got " + maxCandidates);
            }
            if (!Double.isFinite(minRise)) {
                throw new UserInputException("the minimum score rise must be a finite number, got " + minRise);
            }
        }
    }

    private record Candidate(String queryId, String docId) {}

    public static Built build(CrossEncoder model, DataSet data, List<String> words, Config cfg, Progress.Factory progress) {
        if (words.isEmpty()) {
            throw new UserInputException("no unsafe words to insert");
        }
        Qrels qrels = data.qrels(cfg.split());
        Map<String, String> queries = data.queries(cfg.split());
        List<Candidate> all = new ArrayList<>();
        for (String q : qrels.queryIds()) {
            qrels.judgments(q).entrySet().stream().filter(e -> e.getValue() >= 1).map(Map.Entry::getKey).sorted()
                    .forEach(d -> all.add(new Candidate(q, d)));
        }
        if (all.isEmpty()) {
            throw new UserInputException(data.name() + " split " + cfg.split() + " has no relevant documents to build adversarial samples from");
        }
        all.sort(Comparator.comparing(Candidate::queryId).thenComparing(Candidate::docId));
        SplittableRandom order = new SplittableRandom(Seeds.derive(cfg.seed(), "adversarial-candidates"));
        for (int i = all.size() - 1; i > 0; i--) {
            Collections.swap(all, i, order.nextInt(i + 1));
        }
        List<Candidate> chosen = all.subList(0, Math.min(cfg.maxCandidates(), all.size()));
        Set<String> docIds = new HashSet<>();
        chosen.forEach(c -> docIds.add(c.docId()));
        Map<String, Document> docs = data.documents(docIds);
        SplittableRandom inject = new SplittableRandom(Seeds.derive(cfg.seed(), "adversarial-injection"));
        List<String> qTexts = new ArrayList<>();
        List<String> cleanTexts = new ArrayList<>();
        List<String> unsafeTexts = new ArrayList<>();
        List<String> injected = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        List<Candidate> used = new ArrayList<>();
        for (Candidate c : chosen) {
            String text = docs.get(c.docId()).fullText();
            String query = queries.get(c.queryId());
            String w = words.get(inject.nextInt(words.size()));
            List<int[]> spans = wordSpans(text);
            int visible = visibleWords(model.tokenizer(), query, text, spans, model.tokenizer().ids(w).length, cfg.maxLength());
            if (visible < 0) {
                continue; // the query leaves no room for the document and the word
            }
            // Insert before a word that the model still sees after truncation, so the unsafe
            // document really shows the word (positions past the cut would change nothing).
            int pos = inject.nextInt(visible + 1);
            List<String> ws = new ArrayList<>(spans.size() + 1);
            for (int[] sp : spans) {
                ws.add(text.substring(sp[0], sp[1]));
            }
            ws.add(pos, w);
            used.add(c);
            qTexts.add(query);
            cleanTexts.add(text);
            unsafeTexts.add(String.join(" ", ws));
            injected.add(w);
            positions.add(pos);
        }
        if (used.isEmpty()) {
            throw new UserInputException("no candidate leaves room for an inserted word within the maximum length " + cfg.maxLength());
        }
        List<PairEncoding> clean = model.tokenizer().encodePairs(qTexts, cleanTexts, cfg.maxLength());
        List<PairEncoding> unsafe = model.tokenizer().encodePairs(qTexts, unsafeTexts, cfg.maxLength());
        List<PairEncoding> both = new ArrayList<>(clean);
        both.addAll(unsafe);
        float[] scores;
        try (Progress p = progress.start("adversarial candidates", both.size(), "pairs")) {
            scores = new BatchScorer(model, cfg.batchSize()).score(both, p);
        }
        List<AdversarialSample> kept = new ArrayList<>();
        int n = used.size();
        for (int i = 0; i < n; i++) {
            float cs = scores[i];
            float us = scores[n + i];
            if (us - cs > cfg.minRise()) {
                Candidate c = used.get(i);
                kept.add(new AdversarialSample(c.queryId(), c.docId(), injected.get(i), positions.get(i), clean.get(i), unsafe.get(i), cs, us));
            }
        }
        return new Built(kept, n, all.size());
    }

    /** Start and end offsets of the whitespace-separated words of a text. */
    static List<int[]> wordSpans(String text) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                out.add(new int[] {start, i});
            }
        }
        return out;
    }

    /**
     * How many leading words of the document fit, whole, in the pair together with {@code
     * wordPieces} more pieces; -1 when not even the inserted word fits.
     */
    static int visibleWords(PairTokenizer tokenizer, String query, String text, List<int[]> spans, int wordPieces, int maxLength) {
        int queryLen = Math.min(tokenizer.ids(query).length, maxLength - 4);
        int room = maxLength - 3 - queryLen - wordPieces;
        if (room < 0) {
            return -1;
        }
        Encoding enc = tokenizer.encodeText(text);
        if (enc.getIds().length <= room) {
            return spans.size();
        }
        if (room == 0) {
            return 0;
        }
        int visibleEnd = enc.getCharTokenSpans()[room - 1].getEnd();
        int k = 0;
        while (k < spans.size() && spans.get(k)[1] <= visibleEnd) {
            k++;
        }
        return k;
    }
}
