package dev.pathway.trainer.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one (condition, seed): the selected epoch, the dev curve, the training loss
 * curve and the test means. Per-query test values live in the TREC run file beside it.
 */
public record RunResult(
        String condition,
        long seed,
        int bestEpoch,
        double bestDev,
        List<Double> devCurve,
        List<Double> lossCurve,
        Map<String, Double> testMeans,
        long trainableParameters,
        double seconds) {

    public ObjectNode toJson() {
        return Json.MAPPER.valueToTree(this);
    }

    /** Writes {@code result.json} atomically: its presence marks the run as finished. */
    public void write(Path runDir) throws IOException {
        Path tmp = Files.createTempFile(runDir, ".result", ".tmp");
        Json.write(tmp, toJson());
        Files.move(tmp, runDir.resolve(RunLayout.RESULT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    public static RunResult read(Path runDir) {
        Path f = runDir.resolve(RunLayout.RESULT);
        JsonNode n = Json.read(f);
        try {
            return Json.MAPPER.treeToValue(n, RunResult.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserInputException(f + ": not a run result: " + e.getMessage());
        }
    }
}
