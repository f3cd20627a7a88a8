package dev.pathway.eval;

import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import dev.pathway.eval.data.DataMirror;
import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.DataSets;
import dev.pathway.eval.fetch.ZipFetcher;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shared real data (through the mirror) and the imported test model. */
public final class TestData {
    private TestData() {}

    /** The mirror folder; fails with the path tried when it is not there. */
    public static Path mirror() {
        Path m = DataMirror.locate();
        if (m == null || !Files.isRegularFile(m.resolve("SHA256SUMS"))) {
            throw new AssertionError("shared data mirror not found (need SHA256SUMS in " + m + "; set PATHWAY_DATA_MIRROR)");
        }
        return m;
    }

    /** Data sets from the repository's manifests and the mirror; never downloads. */
    public static DataSets dataSets(Path cache) {
        return new DataSets(ProjectPaths.root().resolve("data"), cache, mirror(), false, new ZipFetcher());
    }

    public static DataSet dataSet(String name, Path cache) {
        return dataSets(cache).get(name);
    }

    /** The embedded MiniLM-L6 imported once per machine under data/cache/test-models. */
    public static synchronized Path minilm() {
        return EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
    }
}
