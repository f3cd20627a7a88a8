package dev.pathway.core.tokenize;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Tokenizes query-document pairs as HuggingFace does for BERT cross-encoders: {@code [CLS] q [SEP]
 * d [SEP]}, token types 0/1, and truncation of the document only ({@code only_second}) to a
 * maximum length. A query that alone leaves no room for the document is cut to leave one document
 * token, with a warning (HuggingFace raises an error there).
 */
public final class PairTokenizer implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(PairTokenizer.class);
    private final AtomicBoolean warnedAboutCutQueries = new AtomicBoolean();

    private final HuggingFaceTokenizer tokenizer;
    private final Path source;
    private final long clsId;
    private final long sepId;
    private final long padId;
    private final long unkId;
    private final TokenizerVocab vocab;

    private PairTokenizer(HuggingFaceTokenizer tokenizer, Path source, Map<String, Long> specials, TokenizerVocab vocab) {
        this.tokenizer = tokenizer;
        this.source = source;
        this.clsId = specials.get("[CLS]");
        this.sepId = specials.get("[SEP]");
        this.padId = specials.get("[PAD]");
        this.unkId = specials.get("[UNK]");
        this.vocab = vocab;
    }

    /** Loads {@code tokenizer.json} (a file, or a directory that holds one). */
    public static PairTokenizer load(Path path) {
        Path file = Files.isDirectory(path) ? path.resolve("tokenizer.json") : path;
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("missing tokenizer file: " + file);
        }
        TokenizerVocab vocab = TokenizerVocab.read(file);
        Map<String, Long> specials = vocab.specialIds(file);
        HuggingFaceTokenizer hf;
        try {
            // Padding and truncation are done here, per pair, not by the tokenizer's own settings.
            hf = HuggingFaceTokenizer.newInstance(
                    file, Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false"));
        } catch (IOException | RuntimeException e) {
            throw new UserInputException("cannot load tokenizer " + file + ": " + e.getMessage(), e);
        }
        return new PairTokenizer(hf, file, specials, vocab);
    }

    public Path source() {
        return source;
    }

    public int vocabSize() {
        return vocab.size();
    }

    public long clsId() {
        return clsId;
    }

    public long sepId() {
        return sepId;
    }

    public long padId() {
        return padId;
    }

    public long unkId() {
        return unkId;
    }

    /** Word-piece ids of a text, without special tokens. */
    public long[] ids(String text) {
        return tokenizer.encode(text, false, false).getIds();
    }

    /** Word pieces of a text, without special tokens (continuations keep their "##"). */
    public String[] tokens(String text) {
        return tokenizer.encode(text, false, false).getTokens();
    }

    /** The full encoding of a text without special tokens (ids, pieces, word ids, char spans). */
    public Encoding encodeText(String text) {
        return tokenizer.encode(text, false, false);
    }

    /** Word-piece ids of many texts at once (parallel in the native tokenizer). */
    public long[][] batchIds(List<String> texts) {
        Encoding[] enc = tokenizer.batchEncode(texts, false, false);
        long[][] out = new long[enc.length][];
        for (int i = 0; i < enc.length; i++) {
            out[i] = enc[i].getIds();
        }
        return out;
    }

    public String decode(long[] ids) {
        return tokenizer.decode(ids, false);
    }

    /** The vocabulary string of one id ("##" kept for continuations). */
    public String token(long id) {
        return vocab.token((int) id);
    }

    /** The vocabulary as read from {@code tokenizer.json}. */
    public TokenizerVocab vocab() {
        return vocab;
    }

    /** Encodes one pair, truncating the document so the whole fits {@code maxLength}. */
    public PairEncoding encodePair(String query, String doc, int maxLength) {
        return assemble(ids(query), ids(doc), maxLength);
    }

    /** Encodes many pairs with the native tokenizer's batch call. */
    public List<PairEncoding> encodePairs(List<String> queries, List<String> docs, int maxLength) {
        if (queries.size() != docs.size()) {
            throw new IllegalArgumentException("queries and documents differ in number");
        }
        long[][] q = batchIds(queries);
        long[][] d = batchIds(docs);
        List<PairEncoding> out = new ArrayList<>(q.length);
        for (int i = 0; i < q.length; i++) {
            out.add(assemble(q[i], d[i], maxLength));
        }
        return out;
    }

    /** Builds {@code [CLS] q [SEP] d [SEP]} from already tokenized parts. */
    public PairEncoding assemble(long[] query, long[] doc, int maxLength) {
        if (maxLength < 4) {
            throw new UserInputException("max length " + maxLength + " is too small: a pair needs at least 4 tokens");
        }
        long[] q = query;
        if (q.length + 4 > maxLength) {
            // Once per tokenizer: a data set of long queries would otherwise log every pair.
            if (warnedAboutCutQueries.compareAndSet(false, true)) {
                LOG.warn("query of {} tokens cut to {} to fit max length {} (further cut queries are logged at debug level)",
                        q.length, maxLength - 4, maxLength);
            } else {
                LOG.debug("query of {} tokens cut to {} to fit max length {}", q.length, maxLength - 4, maxLength);
            }
            q = Arrays.copyOf(q, maxLength - 4);
        }
        int docRoom = maxLength - q.length - 3;
        int docLen = Math.min(doc.length, docRoom);
        int n = q.length + docLen + 3;
        long[] ids = new long[n];
        long[] types = new long[n];
        ids[0] = clsId;
        System.arraycopy(q, 0, ids, 1, q.length);
        int firstSep = q.length + 1;
        ids[firstSep] = sepId;
        System.arraycopy(doc, 0, ids, firstSep + 1, docLen);
        ids[n - 1] = sepId;
        Arrays.fill(types, firstSep + 1, n, 1L);
        return new PairEncoding(ids, types, firstSep, doc.length - docLen);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
