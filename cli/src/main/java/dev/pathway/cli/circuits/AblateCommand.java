package dev.pathway.cli.circuits;

import dev.pathway.circuits.HeadId;
import dev.pathway.circuits.ablate.AblationMode;
import dev.pathway.circuits.discover.Role;
import dev.pathway.circuits.run.AblateJob;
import dev.pathway.circuits.run.HeadGroups;
import dev.pathway.cli.options.OutputOption;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code pathway circuits ablate}. */
@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Ablate heads (z := mean per position class over reference inputs, or 0) and report mean logits before/after.")
public final class AblateCommand implements Callable<Integer> {
    @Mixin
    ModelMixin model;

    @Mixin
    OutputOption output;

    @Option(names = "--data", required = true, split = ",", paramLabel = "NAME=FILE",
            description = "Diagnostic sets to score, e.g. tfc1=ds/tfc1.jsonl,stmc1=ds/stmc1.jsonl.")
    Map<String, Path> sets = new LinkedHashMap<>();

    @Option(names = "--heads", description = "Heads to ablate, e.g. 1.7,4.9.")
    String heads;

    @Option(names = "--circuit", paramLabel = "FILE", description = "circuit.json: ablate its heads of --role.")
    Path circuit;

    @Option(names = "--role", defaultValue = "matching", description = "Role taken from --circuit: scoring, contextualization, matching (default: ${DEFAULT-VALUE}).")
    String role;

    @Option(names = "--mode", defaultValue = "mean", description = "mean or zero (default: ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--reference", paramLabel = "FILE", description = "JSONL whose documents define the means (default: the evaluated baselines).")
    Path reference;

    @Option(names = "--samples", defaultValue = "200", description = "Samples per set, seeded; 0 = all (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--seed", defaultValue = "13", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--max-length", defaultValue = "512", description = "Maximum input length (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--batch-size", defaultValue = "32", description = "Inputs per forward (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        AblationMode m = AblationMode.parse(mode);
        Role r = parseRole(role);
        if (heads == null && circuit == null) {
            throw new UserInputException("give the heads to ablate: --heads L.H,... or --circuit circuit.json");
        }
        Path dir = model.dir();
        try (CrossEncoder ce = model.load(dir)) {
            List<HeadId> hs = HeadGroups.resolve(heads, circuit, r, ce.config());
            AblateJob job = new AblateJob(hs, m, sets, samples, seed, reference, maxLength, batchSize, output.out, output.overwrite);
            Summaries.print(spec.commandLine().getOut(), job.run(ce, dir));
        }
        return 0;
    }

    static Role parseRole(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "scoring" -> Role.SCORING;
            case "contextualization" -> Role.CONTEXTUALIZATION;
            case "matching" -> Role.MATCHING;
            case "direct_other", "direct-other" -> Role.DIRECT_OTHER;
            default -> throw new UserInputException("unknown role '" + s + "' (scoring, contextualization, matching, direct-other)");
        };
    }
}
