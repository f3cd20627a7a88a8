package dev.pathway.circuits.patch;

import dev.pathway.core.util.UserInputException;

/**
 * How many batch rows one patched forward may hold: at most {@code maxRows}, and at most
 * {@code maxTokens} tokens (rows x sequence length), so long inputs do not exhaust memory.
 */
public record RowBudget(int maxRows, int maxTokens) implements java.io.Serializable {
    public RowBudget {
        if (maxRows < 1 || maxTokens < 1) {
            throw new UserInputException("--batch-rows and --batch-tokens must be >= 1");
        }
    }

    public static RowBudget defaults() {
        return new RowBudget(64, 8192);
    }

    public int rows(int seqLen) {
        return Math.max(1, Math.min(maxRows, maxTokens / Math.max(1, seqLen)));
    }
}
