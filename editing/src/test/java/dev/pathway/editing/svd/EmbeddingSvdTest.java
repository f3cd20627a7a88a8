package dev.pathway.editing.svd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.pathway.core.checkpoint.Checkpoints;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.util.UserInputException;
import dev.pathway.editing.TestModels;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddingSvdTest {
    static CrossEncoder model;
    static float[] w;
    static int vocab;
    static int d;

    @BeforeAll
    static void load() {
        model = Checkpoints.load(TestModels.minilm(), Device.cpu());
        NDArray e = model.parameters().get(EmbeddingSvd.WORD_EMBEDDINGS).getArray();
        vocab = (int) e.getShape().get(0);
        d = (int) e.getShape().get(1);
        w = e.toFloatArray();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** Rows [from, to) of the real embedding matrix as doubles. */
    static double[][] slice(int from, int to) {
        double[][] a = new double[to - from][d];
        for (int r = from; r < to; r++) {
            for (int j = 0; j < d; j++) {
                a[r - from][j] = w[r * d + j];
            }
        }
        return a;
    }

    @Test
    void gramRouteMatchesExactSvdOfARealSlice() {
        // 700 real word-piece rows (ids 2000..2699): small enough for Commons Math's exact SVD.
        double[][] a = slice(2000, 2700);
        int k = 8;
        SvdTriplets fast;
        try (var m = model.manager().newSubManager()) {
            NDArray slice = model.parameters().get(EmbeddingSvd.WORD_EMBEDDINGS).getArray().get("2000:2700");
            slice.attach(m);
            fast = EmbeddingSvd.of(slice, k);
        }
        SvdTriplets java = EmbeddingSvd.of(a, k);
        SingularValueDecomposition exact = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        double[] s = exact.getSingularValues();
        RealMatrix u = exact.getU();
        RealMatrix v = exact.getV();
        for (int i = 0; i < k; i++) {
            for (SvdTriplets t : new SvdTriplets[] {fast, java}) {
                assertEquals(s[i], t.sigma(i), 1e-9 * s[0], "sigma " + i);
                // Singular vectors are defined up to sign: compare |cosine|.
                assertEquals(1.0, Math.abs(dot(t.u(i), u.getColumn(i))), 1e-8, "u " + i);
                assertEquals(1.0, Math.abs(dot(t.v(i), v.getColumn(i))), 1e-8, "v " + i);
            }
        }
        // Rank-k reconstruction: same error as the exact rank-k part, and = sqrt(sum of the rest sigma^2).
        double errFast = reconstructionError(a, fast);
        double tail = 0;
        for (int i = k; i < s.length; i++) {
            tail += s[i] * s[i];
        }
        assertEquals(Math.sqrt(tail), errFast, 1e-7 * Math.sqrt(tail));
        double errExact = 0;
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < d; j++) {
                double x = 0;
                for (int i = 0; i < k; i++) {
                    x += s[i] * u.getEntry(r, i) * v.getEntry(j, i);
                }
                errExact += (a[r][j] - x) * (a[r][j] - x);
            }
        }
        assertEquals(Math.sqrt(errExact), errFast, 1e-7 * Math.sqrt(tail));
    }

    @Test
    void fullMatrixTripletsAreOrthonormalAndSatisfyAvEqualsSigmaU() {
        SvdTriplets t = EmbeddingSvd.of(model, EmbeddingSvd.DEFAULT_K);
        assertEquals(vocab, t.rows());
        assertEquals(d, t.cols());
        for (int i = 0; i < t.k(); i++) {
            if (i > 0) {
                assertTrue(t.sigma(i) <= t.sigma(i - 1), "descending");
            }
            for (int j = 0; j <= i; j++) {
                assertEquals(i == j ? 1.0 : 0.0, dot(t.u(i), t.u(j)), 1e-9, "u" + i + ".u" + j);
                assertEquals(i == j ? 1.0 : 0.0, dot(t.v(i), t.v(j)), 1e-9, "v" + i + ".v" + j);
            }
        }
        // A^T u_i = sigma_i v_i: the other half of the singular-pair relation, checked in Java.
        for (int i = 0; i < 3; i++) {
            double[] atu = new double[d];
            double[] ui = t.u(i);
            for (int r = 0; r < vocab; r++) {
                for (int j = 0; j < d; j++) {
                    atu[j] += w[r * d + j] * ui[r];
                }
            }
            double[] vi = t.v(i);
            for (int j = 0; j < d; j++) {
                assertEquals(t.sigma(i) * vi[j], atu[j], 1e-7 * t.sigma(i));
            }
        }
    }

    @Test
    void flippingTheFirstPairKeepsTheReconstruction() {
        double[][] a = slice(5000, 5300);
        SvdTriplets t = EmbeddingSvd.of(a, 4);
        SvdTriplets f = t.withFirstFlipped();
        assertTrue(f.firstFlipped());
        assertEquals(-t.u(0, 7), f.u(0, 7));
        assertEquals(t.u(1, 7), f.u(1, 7));
        assertEquals(reconstructionError(a, t), reconstructionError(a, f), 1e-12);
    }

    @Test
    void fewerRowsThanColumnsStillMatchesExactSvd() {
        // 300 rows < 384 columns: the Gram matrix has 84 zero eigenvalues, where Commons Math's
        // eigen iteration can fail; the result must still be the exact top-k.
        double[][] a = slice(5000, 5300);
        SvdTriplets t = EmbeddingSvd.of(a, 4);
        SingularValueDecomposition exact = new SingularValueDecomposition(new Array2DRowRealMatrix(a, false));
        for (int i = 0; i < 4; i++) {
            assertEquals(exact.getSingularValues()[i], t.sigma(i), 1e-9 * t.sigma(0));
            assertEquals(1.0, Math.abs(dot(t.u(i), exact.getU().getColumn(i))), 1e-8);
        }
    }

    @Test
    void rejectsTooManyComponents() {
        assertThrows(UserInputException.class, () -> EmbeddingSvd.of(new double[][] {{1, 2}, {3, 4}}, 3));
        assertThrows(UserInputException.class, () -> EmbeddingSvd.of(new double[][] {{1, 2}, {3, 4}}, 0));
    }

    @Test
    void rankDeficientMatrixIsAnError() {
        // Two identical columns: rank 1, so a second component does not exist.
        assertThrows(UserInputException.class, () -> EmbeddingSvd.of(new double[][] {{1, 1}, {2, 2}, {3, 3}}, 2));
    }

    static double reconstructionError(double[][] a, SvdTriplets t) {
        double err = 0;
        double[][] v = new double[t.k()][];
        for (int i = 0; i < t.k(); i++) {
            v[i] = t.v(i);
        }
        for (int r = 0; r < a.length; r++) {
            for (int j = 0; j < a[0].length; j++) {
                double x = 0;
                for (int i = 0; i < t.k(); i++) {
                    x += t.sigma(i) * t.u(i, r) * v[i][j];
                }
                err += (a[r][j] - x) * (a[r][j] - x);
            }
        }
        return Math.sqrt(err);
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }
}
