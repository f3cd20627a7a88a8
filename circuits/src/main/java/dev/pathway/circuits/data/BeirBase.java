package dev.pathway.circuits.data;

import dev.pathway.eval.data.DataSet;
import dev.pathway.eval.data.Document;
import dev.pathway.eval.data.Qrels;
import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A BEIR data set (read through eval's {@link DataSet}) as base data: each judged query of a split
 * with its judged documents of grade at least {@code minGrade}, in qrels order (title + text, as a
 * reranker sees them). Judged ids missing from the corpus are left out.
 */
public final class BeirBase {
    private BeirBase() {}

    public static BaseData load(DataSet data, String split, int minGrade) {
        if (!data.splits().contains(split)) {
            throw new UserInputException("data set " + data.name() + " has no split '" + split + "' (splits: " + data.splits() + ")");
        }
        Map<String, String> queries = data.queries();
        Qrels qrels = data.qrels(split);
        Set<String> wanted = new HashSet<>();
        for (String qid : qrels.queryIds()) {
            qrels.judgments(qid).forEach((doc, grade) -> {
                if (grade >= minGrade) {
                    wanted.add(doc);
                }
            });
        }
        Map<String, Document> docs = new HashMap<>();
        data.forEachDocument(d -> {
            if (wanted.contains(d.id())) {
                docs.putIfAbsent(d.id(), d);
            }
        });
        List<BaseData.Query> out = new ArrayList<>();
        for (String qid : qrels.queryIds()) {
            String text = queries.get(qid);
            if (text == null) {
                continue;
            }
            List<BaseData.Doc> ds = new ArrayList<>();
            qrels.judgments(qid).forEach((doc, grade) -> {
                Document d = docs.get(doc);
                if (grade >= minGrade && d != null) {
                    ds.add(new BaseData.Doc(d.id(), d.fullText()));
                }
            });
            out.add(new BaseData.Query(qid, text, ds));
        }
        if (out.isEmpty()) {
            throw new UserInputException("data set " + data.name() + " split " + split + " has no judged query with text");
        }
        return new BaseData(data.name() + "/" + split, out, Map.of(), Map.of(), Map.of());
    }
}
