package dev.pathway.cli.model;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.ModelSummary;
import dev.pathway.core.util.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway model info DIR}: architecture, parameter counts per group, tokenizer, provenance. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Describe a checkpoint.")
public final class InfoCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "Checkpoint directory.")
    Path dir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (CrossEncoder model = Checkpoints.load(dir, Device.cpu())) {
            JsonNode n = ModelSummary.toJson(model);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(n));
                return 0;
            }
            out.println("checkpoint    " + dir.toAbsolutePath());
            out.println("architecture  " + n.get("architecture").asText());
            out.println("parameters");
            Iterator<Map.Entry<String, JsonNode>> it = n.get("parameters").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                out.printf("  %-30s %,14d%n", e.getKey(), e.getValue().asLong());
            }
            JsonNode tok = n.get("tokenizer");
            out.println("tokenizer     " + tok.get("file").asText() + " (" + tok.get("vocab_size").asInt() + " ids)");
            out.println("weights       sha256 " + n.get("weights_sha256").asText());
            JsonNode prov = n.get("provenance");
            out.println("origin        " + prov.path("origin").asText("-"));
            JsonNode parent = prov.path("parent");
            out.println("parent        " + (parent.isObject() ? parent.path("path").asText() + " (sha256 " + parent.path("weights_sha256").asText() + ")" : "-"));
            out.println("operations");
            for (JsonNode op : prov.path("operations")) {
                out.println("  " + op.path("at").asText("") + "  " + op.path("kind").asText() + "  " + op.path("params").toString()
                        + (op.path("seed").isNull() ? "" : "  seed=" + op.path("seed").asText()));
            }
            return 0;
        }
    }
}
