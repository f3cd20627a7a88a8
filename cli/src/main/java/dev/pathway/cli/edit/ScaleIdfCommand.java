package dev.pathway.cli.edit;

import dev.pathway.cli.options.DeviceOption;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.checkpoint.AtomicDirectory;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.EditCheckpoints;
import dev.pathway.editing.edit.RuleFactory;
import dev.pathway.editing.edit.TokenIdfDial;
import dev.pathway.editing.idf.IdfTable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway edit scale-idf}: turn the IDF dial of some words and write a new checkpoint. */
@Command(
        name = "scale-idf",
        mixinStandardHelpOptions = true,
        description = "Edit the IDF that the model encodes for some words: every word piece's U0 (top singular"
                + " vector of W_E, oriented against IDF) gets a new value and W_E' = W_E + (u0' - u0) sigma0 v0^T"
                + " on those rows only. Modes: increase (U0 := -S|U0|), decrease (U0 := +S|U0|),"
                + " target (U0 := the value the model's U0-vs-IDF line gives --target-idf).")
public final class ScaleIdfCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "Checkpoint directory.")
    Path model;

    @Option(names = "--tokens", split = ",", paramLabel = "WORDS", description = "Words to edit (comma-separated or repeated).")
    List<String> tokens = new ArrayList<>();

    @Option(names = "--words", paramLabel = "FILE", description = "A file of words to edit, one per line.")
    Path wordsFile;

    @Option(names = "--mode", required = true, description = "increase, decrease or target.")
    String mode;

    @Option(names = "--scale", description = "S for increase/decrease (a finite number > 0).")
    Double scale;

    @Option(names = "--target-idf", description = "The IDF to encode for --mode target.")
    Double targetIdf;

    @Mixin
    SvdComponentsOption svd;

    @Mixin
    IdfSourceOptions idf;

    @Mixin
    OutputOption output;

    @Mixin
    DeviceOption device;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<String> words = new ArrayList<>(tokens);
        if (wordsFile != null) {
            words.addAll(WordLists.read(wordsFile));
        }
        RuleFactory rules = rules();
        AtomicDirectory.checkTarget(output.out, output.overwrite);
        try (CrossEncoder m = Checkpoints.load(model, device.device())) {
            IdfTable table = idf.resolve(m.tokenizer());
            TokenIdfDial.Result r = TokenIdfDial.apply(m, table, words, rules, svd.k);
            EditCheckpoints.save(m, model, output.out, output.overwrite, TokenIdfDial.KIND, r.operation(), null);
            PrintWriter o = spec.commandLine().getOut();
            if (!r.selection().unkWords().isEmpty()) {
                o.println("# skipped [UNK] pieces of " + r.selection().unkWords().size() + " words: " + r.selection().unkWords());
            }
            o.println("id\ttoken\tu0_before\tu0_after");
            for (int i = 0; i < r.change().size(); i++) {
                int id = r.change().ids()[i];
                o.println(String.format(Locale.ROOT, "%d\t%s\t%.6g\t%.6g", id, m.tokenizer().token(id), r.change().oldU0()[i], r.change().newU0()[i]));
            }
            o.println("wrote " + output.out.toAbsolutePath());
            o.flush();
        }
        return 0;
    }

    private RuleFactory rules() {
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "increase", "decrease" -> {
                if (scale == null) {
                    throw new UserInputException("--mode " + mode + " needs --scale S");
                }
                return mode.equalsIgnoreCase("increase") ? RuleFactory.increase(scale) : RuleFactory.decrease(scale);
            }
            case "target" -> {
                if (targetIdf == null) {
                    throw new UserInputException("--mode target needs --target-idf X");
                }
                return RuleFactory.targetIdf(targetIdf);
            }
            default -> throw new UserInputException("unknown --mode '" + mode + "' (use increase, decrease or target)");
        }
    }
}
