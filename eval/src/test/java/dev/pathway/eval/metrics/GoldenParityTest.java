package dev.pathway.eval.metrics;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.eval.data.QrelsFiles;
import dev.pathway.eval.data.Run;
import dev.pathway.eval.data.RunFiles;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parity with an independent Python implementation of the trec_eval definitions
 * ({@code src/test/resources/golden/make_golden.py}): 30 queries, heavy score ties, unjudged
 * documents, graded labels, queries without relevant documents and queries missing from the run,
 * run lines shuffled.
 */
class GoldenParityTest {
    private static Path resource(String name) throws URISyntaxException {
        return Paths.get(GoldenParityTest.class.getResource("/golden/" + name).toURI());
    }

    @Test
    void allMetricsAtFourCutoffsInBothModes() throws Exception {
        Run run = RunFiles.read(resource("golden.run"));
        var qrels = QrelsFiles.read(resource("golden.qrels"));
        List<String> lines = Files.readAllLines(resource("golden.expected.tsv"));
        List<Metric> metrics = lines.stream().skip(1).map(l -> Metrics.parse(l.split("\t")[0])).toList();
        Evaluation e = Evaluator.evaluate(run, qrels, metrics);
        assertEquals(24, e.queryCount(Averaging.RUN_AND_QRELS));
        assertEquals(30, e.queryCount(Averaging.ALL_QRELS));
        assertEquals(1, e.ignoredRunQueries());
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            assertEquals(Double.parseDouble(f[1]), e.mean(f[0], Averaging.RUN_AND_QRELS), 1e-12, f[0] + " run-and-qrels");
            assertEquals(Double.parseDouble(f[2]), e.mean(f[0], Averaging.ALL_QRELS), 1e-12, f[0] + " all-qrels");
        }
    }
}
