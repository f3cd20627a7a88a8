package dev.pathway.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.LengthEqualizer;
import dev.pathway.circuits.patch.PairEffect;
import dev.pathway.circuits.patch.PairSweep;
import dev.pathway.circuits.patch.RowBudget;
import dev.pathway.circuits.patch.SweepRunner;
import dev.pathway.circuits.path.PathSweep;
import dev.pathway.circuits.path.Sender;
import dev.pathway.circuits.path.SenderGrid;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.BatchScorer;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairEncoding;
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
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine on Spark local[2,2] (two task slots, a failed task is tried twice): distributed
 * scoring and patching sweeps equal local mode, also when a task is killed mid-way and retried;
 * a checkpoint an executor cannot read and an unreachable master are one clear error each.
 */
class SparkEngineTest {
    private static SparkEngine spark;
    private static Path model;
    private static CrossEncoder local;

    @BeforeAll
    static void start() {
        model = SparkFixtures.model();
        ExecutorModels.setThreads(1); // the same PyTorch thread count on both sides, for bit-equal numbers
        local = Checkpoints.load(model, Device.cpu());
        spark = new SparkEngine("local[2,2]", 1);
    }

    @AfterAll
    static void stop() {
        spark.close();
        local.close();
    }

    @AfterEach
    void noFault() {
        System.clearProperty(TaskFaults.FAIL_PARTITION);
    }

    @Test
    void distributedRerankingEqualsLocal() {
        DataSet cran = DataSets.resolve("cranfield");
        RerankOptions options = new RerankOptions(5, 64, 8);
        RerankEvaluator ev = RerankEvaluator.overBm25(cran, "test", options, Metrics.parseList("ndcg@5,ndcg@1,recall@5"));
        List<PairEncoding> pairs = ev.candidates().encode(local.tokenizer(), options.maxLength());
        assertTrue(pairs.size() >= 200, "pairs: " + pairs.size());
        float[] expected = new BatchScorer(local, options.batchSize()).score(pairs, Progress.NONE);
        float[] distributed = spark.score(model, pairs, options.batchSize());
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], distributed[i], 1e-6, "pair " + i);
        }
        var qrels = cran.qrels("test");
        var metrics = Metrics.parseList("ndcg@5,ndcg@1,recall@5");
        Evaluation a = Evaluator.evaluate(ev.candidates().toRun(expected, "local"), qrels, metrics);
        Evaluation b = Evaluator.evaluate(ev.candidates().toRun(distributed, "spark"), qrels, metrics);
        assertEquals(a.means(Averaging.RUN_AND_QRELS), b.means(Averaging.RUN_AND_QRELS));
        assertEquals(a.means(Averaging.ALL_QRELS), b.means(Averaging.ALL_QRELS));
    }

    /** Hand-made TFC1-style pairs: the query term appended to the document. */
    private static List<AlignedPair> pairs() {
        LengthEqualizer eq = new LengthEqualizer(local.tokenizer(), 64, "a");
        String[][] texts = {
            {"boundary layer transition", "the flow over a flat plate was measured in a wind tunnel", "transition"},
            {"heat transfer in hypersonic flow", "measurements of pressure on a cone at high speed", "heat"},
            {"buckling of thin cylinders", "the shells were loaded axially until they failed", "buckling"},
            {"wing flutter at transonic speeds", "a model wing was tested with control surfaces", "flutter"},
            {"shock wave interaction", "the reflection of a wave from a wall is computed", "shock"},
        };
        List<AlignedPair> out = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            String[] t = texts[i];
            out.add(eq.align("tfc1/" + i, t[0], t[1], t[1] + " " + t[2], "append", t[2]));
        }
        return out;
    }

    private static PairSweep sweep() {
        List<Sender> senders = Sender.parse("embed,mlps,4.9,5.1", local.config());
        return new PathSweep(senders, null, new RowBudget(16, 8192), new SenderGrid(local.config(), senders).grid());
    }

    private static void assertSameEffects(List<PairEffect> expected, List<PairEffect> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            PairEffect a = expected.get(i);
            PairEffect b = actual.get(i);
            assertEquals(a.id(), b.id(), "pair order");
            assertEquals(a.scoreB(), b.scoreB(), a.id());
            assertEquals(a.scoreP(), b.scoreP(), a.id());
            assertArrayEquals(a.values(), b.values(), a.id());
        }
    }

    @Test
    void aScoringTaskKilledMidWayIsRetriedAndTheScoresAreRight() {
        List<PairEncoding> pairs = new ArrayList<>();
        for (AlignedPair p : pairs()) {
            pairs.add(p.baseline());
            pairs.add(p.perturbed());
        }
        float[] expected = new BatchScorer(local, 1).score(pairs, Progress.NONE);
        // 10 batches in 8 tasks (2 slots x 4): task 3 holds batches 3 and 4, and dies after the first
        int before = TaskFaults.INJECTED.get();
        System.setProperty(TaskFaults.FAIL_PARTITION, "scoring:3");
        float[] distributed = spark.score(model, pairs, 1);
        assertEquals(before + 1, TaskFaults.INJECTED.get(), "the task really died once");
        assertArrayEquals(expected, distributed);
    }

    @Test
    void aPatchingTaskKilledMidWayIsRetriedAndTheEffectsAreRight() {
        List<AlignedPair> pairs = new ArrayList<>(pairs());
        pairs.addAll(pairs()); // 10 pairs in 8 tasks: task 3 holds pairs 3 and 4, and dies after the first
        PairSweep sweep = sweep();
        List<PairEffect> expected = SweepRunner.local(local).run(pairs, sweep);
        int before = TaskFaults.INJECTED.get();
        System.setProperty(TaskFaults.FAIL_PARTITION, "patching:3");
        assertSameEffects(expected, spark.sweep(model, pairs, sweep));
        assertEquals(before + 1, TaskFaults.INJECTED.get(), "the task really died once");
        assertTrue(expected.get(0).values().length > 7 && !Float.isNaN(expected.get(0).values()[0]), "embed cell filled");
    }

    @Test
    void aCheckpointAnExecutorCannotReadIsOneClearErrorAtTheDriver(@TempDir Path tmp) throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("only-on-driver"));
        Files.copy(model.resolve("tokenizer.json"), broken.resolve("tokenizer.json"));
        List<PairEncoding> one = List.of(local.tokenizer().encodePair("q", "d", 16));
        UserInputException e = assertThrows(UserInputException.class, () -> spark.score(broken, one, 8));
        assertTrue(e.getMessage().contains("cannot load checkpoint " + broken) && e.getMessage().contains("missing file"), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        UserInputException s = assertThrows(UserInputException.class, () -> spark.sweep(broken, pairs().subList(0, 2), sweep()));
        assertTrue(s.getMessage().startsWith("patching with " + broken + " failed on Spark: executor "), s.getMessage());
        assertTrue(s.getMessage().contains("cannot load checkpoint " + broken), s.getMessage());
        assertTrue(!s.getMessage().contains("\n"), s.getMessage());
    }

    @Test
    void anUnreachableMasterFailsWithinSeconds() throws Exception {
        long start = System.nanoTime();
        String master = SparkFixtures.deadMaster();
        UserInputException e = assertThrows(UserInputException.class, () -> new SparkEngine(master, 1));
        assertTrue(e.getMessage().contains("cannot be reached"), e.getMessage());
        assertTrue((System.nanoTime() - start) / 1e9 < 10);
    }
}
