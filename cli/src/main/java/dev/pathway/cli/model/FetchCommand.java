package dev.pathway.cli.model;

import dev.pathway.core.hub.HubFetcher;
import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code pathway model fetch REPO}: download config, tokenizer and safetensors weights from the HuggingFace Hub. */
@Command(
        name = "fetch",
        mixinStandardHelpOptions = true,
        description = "Download a model (config, tokenizer.json, safetensors weights) from the HuggingFace Hub into a"
                + " checkpoint directory; LFS files are checked against the Hub's SHA-256. Pickle weights are refused.")
public final class FetchCommand implements Callable<Integer> {
    @Parameters(paramLabel = "REPO", description = "Repository id, e.g. cross-encoder/ms-marco-MiniLM-L-12-v2.")
    String repo;

    @Option(names = "--revision", defaultValue = "main", description = "Branch, tag or commit (default: ${DEFAULT-VALUE}).")
    String revision;

    @Option(names = "--out", description = "Output directory (default: checkpoints/<owner>__<name>).")
    Path out;

    @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
    boolean overwrite;

    @Option(names = "--endpoint", description = "Hub endpoint (default: $HF_ENDPOINT or https://huggingface.co).")
    String endpoint;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Path target = out != null ? out : ProjectPaths.checkpoints().resolve(repo.replace("/", "__"));
        new HubFetcher(endpoint != null ? endpoint : HubFetcher.defaultEndpoint()).fetch(repo, revision, target, overwrite);
        spec.commandLine().getOut().println("wrote " + target.toAbsolutePath());
        return 0;
    }
}
