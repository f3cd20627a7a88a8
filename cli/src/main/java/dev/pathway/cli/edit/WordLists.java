package dev.pathway.cli.edit;

import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Word files: one entry per line, UTF-8; blank lines ignored. */
final class WordLists {
    private WordLists() {}

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (MalformedInputException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
