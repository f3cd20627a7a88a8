package dev.pathway.circuits.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level text helpers. Matching is case-insensitive and word-bounded: "ari" does not match
 * inside "various" (the reference code's substring replacement does; we do not repeat it).
 */
public final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final String EDGE = "[^\\p{L}\\p{N}]+";

    private Words() {}

    /** A word-bounded, case-insensitive pattern for a word (which may contain inner punctuation). */
    public static Pattern pattern(String word) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(word) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    public static boolean containsWord(String text, String word) {
        return !word.isBlank() && pattern(word).matcher(text).find();
    }

    public static int count(String text, String word) {
        Matcher m = pattern(word).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** Start and end offsets of each occurrence of the word, in order. */
    public static List<int[]> occurrences(String text, String word) {
        List<int[]> out = new ArrayList<>();
        Matcher m = pattern(word).matcher(text);
        while (m.find()) {
            out.add(new int[] {m.start(), m.end()});
        }
        return out;
    }

    /**
     * Replaces the occurrences of {@code word} whose 0-based rank is {@code >= keep} by
     * {@code replacement} (capitalised at the start of a sentence); the first {@code keep} stay.
     */
    public static String replaceAfter(String text, String word, int keep, String replacement) {
        List<int[]> occ = occurrences(text, word);
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (int i = 0; i < occ.size(); i++) {
            int[] o = occ.get(i);
            sb.append(text, last, o[0]);
            sb.append(i < keep ? text.substring(o[0], o[1]) : caseLike(replacement, sentenceStart(text, o[0])));
            last = o[1];
        }
        sb.append(text.substring(last));
        return sb.toString();
    }

    private static boolean sentenceStart(String text, int at) {
        for (int i = at - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '"' || c == '\'') {
                continue;
            }
            return c == '.' || c == '!' || c == '?';
        }
        return true;
    }

    private static String caseLike(String word, boolean capital) {
        return capital && !word.isEmpty() ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word;
    }

    /** Lower-cased words (letters and digits) of a text. */
    public static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** Sentences, split after '.', '!' or '?' followed by white space; blank ones dropped. */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(text.trim())) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    /** The term without punctuation at its ends ("mapanything?" becomes "mapanything"). */
    public static String stripEdges(String term) {
        return term.replaceAll("^" + EDGE, "").replaceAll(EDGE + "$", "");
    }

    /** The text without one pair of literal quote characters around it, trimmed. */
    public static String stripQuotes(String text) {
        String t = text.trim();
        if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    /** The first {@code n} white-space separated words of a text, joined by single spaces. */
    public static String firstWords(String text, int n) {
        String[] parts = text.trim().split("\\s+");
        if (n >= parts.length) {
            return String.join(" ", parts);
        }
        return String.join(" ", java.util.Arrays.copyOf(parts, n));
    }

    public static int wordCount(String text) {
        String t = text.trim();
        return t.isEmpty() ? 0 : t.split("\\s+").length;
    }
}
