package dev.pathway.eval.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.core.util.ProjectPaths;
import dev.pathway.core.util.UserInputException;
import dev.pathway.eval.TestData;
import dev.pathway.eval.fetch.ZipFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution of the real shared data sets through their manifests and the mirror. */
class DataSetsTest {
    @TempDir
    Path cache;

    @Test
    void nfcorpusFromMirrorHasTheDocumentedCounts() {
        DataSet nf = TestData.dataSet("nfcorpus", cache);
        assertEquals(DataSource.MIRROR, nf.source());
        assertTrue(nf.comparableWithPublished());
        long[] n = {0};
        String[] first = {null};
        String[] last = {null};
        nf.forEachDocument(d -> {
            if (n[0]++ == 0) {
                first[0] = d.id() + "|" + d.title();
            }
            last[0] = d.id();
        });
        assertEquals(3633, n[0]);
        assertEquals("MED-10|Statin Use and Breast Cancer Survival: A Nationwide Cohort Study from Finland", first[0]);
        assertEquals("MED-961", last[0]);
        assertEquals(3237, nf.queries().size());
        Qrels test = nf.qrels("test");
        assertEquals(12334, test.size());
        assertEquals(323, test.queryIds().size());
        assertEquals(Map.of(1, 11758L, 2, 576L), test.gradeCounts());
        assertEquals(110575, nf.qrels("train").size());
        assertEquals(323, nf.queries("test").size());
        assertEquals("b2ccd97bffd93a5cbf76eaddb78ab7c9358401f48b1b03d8e131bfc5cac0009e", nf.corpusSha256());
    }

    @Test
    void preprocessedVariantIsLabelledAndSmaller() {
        DataSet pre = TestData.dataSet("nfcorpus-preprocessed", cache);
        assertFalse(pre.comparableWithPublished());
        assertTrue(pre.label().contains("preprocessed"), pre.label());
        assertTrue(pre.label().contains("NOT comparable"), pre.label());
        long n = pre.forEachDocument(d -> assertEquals("", d.title()));
        assertEquals(3395, n);
        assertEquals(12334, pre.qrels("test").size());
    }

    @Test
    void cranfieldAndCisi() {
        DataSet cran = TestData.dataSet("cranfield", cache);
        assertEquals(1400, cran.forEachDocument(d -> {}));
        assertEquals(225, cran.queries().size());
        assertEquals(320, cran.qrels("test").size());
        assertEquals(45, cran.qrels("test").queryIds().size());
        assertEquals(Map.of(1, 363L, 2, 734L, 3, 387L, 4, 128L), cran.qrels("all").gradeCounts());
        DataSet cisi = TestData.dataSet("cisi", cache);
        assertEquals(1460, cisi.forEachDocument(d -> {}));
        assertEquals(112, cisi.queries().size());
        assertEquals(14, cisi.qrels("test").queryIds().size());
        assertEquals(List.of("train", "dev", "test", "all"), cisi.splits());
    }

    @Test
    void documentsKeepsOnlyWhatIsAskedAndNamesAMissingId() {
        DataSet nf = TestData.dataSet("nfcorpus", cache);
        Map<String, Document> docs = nf.documents(List.of("MED-10", "MED-961"));
        assertEquals(2, docs.size());
        assertTrue(docs.get("MED-10").fullText().startsWith("Statin Use and Breast Cancer Survival: A Nationwide Cohort Study from Finland "));
        UserInputException e = assertThrows(UserInputException.class, () -> nf.documents(List.of("MED-10", "NOPE-1")));
        assertTrue(e.getMessage().contains("'NOPE-1'"), e.getMessage());
    }

    @Test
    void missingSplitNamesTheFileAndTheSplits() {
        DataSet nf = TestData.dataSet("nfcorpus", cache);
        UserInputException e = assertThrows(UserInputException.class, () -> nf.qrels("validation"));
        assertTrue(e.getMessage().contains("no split 'validation'"), e.getMessage());
        assertTrue(e.getMessage().contains("validation.tsv"), e.getMessage());
        assertTrue(e.getMessage().contains("train, dev, test"), e.getMessage());
    }

    @Test
    void mirrorChecksumMismatchIsRefused(@TempDir Path mirror) throws IOException {
        Path src = TestData.mirror().resolve("cisi");
        Path dst = mirror.resolve("cisi");
        Files.createDirectories(dst.resolve("qrels"));
        for (String f : List.of("corpus.jsonl", "queries.jsonl", "qrels/all.tsv", "qrels/train.tsv", "qrels/dev.tsv", "qrels/test.tsv")) {
            Files.copy(src.resolve(f), dst.resolve(f));
        }
        Files.writeString(dst.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\n1\t2\t1\n");
        DataSets sets = new DataSets(ProjectPaths.root().resolve("data"), cache, mirror, false, new ZipFetcher());
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("cisi"));
        assertTrue(e.getMessage().startsWith("checksum mismatch: "), e.getMessage());
        assertTrue(e.getMessage().contains("test.tsv"), e.getMessage());
    }

    @Test
    void unknownNamesAndMissingDataFailWithOneLine(@TempDir Path emptyMirror) {
        DataSets sets = new DataSets(ProjectPaths.root().resolve("data"), cache, emptyMirror, false, new ZipFetcher());
        UserInputException e = assertThrows(UserInputException.class, () -> sets.get("nfcorpus-preprocessed"));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        UserInputException bad = assertThrows(UserInputException.class, () -> sets.get("No Such/Set"));
        assertTrue(bad.getMessage().startsWith("unknown data set"), bad.getMessage());
    }

    @Test
    void aFolderInBeirLayoutOpensByPath(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("corpus.jsonl"), "{\"_id\":\"d1\",\"title\":\"T\",\"text\":\"x\"}\n{\"_id\":2,\"text\":\"y\"}\n");
        Files.writeString(dir.resolve("queries.jsonl"), "{\"_id\":\"q1\",\"text\":\"what\"}\n");
        Files.createDirectories(dir.resolve("qrels"));
        Files.writeString(dir.resolve("qrels/test.tsv"), "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        DataSet d = TestData.dataSets(cache).get(dir.toString());
        assertEquals(DataSource.DIRECTORY, d.source());
        assertEquals(List.of("test"), d.splits());
        assertEquals(2, d.forEachDocument(x -> {}));
        assertEquals("x", d.documents(List.of("d1")).get("d1").text());
        assertEquals("y", d.documents(List.of("2")).get("2").fullText());
    }
}
