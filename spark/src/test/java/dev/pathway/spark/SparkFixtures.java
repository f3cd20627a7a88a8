package dev.pathway.spark;

import dev.pathway.cli.Main;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;

/** The embedded MiniLM-L6 (random seeded head: deterministic scores), and the CLI run in-process. */
final class SparkFixtures {
    private SparkFixtures() {}

    static Path model() {
        return EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
    }

    /** A master URL nobody listens on (a port that was free a moment ago). */
    static String deadMaster() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return "spark://127.0.0.1:" + s.getLocalPort();
        }
    }

    /** Exit code, standard output and standard error of one CLI run. */
    record Cli(int exit, String out, String err) {
        static Cli run(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
            return new Cli(code, out.toString(), err.toString());
        }

        /** The "error: ..." lines. */
        java.util.List<String> errorLines() {
            return err.lines().filter(l -> l.startsWith("error: ")).toList();
        }

        @Override
        public String toString() {
            return "exit " + exit + "\n--- out\n" + out + "\n--- err\n" + err;
        }
    }
}
