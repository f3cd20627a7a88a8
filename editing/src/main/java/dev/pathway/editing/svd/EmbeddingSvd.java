package dev.pathway.editing.svd;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.pathway.core.model.CrossEncoder;
import dev.pathway.core.model.CrossEncoderBlock;
import dev.pathway.core.tokenize.Tensors;
import dev.pathway.core.util.UserInputException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.exception.MaxCountExceededException;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Top-k SVD of a tall matrix (the word-embedding matrix W_E [vocab x d]) through its Gram matrix.
 *
 * <p>Why this way: DJL has no SVD, and a full SVD of 30522x384 in Java is slow. The d x d Gram
 * matrix G = A^T A has eigenvalues sigma_i^2 and eigenvectors v_i; then u_i = A v_i / sigma_i. The
 * Gram product (the only heavy step, rows*d*d) runs in PyTorch in float64; the eigen-decomposition
 * of the small symmetric G runs in Commons Math. Squaring the condition number costs nothing for
 * the leading, well-separated components that pathway uses.
 *
 * <p>Sign convention of the raw result: each v_i has its largest-magnitude entry positive. Use
 * {@link IdfOrientation} to orient (u0, v0) against IDF.
 */
public final class EmbeddingSvd {
    private static final Logger LOG = LogManager.getLogger(EmbeddingSvd.class);
    public static final String WORD_EMBEDDINGS = CrossEncoderBlock.WORD_EMBEDDINGS;
    public static final int DEFAULT_K = 8;

    private EmbeddingSvd() {}

    /** The top-k triplets of the model's word-embedding matrix. */
    public static SvdTriplets of(CrossEncoder model, int k) {
        NDArray w = model.parameters().get(WORD_EMBEDDINGS).getArray();
        return of(w, k);
    }

    /** The top-k triplets of a 2-D array (any float type; computed in float64). */
    public static SvdTriplets of(NDArray a, int k) {
        Shape s = a.getShape();
        if (s.dimension() != 2) {
            throw new IllegalArgumentException("SVD needs a 2-D matrix, got " + s);
        }
        int rows = (int) s.get(0);
        int cols = (int) s.get(1);
        checkK(k, rows, cols);
        try (NDManager m = a.getManager().newSubManager()) {
            NDArray a64 = a.toType(DataType.FLOAT64, true);
            a64.attach(m);
            NDArray gram = a64.transpose().matMul(a64);
            double[] g = gram.toDoubleArray();
            Eigen top = topEigen(g, cols, k);
            // U_k = A V_k diag(1/sigma): one [rows, d] x [d, k] product in PyTorch.
            double[] vFlat = new double[cols * k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < cols; j++) {
                    vFlat[j * k + i] = top.vectors[i][j];
                }
            }
            NDArray vk = Tensors.owned(m, java.nio.DoubleBuffer.wrap(vFlat), new Shape(cols, k), DataType.FLOAT64);
            double[] av = a64.matMul(vk).toDoubleArray();
            double[][] u = new double[k][rows];
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < k; i++) {
                    u[i][r] = av[r * k + i] / top.sigma[i];
                }
            }
            return new SvdTriplets(top.sigma, u, top.vectors);
        }
    }

    /** The top-k triplets of a Java matrix [rows][cols] (small matrices, tests). */
    public static SvdTriplets of(double[][] a, int k) {
        int rows = a.length;
        int cols = a[0].length;
        checkK(k, rows, cols);
        double[] g = new double[cols * cols];
        for (double[] row : a) {
            for (int i = 0; i < cols; i++) {
                double ri = row[i];
                if (ri == 0) {
                    continue;
                }
                int base = i * cols;
                for (int j = 0; j < cols; j++) {
                    g[base + j] += ri * row[j];
                }
            }
        }
        Eigen top = topEigen(g, cols, k);
        double[][] u = new double[k][rows];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < k; i++) {
                double dot = 0;
                for (int j = 0; j < cols; j++) {
                    dot += a[r][j] * top.vectors[i][j];
                }
                u[i][r] = dot / top.sigma[i];
            }
        }
        return new SvdTriplets(top.sigma, u, top.vectors);
    }

    private static void checkK(int k, int rows, int cols) {
        if (k < 1 || k > Math.min(rows, cols)) {
            throw new UserInputException("number of SVD components must be in 1.." + Math.min(rows, cols) + ", got " + k);
        }
    }

    private record Eigen(double[] sigma, double[][] vectors) {}

    private static Eigen topEigen(double[] g, int d, int k) {
        double[][] gm = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                // Symmetrise: float64 products are symmetric up to summation order.
                gm[i][j] = 0.5 * (g[i * d + j] + g[j * d + i]);
            }
        }
        RealMatrix gram = new Array2DRowRealMatrix(gm, false);
        double[] values;
        RealMatrix vectorsByColumn;
        try {
            EigenDecomposition eig = new EigenDecomposition(gram);
            values = eig.getRealEigenvalues();
            vectorsByColumn = eig.getV();
        } catch (MaxCountExceededException e) {
            // Commons Math's QL iteration can fail on Gram matrices with many (near-)zero
            // eigenvalues (fewer rows than columns). For a symmetric PSD matrix the SVD is the
            // eigen-decomposition, and its Golub-Kahan iteration does not have that failure.
            LOG.debug("eigen-decomposition did not converge ({}); using the SVD of the Gram matrix", e.getMessage());
            SingularValueDecomposition svd = new SingularValueDecomposition(gram);
            values = svd.getSingularValues();
            vectorsByColumn = svd.getV();
        }
        Integer[] order = IntStream.range(0, d).boxed().toArray(Integer[]::new);
        double[] sortKey = values;
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> sortKey[i]).reversed());
        double[] sigma = new double[k];
        double[][] vectors = new double[k][];
        for (int i = 0; i < k; i++) {
            double lambda = values[order[i]];
            if (!(lambda > 0)) {
                throw new UserInputException("the matrix has rank below " + k + " (singular value " + i + " is 0)");
            }
            sigma[i] = Math.sqrt(lambda);
            double[] vec = vectorsByColumn.getColumn(order[i]);
            int arg = 0;
            for (int j = 1; j < d; j++) {
                if (Math.abs(vec[j]) > Math.abs(vec[arg])) {
                    arg = j;
                }
            }
            if (vec[arg] < 0) {
                for (int j = 0; j < d; j++) {
                    vec[j] = -vec[j];
                }
            }
            vectors[i] = vec;
        }
        return new Eigen(sigma, vectors);
    }
}
