package io.github.kerasdjl.optimizers;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.training.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * One and several optimizer steps against gradients and updates worked out by hand, in double precision, with the
 * update rules of Keras 3 (keras/src/optimizers/sgd.py and adam.py).
 */
class OptimizerStepTest {

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /**
     * The beans network of seed 002 (1-2-1, sigmoid everywhere, squared error), one SGD step on a batch of three:
     * Keras' mse is the batch mean, so the step is w -= lr * (mean over the batch of the seed's per-sample
     * derivatives dedw11_1 ... dedb1_2) / 1 (one output).
     */
    @Test
    void oneSgdStepIsLearningRateTimesTheHandDerivedBatchMeanGradient() {
        double w111 = 0.3, b11 = -0.2, w121 = -0.7, b21 = 0.4, w112 = 0.9, w212 = -0.5, b12 = 0.1;
        float[] xs = {0.2f, 1.1f, 1.7f};
        float[] ys = {0f, 1f, 0f};
        double lr = 0.3;
        double[] g = new double[7];
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double y = ys[i];
            double a11 = sigmoid(w111 * x + b11);
            double a21 = sigmoid(w121 * x + b21);
            double a12 = sigmoid(w112 * a11 + w212 * a21 + b12);
            double deda12 = -2 * (y - a12);
            double da12dz12 = a12 * (1 - a12);
            double d = deda12 * da12dz12;
            g[0] += d * w112 * a11 * (1 - a11) * x; // dedw11_1
            g[1] += d * w112 * a11 * (1 - a11); // dedb1_1
            g[2] += d * w212 * a21 * (1 - a21) * x; // dedw12_1 (dz1_2da2_1 = w21_2, the 002 version)
            g[3] += d * w212 * a21 * (1 - a21); // dedb2_1
            g[4] += d * a11; // dedw11_2
            g[5] += d * a21; // dedw21_2
            g[6] += d; // dedb1_2
        }
        for (int k = 0; k < 7; k++) {
            g[k] /= xs.length;
        }
        try (Sequential model = Sequential().add(Dense(2, "sigmoid", 1)).add(Dense(1, "sigmoid")).seed(1)) {
            model.build(1);
            Dense hidden = (Dense) model.layers().get(0);
            Dense out = (Dense) model.layers().get(1);
            hidden.setKernel(new float[][] {{(float) w111, (float) w121}});
            hidden.setBias(new float[] {(float) b11, (float) b21});
            out.setKernel(new float[][] {{(float) w112}, {(float) w212}});
            out.setBias(new float[] {(float) b12});
            model.compile(new SGD(lr), "mse");
            model.fit(xs, ys, new FitOptions().epochs(1).batchSize(3).shuffle(false).verbose(0));
            double tol = 2e-7;
            assertEquals(w111 - lr * g[0], hidden.getKernel()[0][0], tol);
            assertEquals(b11 - lr * g[1], hidden.getBias()[0], tol);
            assertEquals(w121 - lr * g[2], hidden.getKernel()[0][1], tol);
            assertEquals(b21 - lr * g[3], hidden.getBias()[1], tol);
            assertEquals(w112 - lr * g[4], out.getKernel()[0][0], tol);
            assertEquals(w212 - lr * g[5], out.getKernel()[1][0], tol);
            assertEquals(b12 - lr * g[6], out.getBias()[0], tol);
        }
    }

    private static final float[] X = {-1f, 0.5f, 2f, 3f};
    private static final float[] Y = {-2f, 1f, 3.5f, 7f};

    /** Full-batch MSE gradient of y = w x + b: (mean 2 (p - y) x, mean 2 (p - y)). */
    private static double[] gradient(double w, double b) {
        double gw = 0;
        double gb = 0;
        for (int i = 0; i < X.length; i++) {
            double e = w * X[i] + b - Y[i];
            gw += 2 * e * X[i] / X.length;
            gb += 2 * e / X.length;
        }
        return new double[] {gw, gb};
    }

    private static double[] runModel(Optimizer optimizer, int steps) {
        try (Sequential model = Sequential().add(Dense(1, "linear", 1)).seed(1)) {
            model.build(1);
            Dense d = (Dense) model.layers().get(0);
            d.setKernel(new float[][] {{0.5f}});
            d.setBias(new float[] {-0.25f});
            model.compile(optimizer, "mse");
            model.fit(X, Y, new FitOptions().epochs(steps).batchSize(X.length).shuffle(false).verbose(0));
            return new double[] {d.getKernel()[0][0], d.getBias()[0]};
        }
    }

    @Test
    void sgdWithMomentumFollowsKerasRule() {
        double lr = 0.05;
        double m = 0.9;
        double[] w = {0.5, -0.25};
        double[] v = {0, 0};
        for (int t = 0; t < 6; t++) {
            double[] g = gradient(w[0], w[1]);
            for (int k = 0; k < 2; k++) {
                v[k] = m * v[k] - lr * g[k];
                w[k] += v[k];
            }
        }
        double[] got = runModel(new SGD(lr, m, false), 6);
        assertEquals(w[0], got[0], 1e-5);
        assertEquals(w[1], got[1], 1e-5);
    }

    @Test
    void sgdWithNesterovFollowsKerasRule() {
        double lr = 0.05;
        double m = 0.9;
        double[] w = {0.5, -0.25};
        double[] v = {0, 0};
        for (int t = 0; t < 6; t++) {
            double[] g = gradient(w[0], w[1]);
            for (int k = 0; k < 2; k++) {
                v[k] = m * v[k] - lr * g[k];
                w[k] += m * v[k] - lr * g[k];
            }
        }
        double[] got = runModel(new SGD(lr, m, true), 6);
        assertEquals(w[0], got[0], 1e-5);
        assertEquals(w[1], got[1], 1e-5);
    }

    @Test
    void adamFollowsKerasRuleWithKerasDefaults() {
        Adam adam = new Adam(0.1);
        assertEquals("Adam(learning_rate=0.1, beta_1=0.9, beta_2=0.999, epsilon=1.0E-7)", adam.toString());
        double lr = 0.1;
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = {0.5, -0.25};
        double[] m = {0, 0};
        double[] v = {0, 0};
        for (int t = 1; t <= 6; t++) {
            double[] g = gradient(w[0], w[1]);
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int k = 0; k < 2; k++) {
                m[k] += (g[k] - m[k]) * (1 - b1);
                v[k] += (g[k] * g[k] - v[k]) * (1 - b2);
                w[k] -= alpha * m[k] / (Math.sqrt(v[k]) + eps);
            }
        }
        double[] got = runModel(adam, 6);
        assertEquals(w[0], got[0], 1e-5);
        assertEquals(w[1], got[1], 1e-5);
    }

    @Test
    void kerasDefaults() {
        assertEquals(0.01, new SGD().learningRate());
        assertEquals(0.0, new SGD().momentum());
        assertEquals(0.001, new Adam().learningRate());
        assertEquals(0.01, Optimizer.get("sgd").learningRate());
    }
}
