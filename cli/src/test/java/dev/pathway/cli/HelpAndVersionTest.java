package dev.pathway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command, at every depth, answers --help and --version with exit 0; bad usage exits 2. */
class HelpAndVersionTest {
    private static void collect(CommandLine cmd, List<String> prefix, List<List<String>> out) {
        out.add(prefix);
        cmd.getSubcommands().forEach((name, sub) -> {
            if (!name.equals("help")) {
                List<String> p = new ArrayList<>(prefix);
                p.add(name);
                collect(sub, p, out);
            }
        });
    }

    @Test
    void everyCommandHasHelpAndVersion() {
        List<List<String>> commands = new ArrayList<>();
        collect(Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())), List.of(), commands);
        assertTrue(commands.size() >= 5, "commands: " + commands);
        for (List<String> c : commands) {
            List<String> help = new ArrayList<>(c);
            help.add("--help");
            CliRun h = CliRun.of(help.toArray(String[]::new));
            assertEquals(0, h.exit(), String.join(" ", help) + "\n" + h);
            assertTrue(h.out().contains("Usage: pathway"), h.out());
            List<String> version = new ArrayList<>(c);
            version.add("--version");
            CliRun v = CliRun.of(version.toArray(String[]::new));
            assertEquals(0, v.exit(), String.join(" ", version) + "\n" + v);
            assertTrue(v.out().startsWith("pathway "), v.out());
        }
    }

    @Test
    void badUsageExitsWithTwoAndOneErrorLine() {
        CliRun r = CliRun.of("model", "info", "--no-such-option", "x");
        assertEquals(2, r.exit());
        assertTrue(r.errorLine().contains("Unknown option"), r.toString());
        assertEquals(2, CliRun.of("no-such-command").exit());
        assertEquals(2, CliRun.of().exit());
    }
}
