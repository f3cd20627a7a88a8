package dev.pathway.circuits.path;

import dev.pathway.circuits.HeadId;
import dev.pathway.core.util.UserInputException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Path-patching receivers: heads whose query, key and/or value inputs take the values they have
 * when only the sender's direct path carries P's signal.
 *
 * @param heads the receiver heads
 * @param inputs a non-empty subset of {@code q}, {@code k}, {@code v}
 */
public record Receiver(List<HeadId> heads, Set<String> inputs) implements java.io.Serializable {
    public Receiver {
        heads = List.copyOf(heads);
        inputs = Set.copyOf(inputs);
        if (heads.isEmpty()) {
            throw new UserInputException("no receiver heads");
        }
        if (inputs.isEmpty()) {
            throw new UserInputException("no receiver inputs (q, k, v)");
        }
        for (String i : inputs) {
            if (!i.equals("q") && !i.equals("k") && !i.equals("v")) {
                throw new UserInputException("unknown receiver input '" + i + "' (q, k or v)");
            }
        }
    }

    /** Parses {@code q}, {@code kv}, {@code q,k,v} and the like. */
    public static Set<String> parseInputs(String s) {
        Set<String> out = new LinkedHashSet<>();
        for (char c : s.toLowerCase(Locale.ROOT).replace(",", "").toCharArray()) {
            out.add(String.valueOf(c));
        }
        return out;
    }

    public int minLayer() {
        return heads.stream().mapToInt(HeadId::layer).min().orElseThrow();
    }

    public int maxLayer() {
        return heads.stream().mapToInt(HeadId::layer).max().orElseThrow();
    }

    /** The receiver heads of one layer. */
    public int[] headsIn(int layer) {
        return heads.stream().filter(h -> h.layer() == layer).mapToInt(HeadId::head).toArray();
    }

    /** Whether a sender can reach any receiver (it must sit below the receiver's layer). */
    public boolean reachable(Sender s) {
        return s.entryLayer() <= maxLayer();
    }

    @Override
    public String toString() {
        return heads + " " + String.join("", inputs.stream().sorted().toList());
    }
}
