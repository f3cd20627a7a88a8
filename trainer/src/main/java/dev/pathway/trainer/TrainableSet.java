package dev.pathway.trainer;

import ai.djl.nn.Parameter;
import dev.pathway.core.model.CrossEncoderBlock;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which parameters train, by HuggingFace name: a named set ({@code full}, {@code embeddings} as
 * the paper: word + position + token-type embeddings and their LayerNorm, {@code word-embeddings},
 * {@code head}: pooler + classifier) or a list of glob patterns ({@code *} matches anything).
 */
public final class TrainableSet {
    public static final List<String> NAMED = List.of("full", "embeddings", "word-embeddings", "head");

    private final String description;
    private final List<Pattern> patterns;

    private TrainableSet(String description, List<Pattern> patterns) {
        this.description = description;
        this.patterns = patterns;
    }

    /** A named set or, for anything else, each entry as a glob pattern. */
    public static TrainableSet of(List<String> spec) {
        if (spec.isEmpty()) {
            throw new UserInputException("the trainable set is empty: name one of " + NAMED + " or patterns");
        }
        List<Pattern> ps = new ArrayList<>();
        for (String s : spec) {
            switch (s) {
                case "full" -> ps.add(glob("*"));
                case "embeddings" -> ps.add(glob("bert.embeddings.*"));
                case "word-embeddings" -> ps.add(glob(CrossEncoderBlock.WORD_EMBEDDINGS));
                case "head" -> {
                    ps.add(glob("bert.pooler.*"));
                    ps.add(glob("classifier.*"));
                }
                default -> ps.add(glob(s));
            }
        }
        return new TrainableSet(String.join("+", spec), ps);
    }

    private static Pattern glob(String g) {
        return Pattern.compile(Pattern.quote(g).replace("*", "\\E.*\\Q"));
    }

    public boolean trains(String hfName) {
        return patterns.stream().anyMatch(p -> p.matcher(hfName).matches());
    }

    /** Freezes every parameter outside the set, unfreezes those inside; returns the trainable ones. */
    public Map<String, Parameter> apply(Map<String, Parameter> params) {
        Map<String, Parameter> trainable = new LinkedHashMap<>();
        params.forEach((name, p) -> {
            boolean t = trains(name);
            p.freeze(!t);
            if (t) {
                trainable.put(name, p);
            }
        });
        if (trainable.isEmpty()) {
            throw new UserInputException("the trainable set '" + description + "' matches no parameter of the model");
        }
        return trainable;
    }

    /** Whether the set trains the classifier (needed when the classifier is freshly initialised). */
    public boolean trainsClassifier() {
        return trains("classifier.weight");
    }

    @Override
    public String toString() {
        return description;
    }
}
