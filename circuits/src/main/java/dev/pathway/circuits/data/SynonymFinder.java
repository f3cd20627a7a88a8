package dev.pathway.circuits.data;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.tokenize.PairTokenizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * STMC1's semantically similar word when no synonym table is given: the vocabulary word nearest
 * to the term by cosine similarity in the model's own input (word) embeddings. Candidates are
 * whole-word vocabulary entries of at least two letters; excluded are the term, its word pieces,
 * every word piece of the query, and words that share the term's stem (equal Snowball stems, or
 * a candidate that starts with the term's stem of four or more letters, such as "wellesleys").
 * A term of several pieces is represented by the mean of its pieces' embeddings.
 */
public final class SynonymFinder {
    private static final Pattern CANDIDATE = Pattern.compile("^\\p{Ll}{2,}$");

    private final PairTokenizer tokenizer;
    private final float[] unit;
    private final int vocab;
    private final int dim;
    private final boolean[] candidate;

    public SynonymFinder(CrossEncoder model) {
        this.tokenizer = model.tokenizer();
        float[] we = model.block().wordEmbeddings().getArray().toFloatArray();
        this.dim = model.config().hiddenSize();
        this.vocab = we.length / dim;
        this.unit = new float[we.length];
        this.candidate = new boolean[vocab];
        for (int i = 0; i < vocab; i++) {
            double norm = 0;
            for (int j = 0; j < dim; j++) {
                norm += (double) we[i * dim + j] * we[i * dim + j];
            }
            double inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
            for (int j = 0; j < dim; j++) {
                unit[i * dim + j] = (float) (we[i * dim + j] * inv);
            }
            String tok = i < tokenizer.vocabSize() ? tokenizer.token(i) : null;
            candidate[i] = tok != null && CANDIDATE.matcher(tok).matches();
        }
    }

    /** The nearest word to {@code term} for a query, with its cosine similarity. */
    public Match nearest(String term, String query) {
        long[] termIds = tokenizer.ids(term);
        double[] v = new double[dim];
        for (long id : termIds) {
            for (int j = 0; j < dim; j++) {
                v[j] += unit[(int) id * dim + j];
            }
        }
        double norm = 0;
        for (double x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        Set<Long> excluded = new HashSet<>();
        for (long id : termIds) {
            excluded.add(id);
        }
        for (long id : tokenizer.ids(query)) {
            excluded.add(id);
        }
        String termStem = stem(term.toLowerCase(Locale.ROOT));
        int best = -1;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < vocab; i++) {
            if (!candidate[i] || excluded.contains((long) i)) {
                continue;
            }
            double dot = 0;
            for (int j = 0; j < dim; j++) {
                dot += v[j] * unit[i * dim + j];
            }
            double cos = norm > 0 ? dot / norm : 0;
            if (cos > bestCos && !sharesStem(tokenizer.token(i), termStem)) {
                bestCos = cos;
                best = i;
            }
        }
        return new Match(tokenizer.token(best), bestCos);
    }

    /** A nearest word and its cosine similarity to the term. */
    public record Match(String word, double cosine) {}

    static boolean sharesStem(String word, String termStem) {
        String s = stem(word);
        return s.equals(termStem) || (termStem.length() >= 4 && (word.startsWith(termStem) || s.startsWith(termStem)));
    }

    static String stem(String word) {
        EnglishStemmer st = new EnglishStemmer();
        st.setCurrent(word);
        st.stem();
        return st.getCurrent();
    }
}
