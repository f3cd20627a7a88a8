package dev.pathway.circuits.align;

import dev.pathway.core.tokenize.PairTokenizer;

/** Finds a word's pieces as a whole word inside a sequence of token ids. */
public final class TokenPieces {
    private final PairTokenizer tokenizer;

    public TokenPieces(PairTokenizer tokenizer) {
        this.tokenizer = tokenizer;
    }

    public PairTokenizer tokenizer() {
        return tokenizer;
    }

    /** Whether a token continues the previous word ("##" piece). */
    public boolean continuation(long id) {
        String t = tokenizer.token(id);
        return t != null && t.startsWith("##");
    }

    /**
     * Marks the positions in [from, to) covered by an occurrence of {@code word} (its pieces in
     * order, starting a word and not followed by a continuation piece).
     */
    public boolean[] wordMatches(long[] ids, long[] word, int from, int to) {
        boolean[] out = new boolean[ids.length];
        if (word.length == 0) {
            return out;
        }
        for (int i = from; i + word.length <= to; i++) {
            boolean match = true;
            for (int j = 0; j < word.length && match; j++) {
                match = ids[i + j] == word[j];
            }
            if (!match || continuation(ids[i])) {
                continue;
            }
            int after = i + word.length;
            if (after < ids.length && continuation(ids[after])) {
                continue;
            }
            for (int j = 0; j < word.length; j++) {
                out[i + j] = true;
            }
        }
        return out;
    }
}
