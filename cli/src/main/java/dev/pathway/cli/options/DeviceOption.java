package dev.pathway.cli.options;

import ai.djl.Device;
import dev.pathway.core.engine.PathwayEngine;
import picocli.CommandLine.Option;

/** {@code --device cpu|gpu|gpu:N}. */
public final class DeviceOption {
    @Option(names = "--device", defaultValue = "cpu", description = "cpu, gpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;

    public Device device() {
        return PathwayEngine.device(device);
    }
}
