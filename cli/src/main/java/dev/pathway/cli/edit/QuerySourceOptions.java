package dev.pathway.cli.edit;

import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.causal.QueryFile;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --queries FILE | --dataset NAME [--split S]} and {@code --max-queries N}. */
public final class QuerySourceOptions {
    @Option(names = "--queries", paramLabel = "FILE",
            description = "Queries, one per line: id<TAB>text, id,text (numeric id) or text.")
    Path queries;

    @Option(names = "--dataset", paramLabel = "NAME", description = "A BEIR data set (its queries of --split).")
    String dataset;

    @Option(names = "--split", defaultValue = "test", description = "Split of --dataset (default: ${DEFAULT-VALUE}).")
    String split;

    @Option(names = "--max-queries", defaultValue = "100", description = "Use at most this many queries, in file order (default: ${DEFAULT-VALUE}).")
    int maxQueries;

    Map<String, String> read() {
        if ((queries == null) == (dataset == null)) {
            throw new UserInputException("give exactly one of --queries FILE and --dataset NAME");
        }
        if (maxQueries < 1) {
            throw new UserInputException("--max-queries must be at least 1");
        }
        Map<String, String> all;
        if (queries != null) {
            all = QueryFile.read(queries);
        } else {
            DataSet d = DataSets.resolve(dataset);
            all = d.queries(split);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            if (out.size() == maxQueries) {
                break;
            }
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    String describe() {
        return queries != null ? queries.toString() : dataset + " (" + split + " queries)";
    }
}
