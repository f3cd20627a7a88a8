package dev.pathway.circuits;

import ai.djl.Device;
import dev.pathway.circuits.align.AlignedPair;
import dev.pathway.circuits.align.LengthEqualizer;
import dev.pathway.circuits.data.BaseData;
import dev.pathway.circuits.data.PaperDiagnosticFiles;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.onnx.EmbeddedModel;
import dev.pathway.core.util.ProjectPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real MiniLM-L6 (imported once per machine) and the paper's real diagnostic files. */
public final class Fixtures {
    private static CrossEncoder model;
    private static BaseData paper;

    private Fixtures() {}

    public static synchronized Path modelDir() {
        return EmbeddedModel.ensureImported(ProjectPaths.cache().resolve("test-models").resolve(EmbeddedModel.NAME));
    }

    /** One loaded model per test JVM; tests must not modify it. */
    public static synchronized CrossEncoder model() {
        if (model == null) {
            model = Checkpoints.load(modelDir(), Device.cpu());
        }
        return model;
    }

    public static Path paperDir() {
        Path mirror = dev.pathway.eval.data.DataMirror.locate();
        if (mirror == null) {
            throw new IllegalStateException("no data mirror: set PATHWAY_DATA_MIRROR");
        }
        Path d = mirror.resolve("diagnostic");
        if (!Files.isRegularFile(d.resolve(PaperDiagnosticFiles.QUERIES))) {
            throw new IllegalStateException("missing test data: " + d.resolve(PaperDiagnosticFiles.QUERIES));
        }
        return d;
    }

    public static synchronized BaseData paper() {
        if (paper == null) {
            paper = PaperDiagnosticFiles.load(paperDir());
        }
        return paper;
    }

    /**
     * TFC1 pairs from the paper's files: query i's first document with its term appended, for the
     * first {@code n} queries, documents cut to 40 words so the tests stay fast.
     */
    public static List<AlignedPair> tfc1Pairs(int n) {
        LengthEqualizer eq = new LengthEqualizer(model().tokenizer(), 512, "a");
        List<AlignedPair> out = new ArrayList<>();
        BaseData b = paper();
        for (int i = 0; i < n; i++) {
            BaseData.Query q = b.queries().get(i);
            String term = b.terms().get(q.qid());
            String doc = dev.pathway.circuits.data.Words.firstWords(q.docs().get(0).text(), 40);
            out.add(eq.align("tfc1/" + q.qid(), q.text(), doc, doc + " " + term, "append", term));
        }
        return out;
    }
}
