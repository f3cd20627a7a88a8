package dev.pathway.eval.data;

/** Where a resolved data set's files were found. */
public enum DataSource {
    /** {@code data/cache/datasets/<name>}: fetched earlier and verified then. */
    CACHE,
    /** The mirror folder ({@code PATHWAY_DATA_MIRROR}), checked against the manifest's SHA-256. */
    MIRROR,
    /** Downloaded just now from the official URL into the cache. */
    DOWNLOAD,
    /** A folder given directly by path (no manifest, nothing verified). */
    DIRECTORY
}
