package dev.pathway.circuits.patch;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.PositionCategory;
import dev.pathway.circuits.align.TokenPieces;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * How position-wise patching names positions: {@code each} (absolute positions; with one pair,
 * labelled by its tokens) or {@code category} (all positions of a {@link PositionCategory}
 * patched together, so pairs of different lengths aggregate).
 */
public enum PositionMode {
    EACH, CATEGORY;

    public static PositionMode parse(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "each" -> EACH;
            case "category" -> CATEGORY;
            default -> throw new UserInputException("unknown position mode '" + s + "' (each or category)");
        };
    }

    /** The position axis for a set of pairs. */
    public GridSpec.Axis axis(List<AlignedPair> pairs, TokenPieces pieces) {
        List<String> labels = new ArrayList<>();
        if (this == CATEGORY) {
            for (PositionCategory c : PositionCategory.values()) {
                labels.add(c.label());
            }
            return new GridSpec.Axis("position category", labels);
        }
        int max = 0;
        for (AlignedPair p : pairs) {
            max = Math.max(max, p.length());
        }
        boolean single = pairs.size() == 1;
        for (int i = 0; i < max; i++) {
            if (single) {
                AlignedPair p = pairs.get(0);
                String b = pieces.tokenizer().token(p.baseline().ids()[i]);
                String q = pieces.tokenizer().token(p.perturbed().ids()[i]);
                labels.add(i + " " + (b.equals(q) ? b : b + "/" + q));
            } else {
                labels.add(Integer.toString(i));
            }
        }
        return new GridSpec.Axis("position", labels);
    }

    /** The positions of each index of the axis for one pair (null entries: undefined for the pair). */
    public int[][] positions(AlignedPair pair, int axisSize, TokenPieces pieces) {
        int[][] out = new int[axisSize][];
        if (this == CATEGORY) {
            PositionCategory[] cats = pair.categories(pieces);
            for (PositionCategory c : PositionCategory.values()) {
                int[] pos = AlignedPair.positionsOf(cats, c);
                out[c.ordinal()] = pos.length == 0 ? null : pos;
            }
        } else {
            for (int i = 0; i < Math.min(axisSize, pair.length()); i++) {
                out[i] = new int[] {i};
            }
        }
        return out;
    }
}
