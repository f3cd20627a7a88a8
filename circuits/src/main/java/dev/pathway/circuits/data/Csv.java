package dev.pathway.circuits.data;

import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader: quoted fields with commas, doubled quotes and line breaks inside,
 * LF or CRLF line ends. Each record remembers the line it started on, for error messages.
 */
public final class Csv {
    private Csv() {}

    /** A record and the 1-based line it starts on. */
    public record Row(int line, List<String> fields) {
        public String get(int i) {
            return fields.get(i);
        }

        public int size() {
            return fields.size();
        }
    }

    public static List<Row> read(Path file) {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(in.readAllBytes()))
                    .toString();
        } catch (NoSuchFileException e) {
            throw new UserInputException("missing file: " + file);
        } catch (CharacterCodingException e) {
            throw new UserInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new UserInputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    public static List<Row> parse(String text, String source) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        int n = text.length();
        if (n > 0 && text.charAt(0) == '\uFEFF') {
            i = 1;
        }
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.length() > 0) {
                        throw new UserInputException(source + ":" + line + ": stray quote inside an unquoted field");
                    }
                    quoted = true;
                    fieldStarted = true;
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    fieldStarted = true;
                }
                case '\r' -> {
                    // part of CRLF; a lone CR is treated as white space
                }
                case '\n' -> {
                    if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                        fields.add(field.toString());
                        rows.add(new Row(rowLine, List.copyOf(fields)));
                    }
                    fields.clear();
                    field.setLength(0);
                    fieldStarted = false;
                    line++;
                    rowLine = line;
                }
                default -> field.append(c);
            }
        }
        if (quoted) {
            throw new UserInputException(source + ":" + rowLine + ": unterminated quoted field (truncated file?)");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
