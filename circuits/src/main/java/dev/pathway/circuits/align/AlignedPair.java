package dev.pathway.circuits.align;

import dev.pathway.core.tokenize.PairEncoding;
import java.util.ArrayList;
import java.util.List;

/**
 * A baseline B and a perturbed input P of equal length, position by position (the shorter was
 * padded with the filler just before its final [SEP]).
 *
 * @param id the sample id and variant, e.g. {@code tfc1/1101090/D3320#1}
 * @param baseline B, as the model sees it (padded if it was shorter)
 * @param perturbed P
 * @param fillers how many filler tokens were added
 * @param paddedSide {@code baseline}, {@code perturbed} or {@code none}
 * @param termIds the word pieces of the selected term
 */
public record AlignedPair(String id, PairEncoding baseline, PairEncoding perturbed, int fillers, String paddedSide, long[] termIds)
        implements java.io.Serializable {

    public int length() {
        return baseline.length();
    }

    /** The five classes of each position (from B; B and P share the layout). */
    public PositionClass[] classes() {
        return PositionClass.of(baseline);
    }

    /** The category of each position; see {@link PositionCategory}. */
    public PositionCategory[] categories(TokenPieces pieces) {
        int n = length();
        PositionCategory[] out = new PositionCategory[n];
        long[] b = baseline.ids();
        long[] p = perturbed.ids();
        boolean[] qTerm = pieces.wordMatches(p, termIds, 1, baseline.firstSep());
        boolean[] dTerm = pieces.wordMatches(p, termIds, baseline.docStart(), baseline.lastSep());
        for (int i = 0; i < n; i++) {
            if (i == 0) {
                out[i] = PositionCategory.CLS;
            } else if (i < baseline.firstSep()) {
                out[i] = qTerm[i] ? PositionCategory.Q_TERM : PositionCategory.Q_OTHER;
            } else if (i == baseline.firstSep()) {
                out[i] = PositionCategory.SEP1;
            } else if (i == baseline.lastSep()) {
                out[i] = PositionCategory.SEP2;
            } else if (b[i] != p[i]) {
                out[i] = PositionCategory.D_INJ;
            } else {
                out[i] = dTerm[i] ? PositionCategory.D_TERM : PositionCategory.D_OTHER;
            }
        }
        return out;
    }

    /** Positions of one category. */
    public static int[] positionsOf(PositionCategory[] cats, PositionCategory c) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < cats.length; i++) {
            if (cats[i] == c) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }
}
