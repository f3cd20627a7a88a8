package dev.pathway.cli.edit;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.editing.correlate.IdfCorrelationReport;
import dev.pathway.editing.idf.IdfTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway edit idf-correlate}: Pearson and Spearman of U_k with IDF, and the U0 scatter. */
@Command(
        name = "idf-correlate",
        mixinStandardHelpOptions = true,
        description = "Correlate the top singular vectors U_0..U_{k-1} of the word-embedding matrix with IDF"
                + " (over tokens with a known IDF). Prints a TSV table; --out also writes idf-correlation.json,"
                + " idf-correlation.tsv and u0-vs-idf.png.")
public final class IdfCorrelateCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @Mixin
    IdfSourceOptions idf;

    @Mixin
    SvdComponentsOption svd;

    @Option(names = "--out", description = "Folder for the JSON, TSV and PNG results.")
    Path out;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        try (CrossEncoder m = Checkpoints.load(model, device.device())) {
            IdfTable table = idf.resolve(m.tokenizer());
            IdfCorrelationReport r = IdfCorrelationReport.compute(m, model.toString(), table, svd.k);
            if (out != null) {
                r.write(out);
            }
            PrintWriter o = spec.commandLine().getOut();
            o.println("# model " + model + "; IDF " + table.source() + " (" + table.description() + "); "
                    + table.knownCount() + " of " + table.vocabSize() + " tokens with a known IDF;"
                    + (r.svd().firstFlipped() ? " (u0, v0) flipped" : " (u0, v0) not flipped") + " so that corr(U0, IDF) <= 0");
            o.print(r.table());
            if (out != null) {
                o.println("# wrote " + out.resolve(IdfCorrelationReport.JSON) + ", " + out.resolve(IdfCorrelationReport.SCATTER));
            }
            o.flush();
        }
        return 0;
    }
}
