package dev.pathway.editing.edit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.core.tokenize.PairTokenizer;
import dev.pathway.core.util.Json;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The vocabulary ids to edit for a list of words: each word is tokenized with the model's
 * tokenizer and every word piece is a target. [UNK] is never a target (editing it would change
 * every unknown word at once); words with [UNK] pieces are listed and reported.
 *
 * @param words the words as given (blank entries dropped)
 * @param ids distinct target ids, in first-seen order
 * @param piecesByWord each word's pieces
 * @param unkWords words with at least one piece that is [UNK]
 */
public record TokenSelection(List<String> words, int[] ids, Map<String, List<String>> piecesByWord, List<String> unkWords) {
    private static final Logger LOG = LogManager.getLogger(TokenSelection.class);

    public static TokenSelection of(PairTokenizer tokenizer, List<String> rawWords) {
        List<String> words = new ArrayList<>();
        for (String w : rawWords) {
            if (w != null && !w.isBlank()) {
                words.add(w.strip());
            }
        }
        if (words.isEmpty()) {
            throw new UserInputException("the word list is empty: give at least one word to edit");
        }
        Set<Integer> ids = new LinkedHashSet<>();
        Map<String, List<String>> pieces = new LinkedHashMap<>();
        List<String> unk = new ArrayList<>();
        for (String w : words) {
            long[] wordIds = tokenizer.ids(w);
            List<String> p = new ArrayList<>();
            boolean hasUnk = wordIds.length == 0;
            for (long id : wordIds) {
                if (id == tokenizer.unkId()) {
                    hasUnk = true;
                    continue;
                }
                ids.add((int) id);
                p.add(tokenizer.token(id));
            }
            pieces.put(w, p);
            if (hasUnk) {
                unk.add(w);
            }
        }
        if (!unk.isEmpty()) {
            LOG.warn("{} of {} words tokenize to [UNK] (fully or partly); their [UNK] pieces are not edited: {}",
                    unk.size(), words.size(), unk);
        }
        if (ids.isEmpty()) {
            throw new UserInputException("none of the " + words.size() + " words has a vocabulary piece to edit: all tokenize to [UNK]: " + unk);
        }
        return new TokenSelection(List.copyOf(words), ids.stream().mapToInt(Integer::intValue).toArray(), pieces, List.copyOf(unk));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.putPOJO("words", words);
        n.putPOJO("pieces", piecesByWord);
        n.putPOJO("ids", ids);
        n.putPOJO("unk_words", unkWords);
        return n;
    }
}
