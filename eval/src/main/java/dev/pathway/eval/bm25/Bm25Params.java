package dev.pathway.eval.bm25;

import dev.pathway.core.util.UserInputException;
import java.util.Locale;

/**
 * BM25 parameters. The defaults are Anserini's (k1 = 0.9, b = 0.4, one "flat" field), which its
 * BEIR baselines use.
 *
 * @param k1 term-frequency saturation, >= 0
 * @param b length normalisation, in [0, 1]
 * @param fields which indexed fields a query searches
 */
public record Bm25Params(float k1, float b, Fields fields) {
    public static final Bm25Params ANSERINI = new Bm25Params(0.9f, 0.4f);

    /** The fields searched, as Anserini's two BEIR index flavours. */
    public enum Fields {
        /** One field holding {@code title + " " + text} (Anserini's "flat" BEIR indexes). */
        FLAT,
        /**
         * Title and text as separate fields, each scored by BM25 with its own length statistics,
         * summed with weight 1 each (Anserini's "multifield" BEIR indexes).
         */
        MULTIFIELD;

        public static Fields parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UserInputException("unknown BM25 fields '" + s + "' (use flat or multifield)");
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Bm25Params(float k1, float b) {
        this(k1, b, Fields.FLAT);
    }

    public Bm25Params {
        if (!(k1 >= 0) || !Float.isFinite(k1)) {
            throw new UserInputException("BM25 k1 must be a finite number >= 0, got " + k1);
        }
        if (!(b >= 0 && b <= 1)) {
            throw new UserInputException("BM25 b must be in [0, 1], got " + b);
        }
        if (fields == null) {
            fields = Fields.FLAT;
        }
    }

    @Override
    public String toString() {
        return "k1=" + k1 + " b=" + b + " fields=" + fields.label();
    }
}
