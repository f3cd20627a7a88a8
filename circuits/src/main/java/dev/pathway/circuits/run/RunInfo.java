package dev.pathway.circuits.run;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.Sha256;
import dev.pathway.core.util.Version;
import java.nio.file.Files;
import java.nio.file.Path;

/** What every result file records about its run: tool, model, data and options. */
public final class RunInfo {
    private RunInfo() {}

    public static ObjectNode of(CrossEncoder model, Path modelDir, String command) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("tool", "pathway " + Version.get());
        o.put("command", command);
        ObjectNode m = o.putObject("model");
        m.put("dir", modelDir.toAbsolutePath().normalize().toString());
        m.put("weights_sha256", model.weightsSha256());
        m.put("origin", model.provenance().json().path("origin").asText(""));
        m.put("layers", model.config().numLayers());
        m.put("heads", model.config().numHeads());
        return o;
    }

    /** Adds a data file with its checksum. */
    public static void data(ObjectNode info, String key, Path file) {
        ObjectNode d = info.with("data").putObject(key);
        d.put("file", file.toAbsolutePath().normalize().toString());
        if (Files.isRegularFile(file)) {
            d.put("sha256", Sha256.of(file));
        }
    }
}
