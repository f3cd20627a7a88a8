package dev.pathway.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without the pytorch-native-cpu jar and with an empty DJL cache, the engine fails at once, offline,
 * with one line that names the missing artifact (run in a child JVM so this JVM's engine is untouched).
 */
class MissingNativeLibraryTest {
    @Test
    void failsFastWithAClearMessage(@TempDir Path emptyCache) throws Exception {
        String cp = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> !p.contains("pytorch-native-cpu"))
                .collect(Collectors.joining(File.pathSeparator));
        ProcessBuilder pb = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", cp,
                "-DDJL_CACHE_DIR=" + emptyCache, "-DENGINE_CACHE_DIR=" + emptyCache,
                PathwayEngine.class.getName()));
        pb.environment().remove("PYTORCH_LIBRARY_PATH");
        pb.redirectErrorStream(true);
        long start = System.nanoTime();
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM hung");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, p.exitValue(), out);
        String errorLine = out.lines().filter(l -> l.startsWith("error: ")).findFirst().orElse("");
        assertTrue(errorLine.contains("PyTorch native library could not be loaded (offline mode"), out);
        assertTrue(errorLine.contains(PathwayEngine.NATIVE_ARTIFACT), out);
        assertTrue((System.nanoTime() - start) / 1e9 < 60);
    }
}
