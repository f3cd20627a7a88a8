package dev.pathway.editing.adversarial;

/**
 * The effect of down-weighting the unsafe pieces at one scale.
 *
 * @param scale S of the decrease rule (U0 := +S|U0|)
 * @param samples adversarial samples
 * @param successes samples where the edited model scores the unsafe document below the clean one
 * @param successRate successes / samples
 * @param ndcg10 nDCG@10 of the edited model on the clean evaluation queries
 * @param retention ndcg10 / the unedited model's nDCG@10
 * @param rescoredPairs evaluation pairs that contain an edited piece (scored again)
 */
public record SweepRow(double scale, int samples, int successes, double successRate, double ndcg10, double retention, int rescoredPairs) {}
