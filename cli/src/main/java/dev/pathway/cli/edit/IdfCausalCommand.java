package dev.pathway.cli.edit;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.editing.causal.CausalReport;
import dev.pathway.editing.causal.DocPairExperiment;
import dev.pathway.editing.causal.HeadRef;
import dev.pathway.editing.idf.IdfTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway edit idf-causal}: the doc1/doc2 test of section 4.4 over a sweep of scales. */
@Command(
        name = "idf-causal",
        mixinStandardHelpOptions = true,
        description = "The causal test of the paper's section 4.4: doc1 repeats the first query word (tok1), doc2 the"
                + " second; tok1's U0 is scaled (increase: -S|U0|, decrease: +S|U0|) and the mean normalised scores"
                + " of doc1 and doc2 are reported per scale, with the [CLS]->tok1 attention of one head. Writes"
                + " causal.json, causal.tsv, causal-scores.png and causal-attention.png to --out.")
public final class IdfCausalCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @Mixin
    QuerySourceOptions queries;

    @Option(names = "--scales", split = ",", defaultValue = "1,2,5,10,20,50,100,200,500",
            description = "Scales S (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--modes", split = ",", defaultValue = "increase,decrease", description = "Modes (default: ${DEFAULT-VALUE}).")
    List<String> modes;

    @Option(names = "--head", paramLabel = "L.H",
            description = "Head whose [CLS]->tok1 attention is recorded (default: the head whose [CLS] attention to query tokens correlates most with IDF).")
    String head;

    @Option(names = "--repetitions", defaultValue = "3", description = "Times doc1/doc2 repeat their word (default: ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--max-length", defaultValue = "128", description = "Maximum pair length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Mixin
    SvdComponentsOption svd;

    @Mixin
    IdfSourceOptions idf;

    @Option(names = "--out", required = true, description = "Folder for the results.")
    Path out;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Map<String, String> q = queries.read();
        try (CrossEncoder m = Checkpoints.load(model, device.device())) {
            HeadRef h = head == null ? null : HeadRef.parse(head, m.config());
            DocPairExperiment.Config cfg = new DocPairExperiment.Config(modes, scales, h, repetitions, maxLength, svd.k);
            IdfTable table = idf.resolve(m.tokenizer());
            CausalReport r = DocPairExperiment.run(m, table, q, queries.describe(), cfg, ProgressBars::start);
            r.write(out);
            PrintWriter o = spec.commandLine().getOut();
            o.println("# " + r.samples().size() + " samples from " + queries.describe() + " (" + r.skipped().size() + " queries skipped);"
                    + " head " + r.head() + (r.headChosenAutomatically() ? " (highest IDF correlation, r = "
                    + String.format(java.util.Locale.ROOT, "%.4f", r.headRanking().get(0).pearson()) + ")" : ""));
            o.print(r.table());
            o.println("# wrote " + out.resolve(CausalReport.JSON) + ", " + out.resolve(CausalReport.SCORES_PNG));
            o.flush();
        }
        return 0;
    }
}
