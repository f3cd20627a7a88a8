package dev.pathway.eval.data;

import static org.junit.jupiter.api.Assertions.*;

import dev.pathway.core.util.UserInputException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The BEIR and TREC readers and writers, including malformed and hostile input. */
class ReadersTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static List<Document> readAll(Path p) {
        List<Document> out = new ArrayList<>();
        try (CorpusReader r = CorpusReader.open(p)) {
            r.forEach(out::add);
        }
        return out;
    }

    @Test
    void corpusStreamsPlainAndGzipIdentically() throws IOException {
        String text = "{\"_id\":\"a\",\"title\":\"T\",\"text\":\"x y\"}\n\n{\"_id\":\"b\",\"text\":\"z\",\"metadata\":{}}\r\n";
        Path plain = write("corpus.jsonl", text);
        Path gz = dir.resolve("corpus.jsonl.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(text.getBytes(StandardCharsets.UTF_8));
        }
        List<Document> a = readAll(plain);
        assertEquals(List.of(new Document("a", "T", "x y"), new Document("b", "", "z")), a);
        assertEquals(a, readAll(gz));
        assertEquals("T x y", a.get(0).fullText());
        assertEquals("z", a.get(1).fullText());
    }

    @Test
    void malformedJsonlNamesFileAndLine() throws IOException {
        Path p = write("corpus.jsonl", "{\"_id\":\"a\",\"text\":\"x\"}\n{\"_id\":\"b\",\"text\":\"y\"\n");
        UserInputException e = assertThrows(UserInputException.class, () -> readAll(p));
        assertTrue(e.getMessage().startsWith(p + ":2: malformed JSON"), e.getMessage());
        Path noText = write("c2.jsonl", "{\"_id\":\"a\"}\n");
        e = assertThrows(UserInputException.class, () -> readAll(noText));
        assertTrue(e.getMessage().startsWith(noText + ":1: missing string field \"text\""), e.getMessage());
        Path noId = write("c3.jsonl", "{\"text\":\"a\"}\n");
        e = assertThrows(UserInputException.class, () -> readAll(noId));
        assertTrue(e.getMessage().contains(":1: missing or empty \"_id\""), e.getMessage());
        Path array = write("c4.jsonl", "[1,2]\n");
        e = assertThrows(UserInputException.class, () -> readAll(array));
        assertTrue(e.getMessage().contains(":1: expected a JSON object"), e.getMessage());
    }

    @Test
    void invalidUtf8AndTruncatedGzipAreUserErrors() throws IOException {
        Path bad = dir.resolve("bad.jsonl");
        Files.write(bad, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        UserInputException e = assertThrows(UserInputException.class, () -> readAll(bad));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        Path gz = dir.resolve("t.jsonl.gz");
        byte[] full;
        try (var bo = new java.io.ByteArrayOutputStream(); OutputStream o = new GZIPOutputStream(bo)) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                sb.append("{\"_id\":\"d").append(i).append("\",\"text\":\"some text number ").append(i * 7919).append("\"}\n");
            }
            o.write(sb.toString().getBytes(StandardCharsets.UTF_8));
            o.close();
            full = bo.toByteArray();
        }
        Files.write(gz, Arrays.copyOf(full, full.length / 2));
        e = assertThrows(UserInputException.class, () -> readAll(gz));
        assertTrue(e.getMessage().contains("truncated") || e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void missingFileNamesTheAbsolutePath() {
        UserInputException e = assertThrows(UserInputException.class, () -> readAll(dir.resolve("nope.jsonl")));
        assertEquals("missing file: " + dir.resolve("nope.jsonl").toAbsolutePath(), e.getMessage());
    }

    @Test
    void queriesRejectDuplicatesAndEmptyFiles() throws IOException {
        Path q = write("q.jsonl", "{\"_id\":\"1\",\"text\":\"a\",\"title\":\"ignored\"}\n{\"_id\":2,\"text\":\"b\"}\n");
        assertEquals(List.of("1", "2"), new ArrayList<>(Queries.read(q).keySet()));
        assertEquals("a", Queries.read(q).get("1"));
        Path dup = write("d.jsonl", "{\"_id\":\"1\",\"text\":\"a\"}\n{\"_id\":\"1\",\"text\":\"b\"}\n");
        assertTrue(assertThrows(UserInputException.class, () -> Queries.read(dup)).getMessage().contains(":2: duplicate query id 1"));
        Path empty = write("e.jsonl", "\n");
        assertTrue(assertThrows(UserInputException.class, () -> Queries.read(empty)).getMessage().endsWith(": no queries"));
    }

    @Test
    void qrelsBeirAndTrecFormats() throws IOException {
        Path beir = write("test.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t2\nq1\td2\t0\nq2\td1\t1\n");
        Qrels a = QrelsFiles.read(beir);
        assertEquals(3, a.size());
        assertEquals(List.of("q1", "q2"), new ArrayList<>(a.queryIds()));
        assertEquals(2, a.judgments("q1").get("d1"));
        assertEquals(1, a.relevantCount("q1"));
        Path trec = write("qrels.txt", "q1 0 d1 2\nq1 0 d2 0\nq2 Q0 d1 1\n");
        Qrels b = QrelsFiles.read(trec);
        assertEquals(a.judgments("q1"), b.judgments("q1"));
        assertEquals(a.judgments("q2"), b.judgments("q2"));
        Path out = dir.resolve("out.tsv");
        QrelsFiles.writeBeir(b, out);
        assertEquals(Files.readString(beir), Files.readString(out));
        Path outTrec = dir.resolve("out.txt");
        QrelsFiles.writeTrec(a, outTrec);
        assertEquals("q1 0 d1 2\nq1 0 d2 0\nq2 0 d1 1\n", Files.readString(outTrec));
    }

    @Test
    void qrelsBadInput() throws IOException {
        Path grade = write("g.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td2\thigh\n");
        UserInputException e = assertThrows(UserInputException.class, () -> QrelsFiles.read(grade));
        assertEquals(grade + ":3: relevance grade 'high' is not an integer", e.getMessage());
        Path frac = write("f.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1.5\n");
        assertTrue(assertThrows(UserInputException.class, () -> QrelsFiles.read(frac)).getMessage().contains(":2: relevance grade '1.5'"));
        Path dup = write("dup.tsv", "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td1\t2\n");
        assertTrue(assertThrows(UserInputException.class, () -> QrelsFiles.read(dup)).getMessage().contains(":3: duplicate judgment"));
        Path fields = write("x.tsv", "query-id\tcorpus-id\tscore\nq1\td1\n");
        assertTrue(assertThrows(UserInputException.class, () -> QrelsFiles.read(fields)).getMessage().contains(":2: expected 3 tab-separated fields"));
        Path header = write("h.tsv", "query-id\tcorpus-id\tscore\n");
        assertTrue(assertThrows(UserInputException.class, () -> QrelsFiles.read(header)).getMessage().endsWith("no judgments after the header"));
    }

    @Test
    void runsSortLikeTrecEvalAndRoundTripExactly() throws IOException {
        Path p = write("r.trec", "q1 Q0 a 1 1.5 tag\nq1 Q0 c 2 2.0 tag\nq1 Q0 b 3 1.5 tag\nq2 Q0 z 1 0.1 tag\n");
        Run r = RunFiles.read(p);
        assertEquals("tag", r.name());
        // score descending, ties by docid descending: c (2.0), b (1.5), a (1.5)
        assertEquals(List.of("c", "b", "a"), r.ranked("q1").stream().map(ScoredDoc::docId).toList());
        assertEquals(List.of("c", "b"), r.top("q1", 2).stream().map(ScoredDoc::docId).toList());
        Run.Builder b = new Run.Builder("x");
        b.add("q", "d1", 0.1 + 0.2);
        b.add("q", "d2", 0.3);
        b.add("q", "d3", 1e-12);
        Run precise = b.build();
        Path out = dir.resolve("out.trec");
        RunFiles.write(precise, out);
        Run back = RunFiles.read(out);
        assertEquals(precise.ranked("q"), back.ranked("q"));
        assertTrue(Files.readString(out).startsWith("q Q0 d1 1 0.30000000000000004 x\n"));
    }

    @Test
    void runBadInput() throws IOException {
        Path dup = write("dup.trec", "q1 Q0 a 1 2 t\nq1 Q0 b 2 1 t\nq1 Q0 a 3 0.5 t\n");
        assertEquals(dup + ":3: duplicate document a for query q1",
                assertThrows(UserInputException.class, () -> RunFiles.read(dup)).getMessage());
        Path fields = write("f.trec", "q1 Q0 a 1 2\n");
        assertTrue(assertThrows(UserInputException.class, () -> RunFiles.read(fields)).getMessage().contains(":1: expected 6 fields"));
        Path score = write("s.trec", "q1 Q0 a 1 high t\n");
        assertTrue(assertThrows(UserInputException.class, () -> RunFiles.read(score)).getMessage().contains(":1: score 'high' is not a number"));
        Path nan = write("n.trec", "q1 Q0 a 1 NaN t\n");
        assertTrue(assertThrows(UserInputException.class, () -> RunFiles.read(nan)).getMessage().contains("not finite"));
        Path empty = write("e.trec", "");
        assertTrue(assertThrows(UserInputException.class, () -> RunFiles.read(empty)).getMessage().endsWith("empty run file"));
        Run r = RunFiles.read(write("ok.trec", "q1 Q0 a 1 2 t\nq9 Q0 a 1 2 t\n"));
        UserInputException e = assertThrows(UserInputException.class,
                () -> RunFiles.requireKnownQueries(r, java.util.Map.of("q1", "text"), "ok.trec", "toy"));
        assertEquals("ok.trec: query 'q9' is not a query of data set toy", e.getMessage());
    }

    @Test
    void trecOrderComparesCodePointsLikeStrcmpOnUtf8() {
        // U+FF21 (fullwidth A) is below U+1F600 in UTF-8 byte order, though above its surrogates in UTF-16.
        assertTrue(ScoredDoc.compareCodePoints("\uFF21", "\uD83D\uDE00") < 0);
        assertTrue(ScoredDoc.compareCodePoints("ab", "abc") < 0);
        assertEquals(0, ScoredDoc.compareCodePoints("MED-1", "MED-1"));
    }
}
