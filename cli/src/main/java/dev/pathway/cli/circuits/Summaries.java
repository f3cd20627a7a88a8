package dev.pathway.cli.circuits;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import java.io.PrintWriter;

/** Prints a job's summary: where it wrote, then the key numbers as JSON. */
final class Summaries {
    private Summaries() {}

    static void print(PrintWriter out, ObjectNode summary) {
        out.println("wrote " + summary.path("out").asText());
        ObjectNode rest = summary.deepCopy();
        rest.remove("out");
        out.println(Json.write(rest));
        out.flush();
    }
}
