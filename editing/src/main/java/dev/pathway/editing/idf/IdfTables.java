package dev.pathway.editing.idf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pathway.core.tokenize.TokenizerVocab;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Reads external IDF statistics keyed by vocabulary strings and maps them onto a tokenizer's ids.
 * A table whose keys are not pieces of the tokenizer's vocabulary was made for another tokenizer:
 * that is an error, never a silent partial match.
 */
public final class IdfTables {
    private static final int EXAMPLES = 5;

    private IdfTables() {}

    /**
     * Reads a JSON object {@code {piece: idf}} (e.g. {@code msmarco-idf/idf.json}).
     *
     * @param placeholder a value that the file uses for "no statistic" (the MS MARCO table writes
     *     1.0 for specials, unused slots and tokens it never counted); entries equal to it become
     *     unknown. Empty: every value is taken as real.
     */
    public static IdfTable readJson(Path file, TokenizerVocab vocab, OptionalDouble placeholder) {
        JsonNode root = Json.read(file);
        if (!root.isObject()) {
            throw new UserInputException(file + ": an IDF table must be a JSON object {token: idf}");
        }
        if (root.isEmpty()) {
            throw new UserInputException(file + ": the IDF table is empty");
        }
        double[] values = new double[vocab.size()];
        Arrays.fill(values, Double.NaN);
        List<String> foreign = new ArrayList<>();
        int foreignCount = 0;
        int placeholders = 0;
        Iterator<Map.Entry<String, JsonNode>> it = root.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
                throw new UserInputException(file + ": the value of '" + e.getKey() + "' is not a finite number: " + v);
            }
            int id = vocab.id(e.getKey());
            if (id < 0) {
                foreignCount++;
                if (foreign.size() < EXAMPLES) {
                    foreign.add(e.getKey());
                }
                continue;
            }
            double x = v.asDouble();
            if (placeholder.isPresent() && x == placeholder.getAsDouble()) {
                placeholders++;
                continue;
            }
            values[id] = x;
        }
        if (foreignCount > 0) {
            throw mismatch(file, foreignCount, root.size(), foreign);
        }
        String desc = "table " + file.getFileName()
                + (placeholder.isPresent() ? ", " + placeholders + " entries equal to " + placeholder.getAsDouble() + " taken as unknown" : "");
        return new IdfTable(values, file.toString(), desc);
    }

    /**
     * Reads document frequencies from a TSV with header {@code token<TAB>document_frequency} (e.g.
     * {@code msmarco-idf/df.tsv}); tokens absent from the file have no df and stay unknown.
     */
    public static DocumentFrequencies readDfTsv(Path file, TokenizerVocab vocab, long documents) {
        if (documents < 1) {
            throw new UserInputException(file + ": the number of documents N must be at least 1, got " + documents);
        }
        long[] df = new long[vocab.size()];
        List<String> foreign = new ArrayList<>();
        int foreignCount = 0;
        int rows = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String header = r.readLine();
            if (header == null) {
                throw new UserInputException(file + ": empty file (expected header 'token<TAB>document_frequency')");
            }
            if (!header.equals("token\tdocument_frequency")) {
                throw new UserInputException(file + ":1: expected header 'token<TAB>document_frequency', found '" + header + "'");
            }
            String line;
            int n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                int tab = line.indexOf('\t');
                if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                    throw new UserInputException(file + ":" + n + ": expected 2 tab-separated fields (token, document_frequency)");
                }
                String token = line.substring(0, tab);
                long d;
                try {
                    d = Long.parseLong(line.substring(tab + 1));
                } catch (NumberFormatException e) {
                    throw new UserInputException(file + ":" + n + ": document frequency '" + line.substring(tab + 1) + "' is not an integer");
                }
                if (d < 1 || d > documents) {
                    throw new UserInputException(file + ":" + n + ": document frequency " + d + " of '" + token + "' is outside 1.." + documents);
                }
                int id = vocab.id(token);
                if (id < 0) {
                    foreignCount++;
                    if (foreign.size() < EXAMPLES) {
                        foreign.add(token);
                    }
                    continue;
                }
                if (df[id] != 0) {
                    throw new UserInputException(file + ":" + n + ": token '" + token + "' appears twice");
                }
                df[id] = d;
                rows++;
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (foreignCount > 0) {
            throw mismatch(file, foreignCount, rows + foreignCount, foreign);
        }
        if (rows == 0) {
            throw new UserInputException(file + ": no document frequencies after the header");
        }
        return new DocumentFrequencies(df, documents, file.toString());
    }

    private static UserInputException mismatch(Path file, int foreign, int total, List<String> examples) {
        return new UserInputException(file + ": the IDF table does not match the model's tokenizer: " + foreign + " of "
                + total + " tokens are not in its vocabulary (e.g. " + examples + ")");
    }
}
