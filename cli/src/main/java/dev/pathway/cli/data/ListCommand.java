package dev.pathway.cli.data;

import dev.pathway.eval.data.DataSetManifest;
import dev.pathway.eval.data.DataSets;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code pathway data list}: the manifests and where each data set would be read from. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the data sets with a manifest and where each is available.")
public final class ListCommand implements Callable<Integer> {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        DataSets sets = DataSets.defaults();
        PrintWriter out = spec.commandLine().getOut();
        out.println("manifests: " + sets.manifestsFolder());
        out.println("cache:     " + sets.cacheFolder());
        out.println("mirror:    " + (sets.mirrorFolder() == null ? "(none; set PATHWAY_DATA_MIRROR)" : sets.mirrorFolder()));
        out.println();
        out.printf("%-24s %-22s %-26s %s%n", "name", "available from", "splits", "variant");
        for (DataSetManifest m : sets.manifests()) {
            out.printf("%-24s %-22s %-26s %s%n", m.name(), availability(sets, m), String.join(",", m.splits()), m.variant());
        }
        out.println();
        out.println("Any other BEIR name (scifact, fiqa, ...) is fetched from " + DataSets.BEIR_BASE + "<name>.zip.");
        return 0;
    }

    private static String availability(DataSets sets, DataSetManifest m) {
        if (Files.isRegularFile(sets.cacheFolder(m.name()).resolve(DataSets.MARKER))) {
            return "cache";
        }
        if (sets.mirrorFolder() != null && m.mirrorFolder() != null
                && m.mirrorFiles().keySet().stream().allMatch(f -> Files.isRegularFile(sets.mirrorFolder().resolve(m.mirrorFolder()).resolve(f)))) {
            return "mirror";
        }
        return m.download() != null ? "download (not fetched)" : "missing";
    }
}
