package dev.pathway.editing.idf;

import dev.pathway.core.util.UserInputException;
import java.util.Arrays;
import java.util.Locale;

/**
 * IDF from a document frequency df and a collection size N.
 *
 * <p>{@code lucene} is ln(1 + (N - df + 0.5)/(df + 0.5)) (Lucene's BM25 IDF) and {@code msmarco}
 * is ln((N + 1)/(df + 0.5)), the formula of the shared MS MARCO table. The two are the same
 * function written two ways (1 + (N - df + 0.5)/(df + 0.5) = (N + 1)/(df + 0.5)); both names are
 * kept so that a table's provenance reads as its source wrote it, and they agree to rounding.
 * {@code classic} is ln(N/df), for comparison with the textbook definition.
 */
public enum IdfFormula {
    LUCENE("lucene", "ln(1 + (N - df + 0.5)/(df + 0.5))") {
        @Override
        public double idf(long df, long n) {
            return Math.log(1 + (n - df + 0.5) / (df + 0.5));
        }
    },
    MSMARCO("msmarco", "ln((N + 1)/(df + 0.5))") {
        @Override
        public double idf(long df, long n) {
            return Math.log((n + 1.0) / (df + 0.5));
        }
    },
    CLASSIC("classic", "ln(N/df)") {
        @Override
        public double idf(long df, long n) {
            return Math.log((double) n / df);
        }
    };

    private final String id;
    private final String formula;

    IdfFormula(String id, String formula) {
        this.id = id;
        this.formula = formula;
    }

    /** IDF of a token seen in {@code df >= 1} of {@code n} documents. */
    public abstract double idf(long df, long n);

    public String id() {
        return id;
    }

    public String formula() {
        return formula;
    }

    public static IdfFormula parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (IdfFormula f : values()) {
            if (f.id.equals(n)) {
                return f;
            }
        }
        throw new UserInputException("unknown IDF formula '" + name + "' (choose one of "
                + Arrays.stream(values()).map(IdfFormula::id).toList() + ")");
    }
}
