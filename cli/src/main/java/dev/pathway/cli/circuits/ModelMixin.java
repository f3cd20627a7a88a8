package dev.pathway.cli.circuits;

import dev.pathway.circuits.run.ModelDirs;
import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code --model DIR --device D}: the checkpoint a circuits command analyses. */
public final class ModelMixin {
    @Option(names = "--model", paramLabel = "DIR",
            description = "Checkpoint directory (default: checkpoints/all-minilm-l6-v2, the embedded MiniLM-L6, imported if missing).")
    Path model;

    @Mixin
    DeviceOption device;

    Path dir() {
        return ModelDirs.resolve(model);
    }

    CrossEncoder load(Path dir) {
        return Checkpoints.load(dir, device.device());
    }
}
