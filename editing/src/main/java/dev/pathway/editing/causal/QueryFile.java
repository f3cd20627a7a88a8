package dev.pathway.editing.causal;

import dev.pathway.core.util.UserInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Queries from a plain file, one per line: {@code id<TAB>text}, {@code id,text} with a numeric id
 * (the paper's {@code tfc1_add_qids_with_text.csv}), or just the text (ids are line numbers).
 * CR line ends are accepted; blank lines are skipped. BEIR data sets go through eval instead.
 */
public final class QueryFile {
    private static final Pattern NUMERIC_CSV = Pattern.compile("^\\d+,.*");

    private QueryFile() {}

    public static Map<String, String> read(Path file) {
        Map<String, String> out = new LinkedHashMap<>();
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                line = line.replace("\r", "");
                if (line.isBlank()) {
                    continue;
                }
                String id;
                String text;
                int tab = line.indexOf('\t');
                if (tab >= 0) {
                    id = line.substring(0, tab).strip();
                    text = line.substring(tab + 1).strip();
                } else if (NUMERIC_CSV.matcher(line).matches()) {
                    int comma = line.indexOf(',');
                    id = line.substring(0, comma);
                    text = line.substring(comma + 1).strip();
                } else {
                    id = String.valueOf(n);
                    text = line.strip();
                }
                if (id.isEmpty() || text.isEmpty()) {
                    throw new UserInputException(file + ":" + n + ": empty query id or text");
                }
                if (out.putIfAbsent(id, text) != null) {
                    throw new UserInputException(file + ":" + n + ": query id '" + id + "' appears twice");
                }
            }
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (out.isEmpty()) {
            throw new UserInputException(file + ": no queries");
        }
        return out;
    }
}
