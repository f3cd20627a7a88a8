package dev.pathway.circuits.discover;

/**
 * The roles of the paper's semantic scoring circuit, assigned by where a head sits in the search
 * and where it attends (see {@link CircuitDiscovery}).
 */
public enum Role {
    /** Direct to the logits, with [CLS] reading query tokens (the paper's 10.1, 10.4, 10.7, 10.10). */
    SCORING("relevance scoring"),
    /** Direct to the logits, but [CLS] does not read query tokens more than document tokens. */
    DIRECT_OTHER("direct (other)"),
    /** Feeds a scoring or contextualization head, attending among query tokens (8.10, 9.11). */
    CONTEXTUALIZATION("query contextualization"),
    /** Upstream, attending between query and document tokens (0.8, 1.7, 2.1, ...). */
    MATCHING("matching");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
