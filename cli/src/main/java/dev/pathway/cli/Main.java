package dev.pathway.cli;

import dev.pathway.core.engine.EngineUnavailableException;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.UserInputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Runs the CLI and maps failures to exit codes: 0 success, 2 bad input (one clear line), 1
 * internal error or an engine that cannot start.
 */
public final class Main {
    public static final int OK = 0;
    public static final int INTERNAL = 1;
    public static final int BAD_INPUT = 2;

    private Main() {}

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs with the given streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        configureLogging(args);
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.console() != null) {
            ProgressBars.useTerminal();
        }
        CommandLine cli = commandLine(out, err);
        return cli.execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PathwayCli());
        shareVersion(cli, new PathwayCli.VersionProvider());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("error: " + message(ex));
            cmd.getErr().flush();
            if (isUserError(ex)) {
                return BAD_INPUT;
            }
            if (!(ex instanceof EngineUnavailableException)) {
                ex.printStackTrace(cmd.getErr());
            }
            return INTERNAL;
        });
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return BAD_INPUT;
        });
        return cli;
    }

    /** Every subcommand answers --version with the tool version. */
    private static void shareVersion(CommandLine cmd, CommandLine.IVersionProvider provider) {
        cmd.getCommandSpec().versionProvider(provider);
        cmd.getSubcommands().values().forEach(sub -> shareVersion(sub, provider));
    }

    private static boolean isUserError(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserInputException) {
                return true;
            }
        }
        return false;
    }

    private static String message(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof UserInputException) {
                return oneLine(t.getMessage());
            }
        }
        if (ex instanceof UncheckedIOException u && u.getCause() != null) {
            return oneLine(u.getCause().toString());
        }
        return oneLine(ex.getMessage() == null ? ex.toString() : ex.getMessage());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
    }

    /** -v must take effect before the first logger is created, so it is read from raw args. */
    private static void configureLogging(String[] args) {
        for (String a : args) {
            if (a.equals("-v") || a.equals("--verbose")) {
                System.setProperty("pathway.log.level", "DEBUG");
                System.setProperty("pathway.log.djl", "INFO");
            }
        }
    }
}
