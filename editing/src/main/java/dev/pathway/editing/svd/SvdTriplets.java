package dev.pathway.editing.svd;

import java.util.Arrays;

/**
 * The top-k singular triplets of a matrix A [rows x cols]: A ≈ Σ_i sigma_i u_i v_i^T, with
 * sigma descending, u_i of length rows (unit norm), v_i of length cols (unit norm).
 *
 * <p>Layout: {@code u[i]} is the i-th left singular vector (one value per row of A, i.e. per
 * vocabulary id for an embedding matrix; {@code u[0]} is "U0"), {@code v[i]} the i-th right
 * singular vector. Immutable: orientation changes return a new object.
 */
public final class SvdTriplets {
    private final double[] sigma;
    private final double[][] u;
    private final double[][] v;
    private final boolean firstFlipped;

    public SvdTriplets(double[] sigma, double[][] u, double[][] v) {
        this(sigma, u, v, false);
    }

    private SvdTriplets(double[] sigma, double[][] u, double[][] v, boolean firstFlipped) {
        if (sigma.length != u.length || sigma.length != v.length) {
            throw new IllegalArgumentException("sigma, u and v differ in number of components");
        }
        this.sigma = sigma;
        this.u = u;
        this.v = v;
        this.firstFlipped = firstFlipped;
    }

    /** Number of components k. */
    public int k() {
        return sigma.length;
    }

    public int rows() {
        return u[0].length;
    }

    public int cols() {
        return v[0].length;
    }

    public double sigma(int i) {
        return sigma[i];
    }

    public double[] sigmas() {
        return sigma.clone();
    }

    /** The i-th left singular vector (a copy). */
    public double[] u(int i) {
        return u[i].clone();
    }

    /** U[row, i] without copying. */
    public double u(int i, int row) {
        return u[i][row];
    }

    /** The i-th right singular vector (a copy). */
    public double[] v(int i) {
        return v[i].clone();
    }

    /** Whether (u0, v0) was flipped by {@link #withFirstFlipped()} relative to the computed sign. */
    public boolean firstFlipped() {
        return firstFlipped;
    }

    /** The same decomposition with (u0, v0) negated together, so A's reconstruction is unchanged. */
    public SvdTriplets withFirstFlipped() {
        double[][] u2 = u.clone();
        double[][] v2 = v.clone();
        u2[0] = Arrays.stream(u[0]).map(x -> -x).toArray();
        v2[0] = Arrays.stream(v[0]).map(x -> -x).toArray();
        return new SvdTriplets(sigma, u2, v2, !firstFlipped);
    }
}
