package dev.pathway.core;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;

/** One loaded MiniLM-L6 per test JVM (loading costs a second; tests must not modify it). */
public final class ModelFixture {
    private static CrossEncoder model;

    private ModelFixture() {}

    public static synchronized CrossEncoder minilm() {
        if (model == null) {
            model = Checkpoints.load(TestModels.minilm(), Device.cpu());
        }
        return model;
    }
}
