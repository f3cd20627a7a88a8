package dev.pathway.circuits.linear;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The aggregate of Table 2: a per-group statistic summarised over query-length groups as its
 * median and mean ± sample standard deviation (groups where it is undefined are left out and
 * counted).
 *
 * @param median median over groups
 * @param mean mean over groups
 * @param sd sample standard deviation over groups (NaN with one group)
 * @param groups how many groups had a value
 */
public record Table2(double median, double mean, double sd, int groups) {

    public static Table2 over(List<SemanticBm.Group> gs, Function<SemanticBm.Group, Double> value) {
        List<Double> v = new ArrayList<>();
        for (SemanticBm.Group g : gs) {
            Double x = value.apply(g);
            if (x != null && !Double.isNaN(x)) {
                v.add(x);
            }
        }
        if (v.isEmpty()) {
            return new Table2(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double[] a = v.stream().mapToDouble(Double::doubleValue).toArray();
        double mean = 0;
        for (double x : a) {
            mean += x;
        }
        mean /= a.length;
        double ss = 0;
        for (double x : a) {
            ss += (x - mean) * (x - mean);
        }
        double sd = a.length > 1 ? Math.sqrt(ss / (a.length - 1)) : Double.NaN;
        return new Table2(new Median().evaluate(a), mean, sd, a.length);
    }
}
