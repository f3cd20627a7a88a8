package dev.pathway.circuits.data;

import dev.pathway.core.util.UserInputException;

/**
 * How diagnostic sets are built.
 *
 * @param seed the seed of every random choice (query and document samples, LNC1 partners)
 * @param maxQueries how many queries to select (0: all eligible)
 * @param docsPerQuery how many documents per query for TFC1/STMC1 (0: all)
 * @param maxLength the model's maximum pair length; documents are shortened so every variant fits
 * @param pronoun what replaces the term in TFC2 and in LNC1 partner sentences
 * @param termRule {@code given} (the source's terms where it has them, else IDF) or {@code idf}
 */
public record BuildOptions(long seed, int maxQueries, int docsPerQuery, int maxLength, String pronoun, String termRule) {
    /** TFC2 documents hold 0..5 occurrences of the term. */
    public static final int TFC2_MAX = 5;
    /** LNC1 adds 0..4 sentences. */
    public static final int LNC1_MAX = 4;

    public BuildOptions {
        if (maxQueries < 0 || docsPerQuery < 0) {
            throw new UserInputException("--queries and --docs-per-query must be >= 0");
        }
        if (maxLength < 16) {
            throw new UserInputException("--max-length " + maxLength + " is too small (>= 16)");
        }
        if (pronoun == null || pronoun.isBlank() || !pronoun.matches("[\\p{L}]+")) {
            throw new UserInputException("--pronoun must be one word, got '" + pronoun + "'");
        }
        if (!termRule.equals("given") && !termRule.equals("idf")) {
            throw new UserInputException("--term-rule must be 'given' or 'idf', got '" + termRule + "'");
        }
    }

    public static BuildOptions defaults() {
        return new BuildOptions(13, 0, 0, 512, "it", "given");
    }
}
