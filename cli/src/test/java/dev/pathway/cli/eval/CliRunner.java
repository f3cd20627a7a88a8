package dev.pathway.cli.eval;

import dev.pathway.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process and captures its output. */
record CliRunner(int code, String out, String err) {
    static CliRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRunner(code, out.toString(), err.toString());
    }

    /** Exit 2 with exactly one line, "error: ...". */
    boolean isOneLineUserError() {
        String e = err.strip();
        return code == Main.BAD_INPUT && e.startsWith("error: ") && !e.contains("\n");
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
    }
}
