package dev.pathway.circuits.data;

import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import java.nio.file.Path;
import java.util.OptionalDouble;

/**
 * Resolves the base data of {@code build-dataset} and the IDF that chooses terms:
 *
 * <ul>
 *   <li>{@code paper}: the paper's MS MARCO files (terms and synonyms given; IDF default
 *       {@code msmarco}, used only with {@code --term-rule idf});
 *   <li>{@code beir:NAME} or {@code beir:DIR}: a BEIR data set that eval resolves (manifest name
 *       such as {@code nfcorpus}, {@code cranfield}, or a folder), its judged documents of one
 *       split; IDF default {@code corpus}: tokenizer-level IDF over that data set's whole corpus.
 * </ul>
 *
 * The IDF can be any of editing's sources: {@code msmarco}, {@code table:FILE},
 * {@code corpus:NAME}, or {@code corpus} (the base data set's own corpus).
 */
public final class BaseSources {
    private BaseSources() {}

    /** Base data and term IDF. */
    public record Resolved(BaseData base, TermIdf idf, String idfSource) {}

    public static Resolved resolve(String source, Path paperDir, String split, int minGrade, String termIdf, PairTokenizer tokenizer) {
        String s = source.strip();
        if (s.equals("paper")) {
            BaseData base = PaperDiagnosticFiles.load(paperDir != null ? paperDir : DataMirror.paperDiagnostic());
            String spec = termIdf == null ? IdfSources.MSMARCO : termIdf;
            if (spec.equals("corpus")) {
                throw new UserInputException("--term-idf corpus needs a BEIR source (the paper's files have no corpus)");
            }
            return new Resolved(base, lazy(spec, tokenizer, null), spec);
        }
        if (s.startsWith("beir:")) {
            DataSet ds = DataSets.resolve(s.substring("beir:".length()));
            BaseData base = BeirBase.load(ds, split, minGrade);
            String spec = termIdf == null ? "corpus" : termIdf;
            return new Resolved(base, lazy(spec, tokenizer, ds), spec.equals("corpus") ? "corpus:" + ds.name() : spec);
        }
        throw new UserInputException("unknown --source '" + source + "' (paper, beir:NAME or beir:DIR)");
    }

    /** Loads the table on first use (the paper's given terms never need it). */
    private static TermIdf lazy(String spec, PairTokenizer tokenizer, DataSet ds) {
        TermIdf[] table = new TermIdf[1];
        return word -> {
            if (table[0] == null) {
                table[0] = new TableTermIdf(spec.equals("corpus")
                        ? IdfSources.corpus(ds, tokenizer, IdfFormula.MSMARCO)
                        : IdfSources.resolve(spec, tokenizer, IdfFormula.MSMARCO, OptionalDouble.of(IdfSources.MSMARCO_PLACEHOLDER)),
                        tokenizer);
            }
            return table[0].idf(word);
        };
    }
}
