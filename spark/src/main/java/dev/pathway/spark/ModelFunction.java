package dev.pathway.spark;

import dev.pathway.core.model.CrossEncoder;
import java.io.Serializable;

/** Work on one item with the executor's model; shipped to executors, so it holds plain values only. */
@FunctionalInterface
interface ModelFunction<T, R> extends Serializable {
    R apply(CrossEncoder model, T item);
}
