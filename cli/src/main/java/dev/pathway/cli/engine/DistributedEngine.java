package dev.pathway.cli.engine;

import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.patch.PairEffect;
import dev.pathway.circuits.patch.PairSweep;
import dev.pathway.core.tokenize.PairEncoding;
import dev.pathway.trainer.run.RunExecutor;
import java.nio.file.Path;
import java.util.List;

/**
 * A distributed engine (Apache Spark, in the optional {@code spark} module) that runs pathway's
 * heavy workloads across executors with the same arithmetic as local mode.
 */
public interface DistributedEngine extends AutoCloseable {
    /** The first logit of each pair (input order), scored on executors with the local batching. */
    float[] score(Path checkpoint, List<PairEncoding> pairs, int batchSize);

    /**
     * As {@link #score}, for pairs given as text: executors tokenize them with the checkpoint's
     * tokenizer (documents truncated to {@code maxLength}, as {@code PairTokenizer.encodePairs}
     * does), so the driver holds texts and scores only. The batches are the same as local mode's.
     */
    float[] scoreTexts(Path checkpoint, List<String> queries, List<String> documents, int maxLength, int batchSize);

    /**
     * The per-pair step of a patching sweep over {@code pairs}, split across executors; effects in
     * pair order, for the driver to aggregate (so results equal local mode's).
     */
    List<PairEffect> sweep(Path checkpoint, List<AlignedPair> pairs, PairSweep sweep);

    /** Runs each (condition, seed) of a recipe as one task. */
    RunExecutor runExecutor();

    /** A one-line description (master, executors) for logs and reports. */
    String describe();

    @Override
    void close();
}
