package io.github.kerasdjl.saving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files real Keras 3.15.1 wrote (tools/keras/coverage_fixtures.py) with every activation (relu, tanh, leaky_relu,
 * elu, softplus, silu/swish, gelu, sigmoid, linear, softmax), every initializer class (He, LeCun, Glorot, random
 * normal and uniform, zeros, ones), L1, L2 and L1L2 regularizers, the losses mse, mae and categorical cross-entropy,
 * SGD (plain, Nesterov) and Adam, and their metrics: each loads in Java and gives Keras' predictions and Keras'
 * evaluate loss (regularization penalties included).
 */
class KerasCoverageTest {

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        return Fixtures.copy(dir, name);
    }

    private static float[] floats(String line) {
        String[] t = line.substring(line.indexOf(' ') + 1).split(" ");
        float[] v = new float[t.length];
        for (int i = 0; i < t.length; i++) {
            v[i] = Float.parseFloat(t[i]);
        }
        return v;
    }

    private static float[][] rows(float[] flat, int cols) {
        float[][] r = new float[flat.length / cols][cols];
        for (int i = 0; i < r.length; i++) {
            System.arraycopy(flat, i * cols, r[i], 0, cols);
        }
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"activations", "softmax_cce", "mae_binary"})
    void kerasFilesLoadWithKerassNumbers(String name) throws IOException {
        Map<String, float[]> f = new java.util.HashMap<>();
        for (String line : Files.readAllLines(fixture("coverage_" + name + ".txt"), StandardCharsets.UTF_8)) {
            if (!line.startsWith("#")) {
                f.put(line.substring(0, line.indexOf(' ')), floats(line));
            }
        }
        try (Sequential model = Keras.loadModel(fixture("coverage_" + name + ".keras"))) {
            int outputs = model.outputDim();
            float[][] x = rows(f.get("x"), 3);
            float[][] y = rows(f.get("y"), outputs);
            float[][] p = model.predict(x);
            float[] expected = f.get("predictions");
            double max = 0;
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < outputs; j++) {
                    max = Math.max(max, Math.abs(p[i][j] - expected[i * outputs + j]));
                }
            }
            assertTrue(max <= 1e-6, name + ": max difference from Keras' predictions " + max);
            double loss = model.evaluate(x, y).get("loss");
            double kerasLoss = f.get("loss")[0];
            assertEquals(kerasLoss, loss, 1e-5 * Math.abs(kerasLoss) + 1e-7, name + ": evaluate's loss");
            assertTrue(model.optimizer().iterations() == 4, "two epochs of two steps");
            if (name.equals("activations")) {
                assertEquals(List.of("relu", "tanh", "leaky_relu", "elu", "softplus", "swish", "gelu", "sigmoid",
                        "linear"), model.layers().stream().map(l -> ((io.github.kerasdjl.layers.Dense) l)
                        .activation().kerasName()).toList());
                assertEquals(List.of("mae", "mse"), model.metrics().stream().map(m -> m.name()).toList());
            }
        }
    }
}
