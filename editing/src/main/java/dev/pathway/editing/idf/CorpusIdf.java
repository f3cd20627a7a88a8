package dev.pathway.editing.idf;

import dev.pathway.core.progress.Progress;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Document frequencies at the tokenizer's level: every document is tokenized with the model's own
 * tokenizer (no special tokens) and each vocabulary id counts once per document that contains it.
 * This is the granularity the embedding matrix sees; word-level IDF would not map onto U0 rows.
 */
public final class CorpusIdf {
    private static final int BATCH = 256;

    private CorpusIdf() {}

    /**
     * Counts document frequencies over {@code documents} (each one text, e.g. title + " " + text).
     *
     * @throws UserInputException when there are no documents
     */
    public static DocumentFrequencies count(PairTokenizer tokenizer, Iterator<String> documents, String source, Progress progress) {
        int vocab = tokenizer.vocabSize();
        long[] df = new long[vocab];
        // stamp[id] = 1 + index of the last document that counted id: no per-document set needed.
        long[] stamp = new long[vocab];
        long n = 0;
        List<String> batch = new ArrayList<>(BATCH);
        while (documents.hasNext()) {
            batch.add(documents.next());
            if (batch.size() == BATCH || !documents.hasNext()) {
                long[][] ids = tokenizer.batchIds(batch);
                for (long[] doc : ids) {
                    n++;
                    for (long id : doc) {
                        int i = (int) id;
                        if (stamp[i] != n) {
                            stamp[i] = n;
                            df[i]++;
                        }
                    }
                }
                progress.step(batch.size());
                batch.clear();
            }
        }
        if (n == 0) {
            throw new UserInputException(source + ": the corpus has no documents, so no IDF can be computed");
        }
        return new DocumentFrequencies(df, n, source);
    }

    /**
     * The IDF table of a corpus; ids never seen are unknown, and so is [UNK] (it stands for many
     * different words, so its frequency is no token's frequency).
     */
    public static IdfTable idf(PairTokenizer tokenizer, Iterator<String> documents, String source, IdfFormula formula, Progress progress) {
        return count(tokenizer, documents, source, progress).idf(formula, (int) tokenizer.unkId());
    }
}
