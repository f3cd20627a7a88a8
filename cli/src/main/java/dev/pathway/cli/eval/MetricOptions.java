package dev.pathway.cli.eval;

import dev.pathway.eval.metrics.Averaging;
import dev.pathway.eval.metrics.Metric;
import dev.pathway.eval.metrics.Metrics;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --metrics LIST --averaging MODE}. */
public final class MetricOptions {
    @Option(names = "--metrics", defaultValue = "ndcg@1,ndcg@10,mrr@10,recall@100,map@100,p@10",
            description = "Comma-separated: ndcg@k, mrr@k, recall@k, p@k, map@k (default: ${DEFAULT-VALUE}).")
    String metrics;

    @Option(names = "--averaging", defaultValue = "run-and-qrels",
            description = "Primary averaging mode: run-and-qrels (as BEIR) or all-qrels (as trec_eval -c); both are always reported (default: ${DEFAULT-VALUE}).")
    String averaging;

    public List<Metric> metrics() {
        return Metrics.parseList(metrics);
    }

    public Averaging averaging() {
        return Averaging.parse(averaging);
    }
}
