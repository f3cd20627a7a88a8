package dev.pathway.trainer.loss;

import ai.djl.training.loss.Loss;
import dev.pathway.core.util.UserInputException;
import java.util.List;

/** Losses by recipe name. */
public final class Losses {
    public static final List<String> NAMES = List.of("bce", "mse-sigmoid", "listwise-softmax");

    private Losses() {}

    /**
     * @param groupSize pairs per group (1 positive + negatives); only the listwise loss uses it
     */
    public static Loss byName(String name, int groupSize) {
        return switch (name) {
            case "bce" -> new BinaryCrossEntropyLoss();
            case "mse-sigmoid" -> new MseSigmoidLoss();
            case "listwise-softmax" -> new ListwiseSoftmaxLoss(groupSize);
            default -> throw new UserInputException("unknown loss '" + name + "'; use one of " + NAMES);
        };
    }

    /** Whether a loss needs each positive's negatives in the same batch. */
    public static boolean isListwise(String name) {
        return name.equals("listwise-softmax");
    }
}
