package dev.pathway.circuits.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class OlsModelTest {

    @Test
    void recoversKnownCoefficientsOnSyntheticData() {
        Random rng = new Random(7);
        double[] truth = {2.0, -1.5, 0.25, 4.0};
        double intercept = 3.0;
        int n = 200;
        double[][] x = new double[n][truth.length];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = intercept;
            for (int j = 0; j < truth.length; j++) {
                // Different scales and offsets per column, so the z-scoring has work to do.
                x[i][j] = (j + 1) * 3 * rng.nextGaussian() + 10 * j;
                y[i] += truth[j] * x[i][j];
            }
        }
        OlsModel m = OlsModel.fit(x, y);
        assertFalse(m.minimumNorm());
        assertArrayEquals(truth, m.rawCoefficients(), 1e-9);
        assertEquals(intercept, m.rawIntercept(), 1e-8);
        assertEquals(y[5], m.predict(x[5]), 1e-9);
    }

    @Test
    void withNoiseTheEstimateIsCloseAndConstantColumnsGetZero() {
        Random rng = new Random(11);
        int n = 2000;
        double[][] x = new double[n][3];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = 5.0; // constant: no information, z-scored to 0
            x[i][2] = rng.nextGaussian() * 2;
            y[i] = 1 + 0.7 * x[i][0] - 0.3 * x[i][2] + 0.05 * rng.nextGaussian();
        }
        OlsModel m = OlsModel.fit(x, y);
        assertEquals(0.7, m.rawCoefficients()[0], 0.01);
        assertEquals(0.0, m.rawCoefficients()[1], 0.0);
        assertEquals(-0.3, m.rawCoefficients()[2], 0.01);
        assertEquals(1.0, m.rawIntercept(), 0.01);
        assertTrue(m.scaler().constant()[1]);
    }

    @Test
    void zScoringIsFittedOnTheTrainingRowsOnly() {
        double[][] train = {{1, 10}, {2, 30}, {3, 20}, {4, 50}};
        double[] y = {1, 2, 3, 5};
        OlsModel m = OlsModel.fit(train, y);
        assertArrayEquals(new double[] {2.5, 27.5}, m.scaler().mean(), 1e-12);
        // population sd (ddof 0) of 1,2,3,4 is sqrt(1.25)
        assertEquals(Math.sqrt(1.25), m.scaler().sd()[0], 1e-12);
        // A far-away test row is scaled with the training statistics, not its own.
        assertArrayEquals(new double[] {(100 - 2.5) / Math.sqrt(1.25), 0}, m.scaler().apply(new double[] {100, 27.5}), 1e-12);
    }

    @Test
    void rankDeficientDesignsGetTheMinimumNormSolution() {
        // 3 rows, 5 features: infinitely many exact fits; the minimum-norm one (lstsq) fits exactly.
        double[][] x = {{1, 0, 2, 3, 1}, {0, 1, 1, 0, 2}, {2, 1, 0, 1, 1}};
        double[] y = {1, -2, 4};
        OlsModel m = OlsModel.fit(x, y);
        assertTrue(m.minimumNorm());
        for (int i = 0; i < 3; i++) {
            assertEquals(y[i], m.predict(x[i]), 1e-9);
        }
        // The intercept is not penalised: z-scored columns are centred, so it is the mean of y.
        assertEquals(1.0, m.intercept(), 1e-9);
        // Duplicated columns (collinear) split the weight evenly under minimum norm.
        double[][] dup = {{1, 1}, {2, 2}, {3, 3}, {4, 4}};
        OlsModel d = OlsModel.fit(dup, new double[] {2, 4, 6, 8});
        assertTrue(d.minimumNorm());
        assertEquals(d.coefficients()[0], d.coefficients()[1], 1e-9);
        assertEquals(6.0, d.predict(new double[] {3, 3}), 1e-9);
    }
}
