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

    /** A tiny real run: two JVMs per mode, the table, the ratio to full and the floor line. */
    @Test
    void aTinyRunPrintsTheTable() {
        CliRun r = CliRun.of("bench", "train", "--model", dev.pathway.cli.TestModels.minilm().toString(), "--lengths", "16",
                "--batch-size", "2", "--steps", "1", "--repeat", "2");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("in each of 2 JVMs, median over the JVMs"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("full\\s+16\\s+\\d+\\s+\\d+-\\d+\\s+[\\d.]+\\s+\\d+\\s+1\\.00")), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("embeddings\\s+16\\s+\\d+\\s+\\d+-\\d+\\s+[\\d.]+\\s+\\d+\\s+[01]\\.\\d\\d")), r.out());
        assertTrue(r.out().contains("length 16: embeddings-only can not go below 0.67 of full"), r.out());
    }

    @Test
    void zeroStepsOrRepeatsIsOneErrorLineAndExitCode2() {
        for (String option : new String[] {"--steps", "--repeat", "--batch-size"}) {
            CliRun r = CliRun.of("bench", "train", option, "0");
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.errorLine().contains("--steps, --batch-size and --repeat must be at least 1"), r.toString());
        }
    }
}
