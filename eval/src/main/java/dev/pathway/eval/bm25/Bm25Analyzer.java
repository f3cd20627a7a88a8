package dev.pathway.eval.bm25;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The analyzer of Anserini's default English configuration: Lucene's standard tokenizer, English
 * possessive removal, lower-casing, Lucene's default English stop words (33) and the Porter
 * stemmer, i.e. Lucene's {@link EnglishAnalyzer}.
 */
public final class Bm25Analyzer {
    /** Names the analysis in cache keys and results (change it whenever the analysis changes). */
    public static final String ID = "english-porter";

    private Bm25Analyzer() {}

    public static Analyzer create() {
        return new EnglishAnalyzer();
    }

    /** The analyzed terms of a text, in order (with repeats). */
    public static List<String> terms(Analyzer analyzer, String field, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysis of an in-memory string failed", e);
        }
        return out;
    }
}
