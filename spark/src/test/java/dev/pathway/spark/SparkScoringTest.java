package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Evaluation;
import dev.pathway.eval.metrics.Evaluator;
import dev.pathway.eval.metrics.Metrics;
import dev.pathway.eval.rerank.RerankEvaluator;
import dev.pathway.eval.rerank.RerankOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reranking on Spark local[2] equals local reranking: scores to 1e-6, metrics exactly. */
class SparkScoringTest {
    private static SparkEngine spark;
    private static Path model;

    @BeforeAll
    static void start() {
        model = EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
        spark = new SparkEngine("local[2]", 1);
    }

    @AfterAll
    static void stop() {
        spark.close();
    }

    @Test
    void distributedRerankingEqualsLocal() {
        DataSet cran = DataSets.resolve("cranfield");
        RerankOptions options = new RerankOptions(10, 128, 8);
        RerankEvaluator ev = RerankEvaluator.overBm25(cran, "test", options, Metrics.parseList("ndcg@10,ndcg@1,recall@10"));
        try (CrossEncoder m = Checkpoints.load(model, Device.cpu())) {
            List<PairEncoding> pairs = ev.candidates().encode(m.tokenizer(), options.maxLength());
            assertTrue(pairs.size() >= 400, "pairs: " + pairs.size());
            float[] local = new BatchScorer(m, options.batchSize()).score(pairs, Progress.NONE);
            float[] distributed = spark.score(model, pairs, options.batchSize());
            for (int i = 0; i < local.length; i++) {
                assertEquals(local[i], distributed[i], 1e-6, "pair " + i);
            }
            var qrels = cran.qrels("test");
            var metrics = Metrics.parseList("ndcg@10,ndcg@1,recall@10");
            Evaluation a = Evaluator.evaluate(ev.candidates().toRun(local, "local"), qrels, metrics);
            Evaluation b = Evaluator.evaluate(ev.candidates().toRun(distributed, "spark"), qrels, metrics);
            assertEquals(a.means(Averaging.RUN_AND_QRELS), b.means(Averaging.RUN_AND_QRELS));
            assertEquals(a.means(Averaging.ALL_QRELS), b.means(Averaging.ALL_QRELS));
        }
    }

    @Test
    void aCheckpointAnExecutorCannotReadIsOneClearErrorAtTheDriver(@TempDir Path tmp) throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("only-on-driver"));
        Files.copy(model.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
        List<PairEncoding> pairs;
        try (CrossEncoder m = Checkpoints.load(model, Device.cpu())) {
            pairs = List.of(m.tokenizer().encodePair("q", "d", 16));
        }
        UserInputException e = assertThrows(UserInputException.class, () -> spark.score(broken, pairs, 8));
        assertTrue(e.getMessage().contains("cannot load checkpoint " + broken) && e.getMessage().contains("missing file"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }

    @Test
    void anUnreachableMasterFailsWithinSeconds() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        String master = "spark://127.0.0.1:" + port;
        UserInputException e = assertThrows(UserInputException.class, () -> new SparkEngine(master, 1));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
    }
}
