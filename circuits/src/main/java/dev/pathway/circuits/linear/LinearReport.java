package dev.pathway.circuits.linear;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/** report.md: the run, then Table 2 of the paper (median and mean ± sd over query-length groups), then the groups. */
final class LinearReport {
    private LinearReport() {}

    static String markdown(ObjectNode json, SemanticBm.Result r, List<CandidateSet> sets) {
        JsonNode run = json.get("run");
        JsonNode opt = json.get("options");
        JsonNode t2 = json.get("table2");
        StringBuilder b = new StringBuilder();
        b.append("# SemanticBM: linear approximation of the relevance circuit\n\n");
        b.append("* model: `").append(run.path("model").path("dir").asText()).append("` (weights SHA-256 `")
                .append(run.path("model").path("weights_sha256").asText()).append("`)\n");
        b.append("* matching heads (").append(opt.path("heads_from").asText()).append("): ");
        opt.path("matching_heads").forEach(h -> b.append(h.asText()).append(' '));
        b.append("\n* data sets:\n");
        for (CandidateSet c : sets) {
            b.append("  * `").append(c.name()).append("`: ").append(c.variant()).append(", ").append(c.pairs().size()).append(" pairs\n");
        }
        b.append("* IDF: ").append(opt.path("idf_description").asText()).append("; corr(U0, IDF) = ")
                .append(f(opt.path("u0_idf_pearson").asDouble())).append("\n");
        b.append("* seed ").append(run.path("seed").asLong()).append(", test fraction ").append(opt.path("test_fraction").asDouble())
                .append(" of each group's queries, groups with >= ").append(opt.path("min_samples").asInt()).append(" pairs and query length 1..")
                .append(opt.path("max_query_length").asInt()).append("; ").append(r.groups().size()).append(" groups, ")
                .append(r.testRows().size()).append(" test pairs\n");
        b.append("* BM25 over word pieces: fixed k1 = ").append(opt.path("bm25_k1").asDouble()).append(", b = ").append(opt.path("bm25_b").asDouble())
                .append("; grid best (training split) k1 = ").append(r.best().k1()).append(", b = ").append(r.best().b())
                .append("; avgdl ").append(opt.path("bm25_avgdl").asText()).append(": ");
        r.avgdl().forEach((k, v) -> b.append(k).append(' ').append(String.format(Locale.ROOT, "%.1f", v)).append(' '));
        b.append("\n\n## Table 2\n\n| | median | mean ± sd |\n|---|---|---|\n");
        String bm = "BM25 (k1=" + opt.path("bm25_k1").asDouble() + ", b=" + opt.path("bm25_b").asDouble() + ")";
        String best = "BM25 (grid best k1=" + r.best().k1() + ", b=" + r.best().b() + ")";
        section(b, "Pearson correlation", t2.get("pearson"), bm, best);
        section(b, "Spearman rank correlation", t2.get("spearman"), bm, best);
        b.append("| **RMSE** | | |\n");
        row(b, t2.get("rmse"), Scorer.SEMANTIC_BM);
        row(b, t2.get("rmse"), Scorer.RANDOM);
        b.append("| **R²** | | |\n");
        row(b, t2.get("r2"), Scorer.SEMANTIC_BM);
        row(b, t2.get("r2"), Scorer.RANDOM);
        b.append("| **nDCG@10** (judged test queries) | | |\n");
        JsonNode nd = t2.get("ndcg@10");
        row(b, nd, Scorer.CROSS_ENCODER);
        row(b, nd, Scorer.SEMANTIC_BM);
        row(b, bm, nd.get(Scorer.BM25.key()));
        row(b, best, nd.get(Scorer.BM25_BEST.key()));
        row(b, nd, Scorer.FIRST_STAGE);
        row(b, nd, Scorer.RANDOM);
        b.append("\nMedian p-values over groups: Pearson SemanticBM ").append(g(t2.get("pearson_p").get("semanticbm").path("median").asDouble()))
                .append(", Spearman SemanticBM ").append(g(t2.get("spearman_p").get("semanticbm").path("median").asDouble())).append(".\n");
        JsonNode pooled = json.get("pooled_test");
        b.append("Pooled over all test pairs: Pearson SemanticBM ").append(f(pooled.get("semanticbm").path("pearson").asDouble()))
                .append(", random ").append(f(pooled.get("random").path("pearson").asDouble())).append(", ").append(bm).append(' ')
                .append(f(pooled.get("bm25").path("pearson").asDouble())).append(".\n");
        b.append("\n## Groups\n\n| query tokens | features | train / test pairs | train / test queries | r SemanticBM | r random | r BM25 | r BM25 best"
                + " | nDCG@10 CE / SemanticBM / BM25 first stage (queries) |\n|---|---|---|---|---|---|---|---|---|\n");
        for (SemanticBm.Group gr : r.groups()) {
            b.append("| ").append(gr.length()).append(" | ").append(gr.features()).append(gr.minimumNorm() ? " (min-norm)" : "").append(" | ")
                    .append(gr.trainPairs()).append(" / ").append(gr.testPairs()).append(" | ").append(gr.trainQueries().size()).append(" / ")
                    .append(gr.testQueries().size()).append(" | ").append(f(gr.fits().get(Scorer.SEMANTIC_BM).pearson())).append(" | ")
                    .append(f(gr.fits().get(Scorer.RANDOM).pearson())).append(" | ").append(f(gr.fits().get(Scorer.BM25).pearson()))
                    .append(" | ").append(f(gr.fits().get(Scorer.BM25_BEST).pearson())).append(" | ")
                    .append(f(gr.ndcg().get(Scorer.CROSS_ENCODER))).append(" / ").append(f(gr.ndcg().get(Scorer.SEMANTIC_BM))).append(" / ")
                    .append(f(gr.ndcg().get(Scorer.FIRST_STAGE))).append(" (").append(gr.ndcgQueries()).append(") |\n");
        }
        JsonNode skipped = json.path("skipped_groups");
        if (!skipped.isEmpty()) {
            b.append("\nLeft out: ");
            skipped.fields().forEachRemaining(e -> b.append(e.getKey().equals("longer") ? "" : "length " + e.getKey() + ": ")
                    .append(e.getValue().asText()).append("; "));
            b.append('\n');
        }
        b.append("\n(min-norm): the design was rank deficient (fewer distinct training rows than features); the minimum-norm least-squares"
                + " solution was used, as scikit-learn's LinearRegression does.\n");
        return b.toString();
    }

    private static void section(StringBuilder b, String title, JsonNode t, String bm, String best) {
        b.append("| **").append(title).append("** | | |\n");
        row(b, "Cross-encoder & SemanticBM", t.get("semanticbm"));
        row(b, "Cross-encoder & Random features", t.get("random"));
        row(b, "Cross-encoder & " + bm, t.get("bm25"));
        row(b, "Cross-encoder & " + best, t.get("bm25_best"));
    }

    /** A row for a scorer, under its label, from its entry in {@code byKey}. */
    private static void row(StringBuilder b, JsonNode byKey, Scorer s) {
        row(b, s.label(), byKey.get(s.key()));
    }

    private static void row(StringBuilder b, String label, JsonNode s) {
        b.append("| ").append(label).append(" | ").append(f(s.path("median").asDouble())).append(" | ").append(f(s.path("mean").asDouble()))
                .append(" ± ").append(f(s.path("sd").asDouble())).append(" |\n");
    }

    static String f(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
    }

    static String g(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3g", v);
    }
}
