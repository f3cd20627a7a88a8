package dev.pathway.cli.edit;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import java.util.OptionalDouble;
import picocli.CommandLine.Option;

/** {@code --idf SOURCE [--idf-formula F] [--table-placeholder V|none]}: where IDF comes from. */
public final class IdfSourceOptions {
    @Option(names = "--idf", defaultValue = "msmarco", paramLabel = "SOURCE",
            description = "IDF source: msmarco (the shared MS MARCO table), table:FILE (JSON {piece: idf}),"
                    + " or corpus:NAME (document frequencies over a BEIR data set, e.g. corpus:nfcorpus-preprocessed)"
                    + " (default: ${DEFAULT-VALUE}).")
    String idf;

    @Option(names = "--idf-formula", defaultValue = "lucene", paramLabel = "F",
            description = "IDF formula for corpus: sources: lucene, msmarco (the same function) or classic (default: ${DEFAULT-VALUE}).")
    String formula;

    @Option(names = "--table-placeholder", defaultValue = "1.0", paramLabel = "V",
            description = "A table value that means 'no statistic' (taken as unknown), or none (default: ${DEFAULT-VALUE},"
                    + " the MS MARCO table's default).")
    String placeholder;

    public IdfTable resolve(PairTokenizer tokenizer) {
        return IdfSources.resolve(idf, tokenizer, IdfFormula.parse(formula), placeholder());
    }

    public String spec() {
        return idf;
    }

    OptionalDouble placeholder() {
        if (placeholder.equalsIgnoreCase("none")) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(placeholder));
        } catch (NumberFormatException e) {
            throw new UserInputException("--table-placeholder must be a number or 'none', got '" + placeholder + "'");
        }
    }
}
