package io.github.kerasdjl.losses;

import static io.github.kerasdjl.Engines.matrix;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.backend.Constants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reference numbers are the examples in Keras' API documentation (keras.io/api/losses/...: the docstrings of
 * MeanSquaredError, MeanAbsoluteError, BinaryCrossentropy and CategoricalCrossentropy), checked again by hand.
 */
class LossesTest {

    private static double loss(String name, float[][] yTrue, float[][] yPred) {
        try (NDManager m = NDManager.newBaseManager()) {
            return Loss.get(name).compute(matrix(m, yTrue), matrix(m, yPred)).getFloat();
        }
    }

    @Test
    void mseIsTheMeanOfSquaresNotHalfOfIt() {
        // Keras docs: y_true [[0, 1], [0, 0]], y_pred [[1, 1], [1, 0]] -> 0.5. DJL's l2Loss would give 0.25.
        assertEquals(0.5, loss("mse", new float[][] {{0, 1}, {0, 0}}, new float[][] {{1, 1}, {1, 0}}), 1e-7);
        // By hand: ((1 - 0.5)^2 + (0 - 2)^2 + (3 - 3)^2) / 3 = 4.25 / 3.
        assertEquals(4.25 / 3, loss("mean_squared_error", new float[][] {{1}, {0}, {3}},
                new float[][] {{0.5f}, {2}, {3}}), 1e-6);
    }

    @Test
    void mae() {
        assertEquals(0.5, loss("mae", new float[][] {{0, 1}, {0, 0}}, new float[][] {{1, 1}, {1, 0}}), 1e-7);
    }

    @Test
    void binaryCrossentropyOnProbabilities() {
        // Keras docs: y_true [[0, 1], [0, 0]], y_pred [[0.6, 0.4], [0.4, 0.6]] -> 0.815
        // By hand: (-log 0.4 + (-(log 0.6 + log 0.4) / 2)) / 2 = 0.814931...
        double expected = (-Math.log(0.4) - (Math.log(0.6) + Math.log(0.4)) / 2) / 2;
        double got = loss("binary_crossentropy", new float[][] {{0, 1}, {0, 0}},
                new float[][] {{0.6f, 0.4f}, {0.4f, 0.6f}});
        assertEquals(expected, got, 1e-6);
        assertEquals(0.815, got, 5e-4);
    }

    @Test
    void binaryCrossentropyClipsSoCertainWrongAnswersStayFinite() {
        // p = 0 for y = 1: Keras clips p to 1e-7, so the loss is -log(1e-7) = 16.118..., not infinity.
        double got = loss("binary_crossentropy", new float[][] {{1}}, new float[][] {{0}});
        assertEquals(-Math.log(1e-7), got, 1e-3);
        assertTrue(Double.isFinite(got));
    }

    @Test
    void categoricalCrossentropy() {
        // Keras docs: y_true [[0, 1, 0], [0, 0, 1]], y_pred [[0.05, 0.95, 0], [0.1, 0.8, 0.1]] -> 1.177
        double got = loss("categorical_crossentropy", new float[][] {{0, 1, 0}, {0, 0, 1}},
                new float[][] {{0.05f, 0.95f, 0}, {0.1f, 0.8f, 0.1f}});
        assertEquals((-Math.log(0.95) - Math.log(0.1)) / 2, got, 1e-6);
        assertEquals(1.177, got, 5e-4);
    }

    @Test
    void perSampleValues() {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] v = Loss.get("mse").perSample(matrix(m, new float[][] {{0, 1}, {0, 0}}),
                    matrix(m, new float[][] {{1, 1}, {1, 0}})).toFloatArray();
            assertEquals(0.5, v[0], 1e-7);
            assertEquals(0.5, v[1], 1e-7);
        }
    }

    /**
     * Each loss's output delta, times its scale, is dL/dz of the output layer: the gradient that DJL's autograd
     * computes through the activation and the loss (mse and mae after several activations, binary cross-entropy
     * after sigmoid, categorical cross-entropy after softmax, for targets that are and are not one-hot).
     */
    @ParameterizedTest(name = "{0} after {1}")
    @CsvSource({"mse, sigmoid", "mse, tanh", "mse, linear", "mse, leaky_relu", "mae, relu", "mae, sigmoid",
            "binary_crossentropy, sigmoid", "categorical_crossentropy, softmax"})
    void outputDeltaIsTheGradientAtTheOutputLayersInput(String lossName, String activationName) {
        Loss loss = Loss.get(lossName);
        Activation activation = Activation.get(activationName);
        assertTrue(loss.hasOutputDelta(activation));
        float[][] z = {{0.3f, -1.2f, 2.0f}, {-0.7f, 0.4f, 1.1f}};
        float[][] y = lossName.startsWith("categorical") ? new float[][] {{0, 1, 0}, {0.5f, 0.2f, 0.3f}}
                : new float[][] {{1, 0, 0.5f}, {0, 1, 1}};
        try (NDManager m = NDManager.newBaseManager(); Constants k = new Constants(m)) {
            NDArray zs = matrix(m, z);
            NDArray ys = matrix(m, y);
            zs.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                collector.backward(loss.compute(ys, activation.apply(zs)));
            }
            float[] autograd = zs.getGradient().toFloatArray();
            NDArray p = activation.apply(zs).stopGradient();
            float[] delta = loss.outputDelta(ys, p, activation.derivativeFromOutput(k))
                    .mul((float) loss.outputDeltaScale(2, 3)).toFloatArray();
            for (int i = 0; i < delta.length; i++) {
                assertEquals(autograd[i], delta[i], 1e-6, lossName + " element " + i);
            }
        }
    }

    @Test
    void whichPairsHaveAnOutputDelta() {
        assertFalse(Loss.get("binary_crossentropy").hasOutputDelta(Activation.LINEAR));
        assertFalse(Loss.get("categorical_crossentropy").hasOutputDelta(Activation.SIGMOID));
        assertFalse(Loss.get("mse").hasOutputDelta(Activation.SOFTMAX));
        assertFalse(Loss.get("mse").hasOutputDelta(Activation.ELU));
        assertTrue(Loss.get("mae").hasOutputDelta(Activation.TANH));
        Loss custom = new Loss("custom") {
            @Override
            public NDArray perSample(NDArray yTrue, NDArray yPred) {
                return yPred.sub(yTrue).abs().mean(new int[] {-1});
            }
        };
        assertFalse(custom.hasOutputDelta(Activation.LINEAR));
        assertThrows(UnsupportedOperationException.class, () -> custom.outputDeltaScale(1, 1));
    }
}
