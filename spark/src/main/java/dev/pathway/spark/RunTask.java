package dev.pathway.spark;

import java.io.Serializable;

/** What an executor needs to run one (condition, seed): everything by path, so it can be shipped. */
record RunTask(String recipeFile, String recipeSha256, String condition, long seed, String base, String checkpoints,
        String runId, String device, int threads) implements Serializable {}
