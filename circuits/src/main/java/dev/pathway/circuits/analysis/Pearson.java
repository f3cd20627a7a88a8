package dev.pathway.circuits.analysis;

/** A running Pearson correlation (sums in double). */
final class Pearson {
    private long n;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;

    void add(double x, double y) {
        n++;
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
    }

    long n() {
        return n;
    }

    /** r, or NaN with fewer than 3 points or a constant variable. */
    double r() {
        if (n < 3) {
            return Double.NaN;
        }
        double vx = sxx - sx * sx / n;
        double vy = syy - sy * sy / n;
        if (vx <= 1e-18 * Math.max(1, sxx) || vy <= 1e-18 * Math.max(1, syy)) {
            return Double.NaN;
        }
        return (sxy - sx * sy / n) / Math.sqrt(vx * vy);
    }
}
