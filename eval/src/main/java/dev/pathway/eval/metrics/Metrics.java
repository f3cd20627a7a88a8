package dev.pathway.eval.metrics;

import dev.pathway.core.util.UserInputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses metric names. Accepted: {@code ndcg@k}, {@code mrr@k} (or {@code rr@k}), {@code
 * recall@k}, {@code p@k} (or {@code precision@k}), {@code map@k} (or {@code ap@k}); {@code ndcg},
 * {@code mrr} and {@code map} also without a cutoff. trec_eval spellings work too: {@code
 * ndcg_cut.10}, {@code ndcg_cut_10}, {@code P.10}, {@code P_10}, {@code recall.100}, {@code
 * map_cut.10}, {@code recip_rank}.
 */
public final class Metrics {
    private static final Pattern AT = Pattern.compile("([a-z_]+?)(?:[@._](\\d+))?");

    private Metrics() {}

    /** One metric by name. */
    public static Metric parse(String name) {
        String n = name.trim();
        Matcher m = AT.matcher(n.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw unknown(name);
        }
        String base = m.group(1);
        Integer k = null;
        if (m.group(2) != null) {
            try {
                k = Integer.parseInt(m.group(2));
            } catch (NumberFormatException e) {
                throw new UserInputException("metric '" + name + "': cutoff too large");
            }
            if (k < 1) {
                throw new UserInputException("metric '" + name + "': the cutoff must be at least 1");
            }
        }
        int cut = k == null ? Metric.NO_CUTOFF : k;
        switch (base) {
            case "ndcg", "ndcg_cut":
                return new Ndcg(cut);
            case "mrr", "rr", "recip_rank":
                return new ReciprocalRank(cut);
            case "map", "ap", "map_cut":
                return new AveragePrecision(cut);
            case "recall":
                return new Recall(need(name, k));
            case "p", "precision":
                return new Precision(need(name, k));
            default:
                throw unknown(name);
        }
    }

    /** A comma-separated list; duplicates (by canonical name) are dropped, order kept. */
    public static List<Metric> parseList(String list) {
        if (list == null || list.isBlank()) {
            throw new UserInputException("no metrics given (e.g. --metrics ndcg@1,ndcg@10)");
        }
        Map<String, Metric> out = new LinkedHashMap<>();
        for (String s : list.split(",")) {
            if (!s.isBlank()) {
                Metric m = parse(s);
                out.putIfAbsent(m.name(), m);
            }
        }
        return new ArrayList<>(out.values());
    }

    private static int need(String name, Integer k) {
        if (k == null) {
            throw new UserInputException("metric '" + name + "' needs a cutoff, e.g. " + name + "@10");
        }
        return k;
    }

    private static UserInputException unknown(String name) {
        return new UserInputException("unknown metric '" + name + "' (use ndcg@k, mrr@k, recall@k, p@k, map@k)");
    }
}
