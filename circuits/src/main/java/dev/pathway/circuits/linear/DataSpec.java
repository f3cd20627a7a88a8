package dev.pathway.circuits.linear;

import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A data set as {@code --datasets} writes it: {@code NAME} or {@code NAME:SPLIT} ({@code
 * cranfield:all}); {@code diagnostic} is the paper's MS MARCO set.
 *
 * @param name a name eval resolves, a BEIR folder, or {@code diagnostic}
 * @param split the split whose queries are used, or null for the default
 */
public record DataSpec(String name, String split) {
    public static final String DIAGNOSTIC = "diagnostic";

    public boolean isDiagnostic() {
        return name.equals(DIAGNOSTIC);
    }

    /** Parses a comma-separated list; duplicates are an error. */
    public static List<DataSpec> parseList(String text) {
        if (text == null || text.isBlank()) {
            throw new UserInputException("no data sets given (e.g. --datasets cranfield,cisi,nfcorpus,diagnostic)");
        }
        Map<String, DataSpec> out = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            int colon = p.lastIndexOf(':');
            // A Windows drive letter ("C:\...") is not a split.
            String name = colon > 1 ? p.substring(0, colon) : p;
            String split = colon > 1 ? p.substring(colon + 1) : null;
            if (split != null && split.isBlank()) {
                throw new UserInputException("data set '" + p + "': empty split after ':'");
            }
            if (name.equals(DIAGNOSTIC) && split != null) {
                throw new UserInputException("data set '" + p + "': the diagnostic set has no splits");
            }
            if (out.put(name, new DataSpec(name, split)) != null) {
                throw new UserInputException("data set '" + name + "' is given twice");
            }
        }
        if (out.isEmpty()) {
            throw new UserInputException("no data sets given in '" + text + "'");
        }
        return new ArrayList<>(out.values());
    }

    @Override
    public String toString() {
        return split == null ? name : name + ":" + split;
    }
}
