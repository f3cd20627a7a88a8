package dev.pathway.cli.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.adversarial.DownweightReport;
import dev.pathway.editing.adversarial.Downweighting;
import dev.pathway.editing.adversarial.UnsafeWords;
import dev.pathway.editing.edit.DecreaseIdf;
import dev.pathway.editing.edit.EditCheckpoints;
import dev.pathway.editing.edit.TokenIdfDial;
import dev.pathway.editing.edit.U0Change;
import dev.pathway.editing.edit.U0Editor;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway edit downweight}: adversarial down-weighting of unsafe words (section 6.3). */
@Command(
        name = "downweight",
        mixinStandardHelpOptions = true,
        description = "Adversarial down-weighting (paper section 6.3): insert one unsafe word (single-word entries of --words,"
                + " default the LDNOOBW English list) into relevant documents at a seeded random position, keep the samples"
                + " whose score rises by more than --min-rise, then down-weight every piece of the unsafe words with"
                + " U0 := +S|U0| for each scale: success rate (unsafe scored below clean) and nDCG@10 retention on clean"
                + " --eval-split queries (BM25 top k reranked). Writes downweight.json/.tsv/.png and samples.tsv to --out;"
                + " --save-model writes the model edited at --save-scale.")
public final class DownweightCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @Option(names = "--dataset", defaultValue = "cranfield", description = "Data set (default: ${DEFAULT-VALUE}).")
    String dataset;

    @Option(names = "--words", paramLabel = "FILE", description = "Unsafe words, one per line (default: the mirror's ldnoobw/en).")
    Path words;

    @Option(names = "--sample-split", defaultValue = "train", description = "Split the adversarial samples come from (default: ${DEFAULT-VALUE}).")
    String sampleSplit;

    @Option(names = "--eval-split", defaultValue = "test", description = "Split of clean queries for nDCG@10 retention (default: ${DEFAULT-VALUE}).")
    String evalSplit;

    @Option(names = "--scales", split = ",", defaultValue = "1,2,5,10,20,50,100,200,500,1200", description = "Scales S (default: ${DEFAULT-VALUE}).")
    List<Double> scales;

    @Option(names = "--max-candidates", defaultValue = "1000", description = "(query, relevant document) pairs tried (default: ${DEFAULT-VALUE}).")
    int maxCandidates;

    @Option(names = "--min-rise", defaultValue = "0", description = "Keep samples whose unsafe score exceeds the clean score by more than this (default: ${DEFAULT-VALUE}).")
    double minRise;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of candidate order, word and position (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "256", description = "Maximum pair length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Pairs per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--top-k", defaultValue = "20", description = "BM25 documents reranked per evaluation query (default: ${DEFAULT-VALUE}).")
    int topK;

    @Mixin
    SvdComponentsOption svd;

    @Mixin
    IdfSourceOptions idf;

    @Option(names = "--out", required = true, description = "Folder for the results.")
    Path out;

    @Option(names = "--save-model", paramLabel = "DIR", description = "Also write the model down-weighted at --save-scale as a checkpoint.")
    Path saveModel;

    @Option(names = "--save-scale", description = "Scale of --save-model (default: the largest of --scales).")
    Double saveScale;

    @Option(names = "--overwrite", description = "Replace --save-model if it exists.")
    boolean overwrite;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        UnsafeWords list = UnsafeWords.read(words != null ? words : UnsafeWords.defaultList());
        Downweighting.Config cfg = new Downweighting.Config(sampleSplit, evalSplit, scales, maxCandidates, minRise, seed, maxLength, batchSize, topK, svd.k);
        double keepScale = saveScale != null ? saveScale : scales.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (saveModel != null) {
            new DecreaseIdf(keepScale);
            AtomicDirectory.checkTarget(saveModel, overwrite);
        } else if (saveScale != null) {
            throw new UserInputException("--save-scale needs --save-model DIR");
        }
        DataSet data = DataSets.resolve(dataset);
        try (CrossEncoder m = Checkpoints.load(model, device.device())) {
            IdfTable table = idf.resolve(m.tokenizer());
            DownweightReport r = Downweighting.run(m, data, list, table, cfg, ProgressBars::start);
            r.write(out);
            PrintWriter o = spec.commandLine().getOut();
            if (!r.pieces().unkWords().isEmpty()) {
                o.println("# words with [UNK] pieces (not inserted; their other pieces are edited): " + r.pieces().unkWords());
            }
            o.println("# " + data.label() + ": " + r.samples().samples().size() + " adversarial samples kept of " + r.samples().candidates()
                    + " candidates (" + sampleSplit + "); " + r.pieces().ids().length + " pieces of " + list.words().size() + " words edited;"
                    + " nDCG@10 unedited " + String.format(java.util.Locale.ROOT, "%.4f", r.baselineNdcg()) + " on " + r.evalQueries() + " "
                    + evalSplit + " queries");
            o.print(r.table());
            o.println("# wrote " + out.resolve(DownweightReport.JSON) + ", " + out.resolve(DownweightReport.PNG));
            if (saveModel != null) {
                U0Change change = U0Editor.plan(r.svd(), r.pieces().ids(), new DecreaseIdf(keepScale));
                U0Editor.apply(m, r.svd(), change);
                ObjectNode op = dev.pathway.core.util.Json.MAPPER.createObjectNode();
                op.setAll(r.pieces().toJson());
                op.put("word_list", list.file().toString());
                op.set("rule", new DecreaseIdf(keepScale).params());
                op.set("svd", TokenIdfDial.svdFacts(r.svd(), table));
                op.put("report", out.resolve(DownweightReport.JSON).toAbsolutePath().toString());
                EditCheckpoints.save(m, model, saveModel, overwrite, Downweighting.KIND, op, null);
                o.println("wrote " + saveModel.toAbsolutePath());
            }
            o.flush();
        }
        return 0;
    }
}
