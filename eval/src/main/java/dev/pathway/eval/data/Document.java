package dev.pathway.eval.data;

/**
 * One corpus document in BEIR form.
 *
 * @param id the {@code _id}
 * @param title the title ("" when absent)
 * @param text the body text
 */
public record Document(String id, String title, String text) {

    /** The text a reranker and BM25 see: {@code title + " " + text}, as BEIR's reranker builds it. */
    public String fullText() {
        return title.isEmpty() ? text : title + " " + text;
    }
}
