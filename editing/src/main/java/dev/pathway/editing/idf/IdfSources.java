package dev.pathway.editing.idf;

import dev.pathway.core.progress.Progress;
import dev.pathway.core.progress.ProgressBars;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.CorpusReader;
import dev.pathway.eval.data.DataMirror;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.data.Document;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Iterator;
import java.util.OptionalDouble;

/**
 * Resolves an IDF source written as the command line writes it:
 * <ul>
 *   <li>{@code table:FILE}: a JSON table {@code {piece: idf}} keyed by the tokenizer's pieces;
 *   <li>{@code msmarco}: the shared MS MARCO table, {@code <mirror>/msmarco-idf/idf.json};
 *   <li>{@code corpus:NAME}: document frequencies over a BEIR data set's corpus (any name or
 *       folder that {@code eval}'s {@link DataSets} resolves: {@code nfcorpus},
 *       {@code nfcorpus-preprocessed}, {@code cranfield}, ...), tokenized with the model's tokenizer.
 * </ul>
 */
public final class IdfSources {
    public static final String MSMARCO = "msmarco";
    /** The MS MARCO table's value for "no statistic" (specials, unused slots, uncounted tokens). */
    public static final double MSMARCO_PLACEHOLDER = 1.0;

    private IdfSources() {}

    /**
     * @param placeholder for tables: a value meaning "no statistic" (see {@link IdfTables#readJson})
     * @param formula for corpora: the IDF formula
     */
    public static IdfTable resolve(String spec, PairTokenizer tokenizer, IdfFormula formula, OptionalDouble placeholder) {
        if (spec == null || spec.isBlank()) {
            throw new UserInputException("no IDF source given (use table:FILE, msmarco or corpus:NAME)");
        }
        String s = spec.strip();
        if (s.equals(MSMARCO)) {
            return IdfTables.readJson(msmarcoTable(), tokenizer.vocab(), placeholder);
        }
        if (s.startsWith("table:")) {
            Path f = Paths.get(s.substring("table:".length()));
            if (!Files.isRegularFile(f)) {
                throw new UserInputException("IDF table not found: " + f.toAbsolutePath());
            }
            return IdfTables.readJson(f, tokenizer.vocab(), placeholder);
        }
        if (s.startsWith("corpus:")) {
            return corpus(DataSets.resolve(s.substring("corpus:".length())), tokenizer, formula);
        }
        throw new UserInputException("unknown IDF source '" + spec + "' (use table:FILE, msmarco or corpus:NAME)");
    }

    /** The IDF of a data set's corpus at the tokenizer's level, over title + " " + text. */
    public static IdfTable corpus(DataSet data, PairTokenizer tokenizer, IdfFormula formula) {
        String source = "corpus " + data.name() + " (" + data.corpusFile() + ")";
        try (CorpusReader reader = data.openCorpus();
                Progress progress = ProgressBars.start("idf " + data.name(), -1, "docs")) {
            Iterator<Document> docs = reader.iterator();
            Iterator<String> texts = new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return docs.hasNext();
                }

                @Override
                public String next() {
                    return docs.next().fullText();
                }
            };
            return CorpusIdf.idf(tokenizer, texts, source, formula, progress);
        }
    }

    /** The shared MS MARCO table in the data mirror. */
    public static Path msmarcoTable() {
        Path mirror = DataMirror.locate();
        if (mirror == null) {
            throw new UserInputException("the MS MARCO IDF table needs the data mirror: set " + DataMirror.VARIABLE
                    + " (or pass --idf table:FILE)");
        }
        Path f = mirror.resolve("msmarco-idf").resolve("idf.json");
        if (!Files.isRegularFile(f)) {
            throw new UserInputException("MS MARCO IDF table not found: " + f);
        }
        return f;
    }
}
