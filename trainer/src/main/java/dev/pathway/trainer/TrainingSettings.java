package dev.pathway.trainer;

import dev.pathway.core.util.UserInputException;

/**
 * Hyperparameters of one training run.
 *
 * @param epochs passes over the training groups
 * @param batchSize pairs per batch (groups per batch = batchSize / group size)
 * @param learningRate peak learning rate
 * @param warmup fraction of all steps spent warming up linearly
 * @param weightDecay AdamW's decoupled weight decay
 * @param maxLength maximum pair length in tokens
 * @param loss bce, mse-sigmoid or listwise-softmax
 * @param gradClip maximum global gradient norm (0: no clipping)
 * @param explodeNorm a gradient norm above this stops the run (exploding gradients)
 * @param lazyEmbeddingRows update only the word-embedding rows a batch touched
 * @param saveEveryEpoch keep a checkpoint per epoch besides the best one
 */
public record TrainingSettings(
        int epochs,
        int batchSize,
        double learningRate,
        double warmup,
        double weightDecay,
        int maxLength,
        String loss,
        double gradClip,
        double explodeNorm,
        boolean lazyEmbeddingRows,
        boolean saveEveryEpoch) {

    public TrainingSettings {
        if (epochs < 1) {
            throw new UserInputException("training.epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new UserInputException("training.batch_size must be at least 1, got " + batchSize);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw new UserInputException("training.learning_rate must be a positive number, got " + learningRate);
        }
        if (!(warmup >= 0 && warmup < 1)) {
            throw new UserInputException("training.warmup must be in [0, 1), got " + warmup);
        }
        if (!(weightDecay >= 0)) {
            throw new UserInputException("training.weight_decay must be >= 0, got " + weightDecay);
        }
        if (maxLength < 8) {
            throw new UserInputException("training.max_length must be at least 8, got " + maxLength);
        }
        if (!(gradClip >= 0) || !(explodeNorm > 0)) {
            throw new UserInputException("training.grad_clip must be >= 0 and training.explode_norm > 0");
        }
    }

    /** The paper's settings (section 6.4 / reference notebook), 10 epochs. */
    public static TrainingSettings paper() {
        return new TrainingSettings(10, 32, 2e-5, 0.1, 0.01, 430, "mse-sigmoid", 1.0, 1e4, false, false);
    }
}
