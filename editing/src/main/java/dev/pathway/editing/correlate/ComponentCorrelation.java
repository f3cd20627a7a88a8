package dev.pathway.editing.correlate;

/**
 * Correlation of one left singular vector U_k with IDF.
 *
 * @param component k (0 = U0, the top singular vector)
 * @param sigma the singular value sigma_k
 * @param pearson Pearson r of U_k[t] and IDF[t] over the tokens used
 * @param spearman Spearman rho (average ranks for ties)
 * @param tokens how many tokens were used (those with a known IDF)
 */
public record ComponentCorrelation(int component, double sigma, double pearson, double spearman, int tokens) {}
