package dev.pathway.cli.edit;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.align.AlignmentMethod;
import dev.pathway.editing.align.IdfAlignment;
import dev.pathway.editing.align.RegressionAlignment;
import dev.pathway.editing.align.ZScoreAlignment;
import dev.pathway.editing.edit.EditCheckpoints;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.eval.data.DataSets;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway edit align-idf}: align the IDF encoded in U0 to a target corpus. */
@Command(
        name = "align-idf",
        mixinStandardHelpOptions = true,
        description = "Align the IDF a model encodes (U0) to a target corpus: tokens with a known target IDF get"
                + " the U0 that encodes it (zscore: -IDF rescaled to U0's mean and sd over those tokens;"
                + " regression: through the model's own U0-vs-source-IDF line); other tokens keep theirs."
                + " Writes a checkpoint whose pathway.json records the alignment.")
public final class AlignIdfCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @Option(names = "--corpus", required = true, paramLabel = "DATASET",
            description = "Target data set (BEIR name or folder, e.g. nfcorpus); its corpus gives the target IDF.")
    String corpus;

    @Option(names = "--method", defaultValue = "zscore", description = "zscore or regression (default: ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--source-idf", defaultValue = "msmarco", paramLabel = "SOURCE",
            description = "For --method regression: the IDF the model's U0 is fitted on (msmarco, table:FILE or corpus:NAME; default: ${DEFAULT-VALUE}).")
    String sourceIdf;

    @Option(names = "--idf-formula", defaultValue = "lucene", description = "IDF formula for corpora (default: ${DEFAULT-VALUE}).")
    String formula;

    @Mixin
    SvdComponentsOption svd;

    @Mixin
    OutputOption output;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        IdfFormula f = IdfFormula.parse(formula);
        String m = method.toLowerCase(Locale.ROOT);
        if (!m.equals("zscore") && !m.equals("regression")) {
            throw new UserInputException("unknown --method '" + method + "' (use zscore or regression)");
        }
        AtomicDirectory.checkTarget(output.out, output.overwrite);
        try (CrossEncoder model0 = Checkpoints.load(model, device.device())) {
            IdfTable target = IdfSources.corpus(DataSets.resolve(corpus), model0.tokenizer(), f);
            AlignmentMethod am = m.equals("zscore") ? new ZScoreAlignment()
                    : new RegressionAlignment(IdfSources.resolve(sourceIdf, model0.tokenizer(), f, OptionalDouble.of(IdfSources.MSMARCO_PLACEHOLDER)));
            IdfAlignment.Result r = IdfAlignment.align(model0, target, am, svd.k);
            EditCheckpoints.save(model0, model, output.out, output.overwrite, IdfAlignment.KIND, r.operation(), null);
            PrintWriter o = spec.commandLine().getOut();
            o.println("target IDF               " + target.source() + " (" + target.description() + ")");
            o.println("method                   " + am.name());
            o.println("tokens edited            " + r.tokensEdited() + " of " + target.vocabSize() + " (the rest keep their U0)");
            o.println(String.format(Locale.ROOT, "corr(U0, target IDF)     before %.4f, assigned %.4f, recomputed SVD of the edited W_E %.4f",
                    r.pearsonBefore(), r.pearsonAssigned(), r.pearsonRecomputed()));
            o.println("wrote " + output.out.toAbsolutePath());
            o.flush();
        }
        return 0;
    }
}
