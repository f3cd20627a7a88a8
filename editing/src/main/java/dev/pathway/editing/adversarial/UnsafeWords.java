package dev.pathway.editing.adversarial;

import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.data.DataMirror;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A list of unsafe words: one entry per line (UTF-8), blank lines ignored. As in the paper's
 * section 6.3, only single-word entries are used (entries with whitespace are dropped and
 * counted). The default is the LDNOOBW English list in the data mirror ({@code ldnoobw/en},
 * CC BY 4.0: "List of Dirty, Naughty, Obscene, and Otherwise Bad Words", Shutterstock, Inc. and
 * contributors).
 *
 * @param file where the list came from
 * @param words single-word entries, distinct, in file order
 * @param droppedPhrases entries dropped for containing whitespace
 */
public record UnsafeWords(Path file, List<String> words, int droppedPhrases) {

    public static UnsafeWords read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        LinkedHashSet<String> words = new LinkedHashSet<>();
        int phrases = 0;
        for (String l : lines) {
            String w = l.strip();
            if (w.isEmpty()) {
                continue;
            }
            if (w.chars().anyMatch(Character::isWhitespace)) {
                phrases++;
                continue;
            }
            words.add(w);
        }
        if (words.isEmpty()) {
            throw new UserInputException(file + ": the word list is empty" + (phrases > 0 ? " (only multi-word entries, which are not used)" : ""));
        }
        return new UnsafeWords(file, new ArrayList<>(words), phrases);
    }

    /** The LDNOOBW English list of the data mirror. */
    public static Path defaultList() {
        Path mirror = DataMirror.locate();
        if (mirror == null) {
            throw new UserInputException("the default unsafe-word list needs the data mirror: set " + DataMirror.VARIABLE + " or pass --words FILE");
        }
        Path f = mirror.resolve("ldnoobw").resolve("en");
        if (!Files.isRegularFile(f)) {
            throw new UserInputException("unsafe-word list not found: " + f);
        }
        return f;
    }
}
