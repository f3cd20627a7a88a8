package dev.pathway.circuits.data;

/** The IDF of a query word, for choosing which query term to perturb. */
@FunctionalInterface
public interface TermIdf {
    /** IDF of a lower-cased word; larger means rarer. */
    double idf(String word);
}
