package dev.pathway.circuits.linear;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pathway.eval.data.Qrels;
import java.util.List;

/**
 * The pairs of one data set and, where the set has judgments, its qrels (for nDCG@10).
 *
 * @param name the name as given on the command line
 * @param variant what exactly was used (data set variant, split, candidate source), for reports
 * @param qrels judgments of the split, or null (the diagnostic set has none)
 * @param pairs the pairs, query by query in candidate order
 * @param info provenance: resolved folder, checksums, split, counts
 */
public record CandidateSet(String name, String variant, Qrels qrels, List<LinearPair> pairs, ObjectNode info) {
    public CandidateSet {
        pairs = List.copyOf(pairs);
    }
}
