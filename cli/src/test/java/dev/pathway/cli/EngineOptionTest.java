package dev.pathway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.core.util.ProjectPaths;
import org.junit.jupiter.api.Test;

/** The cli module alone has no Spark: asking for it is one clear error, exit code 2. */
class EngineOptionTest {
    @Test
    void sparkWithoutTheModuleIsOneClearLine() {
        String recipe = ProjectPaths.root().resolve("recipes/bootstrap-cross-encoder.yaml").toString();
        CliRun r = CliRun.of("train", recipe, "--engine", "spark");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().contains("--engine spark needs the pathway-spark module on the classpath"), r.toString());
        CliRun bad = CliRun.of("train", recipe, "--engine", "mapreduce");
        assertEquals(2, bad.exit());
        assertTrue(bad.errorLine().contains("unknown --engine 'mapreduce'"), bad.toString());
    }
}
