package dev.pathway.editing.bench;

import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.edit.EditCheckpoints;
import dev.pathway.editing.edit.RuleFactory;
import dev.pathway.editing.edit.TokenIdfDial;
import dev.pathway.editing.idf.IdfFormula;
import dev.pathway.editing.idf.IdfSources;
import dev.pathway.editing.idf.IdfTable;
import dev.pathway.editing.svd.EmbeddingSvd;
import dev.pathway.eval.data.DataSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Timings of the editing workload: embedding SVD, corpus IDF, and an edit written as a checkpoint.
 * Each is repeated and the median reported. A benchmark, not a test.
 */
public final class EditBench {
    private EditBench() {}

    /** One measured operation: median seconds over the repetitions, and every repetition. */
    public record Row(String what, double medianSeconds, double[] seconds, String detail) {}

    public static List<Row> run(CrossEncoder model, Path modelDir, DataSet corpus, IdfTable orientation, int k, int repeat, Path scratch) {
        if (repeat < 1) {
            throw new UserInputException("the number of repetitions must be at least 1");
        }
        List<Row> rows = new ArrayList<>();
        int vocab = model.config().vocabSize();
        int d = model.config().hiddenSize();
        EmbeddingSvd.of(model, k); // warm-up: engine and kernels
        rows.add(time("SVD top-" + k + " of W_E " + vocab + "x" + d, repeat, () -> EmbeddingSvd.of(model, k), "Gram in PyTorch float64 + Commons Math eigen"));
        long[] docs = new long[1];
        rows.add(time("IDF over " + corpus.name(), repeat, () -> {
            IdfTable t = IdfSources.corpus(corpus, model.tokenizer(), IdfFormula.LUCENE);
            docs[0] = t.knownCount();
        }, "tokenize title+text with the model's tokenizer, count df per piece"));
        rows.set(rows.size() - 1, withDetail(rows.get(rows.size() - 1), docs[0] + " pieces with a known IDF"));
        int[] n = {0};
        rows.add(time("scale-idf edit + checkpoint write", repeat, () -> {
            try (CrossEncoder copy = model.copy(ai.djl.ndarray.types.DataType.FLOAT32)) {
                TokenIdfDial.Result r = TokenIdfDial.apply(copy, orientation, List.of("aspirin", "cholesterol", "hypertension"), RuleFactory.increase(5), k);
                Path out = scratch.resolve("edit-" + (n[0]++));
                EditCheckpoints.save(copy, modelDir, out, false, TokenIdfDial.KIND, r.operation(), null);
                delete(out);
            }
        }, "copy of the model, SVD, 3 words, rank-1 row update, atomic safetensors write"));
        return rows;
    }

    private static Row withDetail(Row r, String extra) {
        return new Row(r.what(), r.medianSeconds(), r.seconds(), r.detail() + "; " + extra);
    }

    private static Row time(String what, int repeat, Runnable op, String detail) {
        double[] s = new double[repeat];
        for (int i = 0; i < repeat; i++) {
            long t0 = System.nanoTime();
            op.run();
            s[i] = (System.nanoTime() - t0) / 1e9;
        }
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double median = repeat % 2 == 1 ? sorted[repeat / 2] : (sorted[repeat / 2 - 1] + sorted[repeat / 2]) / 2;
        return new Row(what, median, s, detail);
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
