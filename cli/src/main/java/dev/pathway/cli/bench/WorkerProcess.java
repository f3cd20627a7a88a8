package dev.pathway.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a benchmark worker's {@code main} in a fresh JVM with this JVM's classpath, so each
 * measurement has its own heap, native memory and peak RSS, and returns the fields of its
 * {@code RESULT} line.
 */
final class WorkerProcess {
    private WorkerProcess() {}

    static String[] run(Class<?> main, List<String> args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx6g", "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path")));
        for (String p : List.of("PATHWAY_DATA_MIRROR", "pathway.project.root")) {
            if (System.getProperty(p) != null) {
                cmd.add("-D" + p + "=" + System.getProperty(p));
            }
        }
        cmd.add(main.getName());
        cmd.addAll(args);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("benchmark worker " + main.getSimpleName() + " " + args + " failed:\n" + out);
        }
        String line = out.lines().filter(l -> l.startsWith("RESULT ")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no result from " + main.getSimpleName() + ":\n" + out));
        return line.substring("RESULT ".length()).split(" ");
    }
}
