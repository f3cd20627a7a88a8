package dev.pathway.cli.data;

import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.fetch.ZipFetcher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway data fetch NAME}: download the official zip, verify it, unpack it safely into the cache. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Download a data set's official BEIR zip into data/cache/datasets/NAME: digest verified, unpacked safely.")
public final class FetchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "Data set name (a manifest in data/, or any BEIR name).")
    String name;

    @Option(names = "--force", description = "Replace a cached copy.")
    boolean force;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ZipFetcher.Result r = DataSets.defaults().fetch(name, force);
        spec.commandLine().getOut().printf("fetched %s: %,d bytes, SHA-256 %s (%s), %d files in %s%n", name, r.bytes(), r.sha256(),
                r.verified() ? "verified" : "no published checksum", r.files().size(), r.directory());
        return 0;
    }
}
