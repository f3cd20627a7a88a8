package dev.pathway.editing.causal;

/**
 * Means over samples at one edit of tok1 (scores normalised so that the unedited doc1 mean is 0).
 *
 * @param mode increase, decrease, or "unedited" for the reference row
 * @param scale S (1 for the reference row)
 * @param samples n
 * @param doc1 mean normalised score of doc1 (repeats tok1)
 * @param doc1Sd its standard deviation over samples
 * @param doc2 mean normalised score of doc2 (repeats tok2)
 * @param doc2Sd its standard deviation
 * @param doc1AboveDoc2 fraction of samples where doc1 scores above doc2
 * @param attention mean attention of the chosen head from [CLS] to tok1 (mean over its pieces), doc1 input
 * @param attentionSd its standard deviation
 */
public record ScaleRow(
        String mode,
        double scale,
        int samples,
        double doc1,
        double doc1Sd,
        double doc2,
        double doc2Sd,
        double doc1AboveDoc2,
        double attention,
        double attentionSd) {}
