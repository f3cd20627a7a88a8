package dev.pathway.circuits.linear;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.plot.ScatterChart;
import dev.pathway.circuits.run.RunInfo;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.eval.data.Qrels;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * {@code pathway circuits linear}: SemanticBM on the BM25 candidates of some data sets. Writes
 * {@code results.json}, {@code report.md} (Table 2 of the paper), {@code scatter.png} (predicted vs
 * actual logits of the test pairs) and {@code test-pairs.csv} into a folder that appears at once.
 *
 * @param heads the matching heads
 * @param headsFrom where the heads came from (a circuit.json or "--heads"), for provenance
 * @param datasets the data sets
 * @param candidates how pairs are built
 * @param idfSource IDF source spec for U0's rescaling and token BM25 ({@code msmarco}, {@code
 *     table:FILE}, {@code corpus:NAME})
 * @param options regression and baseline options
 * @param batchSize pairs per forward pass
 * @param out output folder
 * @param overwrite whether an existing output folder may be replaced
 */
public record LinearJob(List<HeadId> heads, String headsFrom, List<DataSpec> datasets, Candidates candidates, String idfSource,
        SemanticBmOptions options, int batchSize, Path out, boolean overwrite) {
    private static final Logger LOG = LogManager.getLogger(LinearJob.class);

    public ObjectNode run(CrossEncoder model, Path modelDir) {
        heads.forEach(h -> h.checked(model.config()));
        if (batchSize < 1) {
            throw new UserInputException("--batch-size must be at least 1, got " + batchSize);
        }
        AtomicDirectory.checkTarget(out, overwrite);
        datasets.forEach(candidates::resolve);
        IdfTable idf = IdfSources.resolve(idfSource, model.tokenizer(), IdfFormula.MSMARCO, OptionalDouble.of(IdfSources.MSMARCO_PLACEHOLDER));
        List<CandidateSet> sets = new ArrayList<>();
        for (DataSpec d : datasets) {
            CandidateSet c = candidates.load(d);
            LOG.info("{}: {} pairs ({})", d, c.pairs().size(), c.variant());
            sets.add(c);
        }
        List<LinearPair> pairs = new ArrayList<>();
        Map<String, Qrels> qrels = new LinkedHashMap<>();
        int tooLong = 0;
        for (CandidateSet c : sets) {
            // Queries longer than the longest group are never fitted: skip their forward passes.
            int kept = 0;
            for (LinearPair p : c.pairs()) {
                if (p.queryLength() >= 1 && p.queryLength() <= options.maxQueryLength()) {
                    pairs.add(p);
                    kept++;
                }
            }
            c.info().put("pairs_with_query_length_1_to_" + options.maxQueryLength(), kept);
            tooLong += c.pairs().size() - kept;
            if (c.qrels() != null) {
                qrels.put(c.name(), c.qrels());
            }
        }
        if (pairs.isEmpty()) {
            throw new UserInputException("the data sets gave no pairs with a query of 1.." + options.maxQueryLength() + " tokens ("
                    + tooLong + " pairs with longer queries)");
        }
        IdfProxy proxy = IdfProxy.of(model, idf);
        List<PairEncoding> enc = pairs.stream().map(LinearPair::encoding).toList();
        List<MatchingScores.PairScores> scores;
        try (Progress p = ProgressBars.start("semanticbm features", enc.size(), "pairs")) {
            scores = new MatchingScores(model, heads, batchSize).score(enc, p);
        }
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            samples.add(new Sample(pairs.get(i), scores.get(i).logit(), scores.get(i).ms()));
        }
        SemanticBm.Result r = new SemanticBm(options, proxy, idf.values()).run(samples, qrels);

        ObjectNode info = RunInfo.of(model, modelDir, "circuits linear");
        info.put("seed", options.seed());
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.set("run", info);
        json.set("options", options(idf, proxy));
        ArrayNode ds = json.putArray("datasets");
        sets.forEach(c -> ds.add(c.info()));
        json.set("table2", table2(r));
        json.set("pooled_test", pooled(r));
        json.set("bm25_grid", grid(r));
        json.set("groups", groups(r));
        ObjectNode sk = json.putObject("skipped_groups");
        r.skipped().forEach((k, v) -> sk.put(k == 0 ? "longer" : Integer.toString(k), v));
        if (tooLong > 0) {
            sk.put("longer", tooLong + " pairs with queries longer than " + options.maxQueryLength() + " tokens (not run)");
        }
        String report = LinearReport.markdown(json, r, sets);
        AtomicDirectory.write(out, overwrite, dir -> {
            Json.write(dir.resolve("results.json"), json);
            Files.writeString(dir.resolve("report.md"), report, StandardCharsets.UTF_8);
            writeCsv(dir.resolve("test-pairs.csv"), r);
            scatter(dir.resolve("scatter.png"), r);
        });
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("out", out.toAbsolutePath().toString());
        summary.put("pairs", pairs.size());
        summary.put("groups", r.groups().size());
        summary.put("test_pairs", r.testRows().size());
        summary.set("table2", json.get("table2"));
        return summary;
    }

    private ObjectNode options(IdfTable idf, IdfProxy proxy) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ArrayNode hs = o.putArray("matching_heads");
        heads.forEach(h -> hs.add(h.toString()));
        o.put("heads_from", headsFrom);
        o.put("features_per_token", 1 + 2 * heads.size());
        o.put("features", "per query token t: ft1 = -U0_idf[token]; per matching head: MS = attention from t summed over document "
                + "tokens (firstSep+1 .. lastSep-1, both [SEP] excluded); ft1*MS");
        o.put("idf_source", idf.source());
        o.put("idf_description", idf.description());
        o.put("u0_idf_pearson", proxy.u0IdfPearson());
        o.put("u0_sign_flipped", proxy.flipped());
        o.put("max_length", candidates.maxLength());
        o.put("top_k", candidates.topK());
        o.put("max_queries", candidates.maxQueries());
        o.put("default_split", candidates.defaultSplit());
        o.put("min_samples", options.minSamples());
        o.put("max_query_length", options.maxQueryLength());
        o.put("test_fraction", options.testFraction());
        o.put("split", "per query-length group, seeded shuffle of query keys (dataset/qid); no query in both parts");
        o.put("bm25_k1", options.bm25K1());
        o.put("bm25_b", options.bm25B());
        o.put("bm25_avgdl", Double.isNaN(options.avgdl()) ? "auto (mean document tokens per data set)" : Double.toString(options.avgdl()));
        o.putPOJO("bm25_grid_k1", options.gridK1());
        o.putPOJO("bm25_grid_b", options.gridB());
        o.put("regression", "OLS with intercept (Commons Math OLSMultipleLinearRegression) on features z-scored on the training split "
                + "(ddof 0, constant columns -> 0); minimum-norm least squares (SVD) where the design is rank deficient");
        o.put("random_features", "same shape; each column N(train mean, train sd), seeded per group; OLS as SemanticBM");
        o.put("batch_size", batchSize);
        return o;
    }

    static ObjectNode stat(Table2 t) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("median", t.median());
        o.put("mean", t.mean());
        o.put("sd", t.sd());
        o.put("groups", t.groups());
        return o;
    }

    private static ObjectNode table2(SemanticBm.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        ObjectNode pe = o.putObject("pearson");
        ObjectNode pp = o.putObject("pearson_p");
        ObjectNode sp = o.putObject("spearman");
        ObjectNode spp = o.putObject("spearman_p");
        ObjectNode rm = o.putObject("rmse");
        ObjectNode r2 = o.putObject("r2");
        for (Scorer s : Scorer.correlated()) {
            pe.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).pearson())));
            pp.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).pearsonP())));
            sp.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).spearman())));
            spp.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).spearmanP())));
            if (s.predictsLogits()) {
                rm.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).rmse())));
                r2.set(s.key(), stat(Table2.over(r.groups(), g -> g.fits().get(s).r2())));
            }
        }
        ObjectNode nd = o.putObject("ndcg@10");
        for (Scorer s : Scorer.values()) {
            nd.set(s.key(), stat(Table2.over(r.groups(), g -> g.ndcg().get(s))));
        }
        return o;
    }

    private static ObjectNode fit(FitStats f) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("n", f.n());
        o.put("pearson", f.pearson());
        o.put("pearson_p", f.pearsonP());
        o.put("spearman", f.spearman());
        o.put("spearman_p", f.spearmanP());
        if (!Double.isNaN(f.rmse())) {
            o.put("rmse", f.rmse());
            o.put("r2", f.r2());
        }
        return o;
    }

    private static ObjectNode pooled(SemanticBm.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        r.pooled().forEach((s, f) -> o.set(s.key(), fit(f)));
        return o;
    }

    private static ObjectNode grid(SemanticBm.Result r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("criterion", "median over groups of the training-split Pearson r with the logits");
        ObjectNode b = o.putObject("best");
        b.put("k1", r.best().k1());
        b.put("b", r.best().b());
        b.put("train_median_pearson", r.best().trainMedianPearson());
        ArrayNode pts = o.putArray("points");
        for (SemanticBm.GridPoint g : r.grid()) {
            ObjectNode p = pts.addObject();
            p.put("k1", g.k1());
            p.put("b", g.b());
            p.put("train_median_pearson", g.trainMedianPearson());
        }
        ObjectNode avg = o.putObject("avgdl");
        r.avgdl().forEach(avg::put);
        return o;
    }

    private static ArrayNode groups(SemanticBm.Result r) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (SemanticBm.Group g : r.groups()) {
            ObjectNode o = a.addObject();
            o.put("query_length", g.length());
            o.put("features", g.features());
            o.put("train_pairs", g.trainPairs());
            o.put("test_pairs", g.testPairs());
            o.put("train_queries", g.trainQueries().size());
            o.put("test_queries", g.testQueries().size());
            o.put("minimum_norm_fit", g.minimumNorm());
            ObjectNode f = o.putObject("fits");
            g.fits().forEach((s, v) -> f.set(s.key(), fit(v)));
            ObjectNode n = o.putObject("ndcg@10");
            n.put("queries", g.ndcgQueries());
            g.ndcg().forEach((s, v) -> n.put(s.key(), v));
            ArrayNode tq = o.putArray("test_query_keys");
            g.testQueries().forEach(tq::add);
        }
        return a;
    }

    private static void writeCsv(Path file, SemanticBm.Result r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder h = new StringBuilder("dataset,qid,doc_id,rank,query_length");
            for (Scorer s : Scorer.values()) {
                h.append(',').append(s.key());
            }
            w.write(h.append('\n').toString());
            for (SemanticBm.TestRow t : r.testRows()) {
                LinearPair p = t.sample().pair();
                StringBuilder b = new StringBuilder();
                b.append(csv(p.dataset())).append(',').append(csv(p.qid())).append(',').append(csv(p.docId())).append(',').append(p.rank())
                        .append(',').append(t.group());
                for (Scorer s : Scorer.values()) {
                    b.append(',').append(t.scores().get(s));
                }
                w.write(b.append('\n').toString());
            }
        }
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static void scatter(Path png, SemanticBm.Result r) throws IOException {
        double[] x = r.testRows().stream().mapToDouble(t -> t.sample().logit()).toArray();
        double[] sem = r.testRows().stream().mapToDouble(t -> t.scores().get(Scorer.SEMANTIC_BM)).toArray();
        double[] rnd = r.testRows().stream().mapToDouble(t -> t.scores().get(Scorer.RANDOM)).toArray();
        FitStats fs = r.pooled().get(Scorer.SEMANTIC_BM);
        ScatterChart.write(png, String.format(Locale.ROOT, "SemanticBM vs cross-encoder, %d test pairs (pooled r = %.3f)", x.length,
                fs.pearson()), "cross-encoder logit", "predicted logit",
                List.of(new ScatterChart.Series("SemanticBM", x, sem), new ScatterChart.Series("random features", x, rnd)), true);
    }
}
