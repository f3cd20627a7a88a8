package dev.pathway.trainer;

import dev.pathway.core.model.CrossEncoder;

/** Scores a model on the selection split (dev, never test); higher is better. */
@FunctionalInterface
public interface DevEvaluator {
    double evaluate(CrossEncoder model);
}
