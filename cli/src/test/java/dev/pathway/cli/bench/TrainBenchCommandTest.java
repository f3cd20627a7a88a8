package dev.pathway.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pathway.cli.CliRun;
import dev.pathway.core.config.BertConfig;
import org.junit.jupiter.api.Test;

class TrainBenchCommandTest {
    /**
     * MiniLM-L6 (d 384, ff 1536): linear layers 4*384^2 + 2*384*1536 = 1,769,472 multiply-adds
     * per token and layer each way; attention 2*L*384 forward, twice that backward. At L = 128:
     * (2*1769472 + 3*98304) / (3*1769472 + 3*98304) = 3833856 / 5603328; at 256 exactly 0.7.
     */
    @Test
    void theEmbeddingsOnlyFloorIsTheShareOfMultiplyAdds() {
        BertConfig minilm = BertConfig.of(384, 12, 6, 1536, 30522, 512, 1);
        assertEquals(3833856.0 / 5603328.0, TrainBenchCommand.embeddingsOnlyFloor(minilm, 128), 1e-12);
        assertEquals(0.7, TrainBenchCommand.embeddingsOnlyFloor(minilm, 256), 1e-12);
    }

    @Test
    void zeroStepsIsOneErrorLineAndExitCode2() {
        CliRun r = CliRun.of("bench", "train", "--steps", "0");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.errorLine().contains("--steps and --batch-size must be at least 1"), r.toString());
    }
}
