package dev.pathway.circuits.align;

import dev.pathway.circuits.data.DiagnosticSample;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import java.util.Arrays;

/**
 * Makes a baseline and a perturbed pair the same length so that patching can swap activations
 * position by position: the shorter input gets n filler tokens (default "a", as the paper) just
 * before its final [SEP], where the perturbed document's appended term sits; token types of the
 * filler are the document's (1).
 *
 * <p>A pair cannot be aligned, and is refused with one line naming it, when either input exceeds
 * the maximum length (truncation would cut the perturbation off), when the queries differ, or, in
 * {@code append} alignment, when the shorter document's tokens are not a prefix of the longer's
 * (padding the end would then put different tokens at the same positions).
 */
public final class LengthEqualizer {
    private static final int NO_LIMIT = 1 << 20;

    private final PairTokenizer tokenizer;
    private final int maxLength;
    private final long fillerId;
    private final String filler;

    public LengthEqualizer(PairTokenizer tokenizer, int maxLength, String filler) {
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.filler = filler;
        long[] ids = tokenizer.ids(filler);
        if (ids.length != 1 || ids[0] == tokenizer.unkId()) {
            throw new UserInputException("filler '" + filler + "' must be one known word piece; it tokenizes to "
                    + Arrays.toString(tokenizer.tokens(filler)));
        }
        this.fillerId = ids[0];
    }

    public long fillerId() {
        return fillerId;
    }

    public String filler() {
        return filler;
    }

    /** Aligns the baseline of a sample with its perturbed document {@code variant} (1-based). */
    public AlignedPair align(DiagnosticSample s, int variant) {
        return align(s.id() + "#" + variant, s.query(), s.baseline(), s.variant(variant), s.alignment(), s.term());
    }

    public AlignedPair align(String id, String query, String baselineDoc, String perturbedDoc, String alignment, String term) {
        PairEncoding b = tokenizer.encodePair(query, baselineDoc, NO_LIMIT);
        PairEncoding p = tokenizer.encodePair(query, perturbedDoc, NO_LIMIT);
        return align(id, b, p, alignment, tokenizer.ids(term));
    }

    public AlignedPair align(String id, PairEncoding b, PairEncoding p, String alignment, long[] termIds) {
        if (!alignment.equals("append") && !alignment.equals("any")) {
            throw new UserInputException("pair " + id + ": unknown alignment '" + alignment + "' (append or any)");
        }
        int longer = Math.max(b.length(), p.length());
        if (longer > maxLength) {
            throw new UserInputException("pair " + id + " cannot be aligned: the " + (p.length() >= b.length() ? "perturbed" : "baseline")
                    + " input has " + longer + " tokens, more than max length " + maxLength
                    + " (truncation would cut the perturbation off; rebuild the data set with --max-length " + maxLength + ")");
        }
        if (b.firstSep() != p.firstSep()
                || !Arrays.equals(Arrays.copyOfRange(b.ids(), 0, b.firstSep()), Arrays.copyOfRange(p.ids(), 0, p.firstSep()))) {
            throw new UserInputException("pair " + id + " cannot be aligned: baseline and perturbed queries differ");
        }
        boolean padBaseline = b.length() <= p.length();
        PairEncoding shorter = padBaseline ? b : p;
        PairEncoding other = padBaseline ? p : b;
        int n = other.length() - shorter.length();
        if (alignment.equals("append")) {
            for (int i = shorter.docStart(); i < shorter.lastSep(); i++) {
                if (shorter.ids()[i] != other.ids()[i]) {
                    throw new UserInputException("pair " + id + " cannot be aligned: the " + (padBaseline ? "baseline" : "perturbed")
                            + " document is not a prefix of the other at token " + (i - shorter.docStart()) + " ('"
                            + tokenizer.token(shorter.ids()[i]) + "' vs '" + tokenizer.token(other.ids()[i])
                            + "'), so padding its end would misalign them (alignment 'any' pads anyway)");
                }
            }
        }
        PairEncoding padded = n == 0 ? shorter : pad(shorter, n);
        return new AlignedPair(id, padBaseline ? padded : b, padBaseline ? p : padded, n,
                n == 0 ? "none" : padBaseline ? "baseline" : "perturbed", termIds);
    }

    /** [CLS] + tokens strictly between the first and last position + n fillers + [SEP]. */
    PairEncoding pad(PairEncoding e, int n) {
        int len = e.length() + n;
        long[] ids = new long[len];
        long[] types = new long[len];
        System.arraycopy(e.ids(), 0, ids, 0, e.lastSep());
        System.arraycopy(e.typeIds(), 0, types, 0, e.lastSep());
        long lastType = e.typeIds()[e.lastSep()];
        for (int i = e.lastSep(); i < len - 1; i++) {
            ids[i] = fillerId;
            types[i] = lastType;
        }
        ids[len - 1] = e.ids()[e.lastSep()];
        types[len - 1] = lastType;
        return new PairEncoding(ids, types, e.firstSep(), e.truncatedDocTokens());
    }
}
