package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.kerasdjl.layers.Conv2D;
import io.github.kerasdjl.layers.Dropout;
import io.github.kerasdjl.layers.InputLayer;
import io.github.kerasdjl.layers.Pooling2D;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.training.FitOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code .keras} files with the N-D layers. {@code fixtures/keras_convnet.keras} was trained and saved by Keras
 * 3.15.1 ({@code tools/keras/layer_fixtures.py}: Conv2D same and valid, MaxPooling2D, AveragePooling2D same with
 * strides, Activation, Dropout, Reshape, Flatten, Dense softmax, Adam); this library loads it and predicts Keras'
 * outputs within 1e-5. A convnet saved here loads back with the same weights, predictions and optimizer state.
 */
class LayersModelFileTest {

    static JsonObject fixture() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/fixtures/keras_convnet.txt"),
                StandardCharsets.UTF_8);
        assertTrue(lines.get(0).startsWith("# made by tools/keras/layer_fixtures.py with Keras 3."));
        return JsonParser.parseString(lines.get(1)).getAsJsonObject();
    }

    static float[] values(JsonObject a) {
        JsonArray v = a.getAsJsonArray("values");
        float[] f = new float[v.size()];
        for (int i = 0; i < f.length; i++) {
            f[i] = v.get(i).getAsFloat();
        }
        return f;
    }

    @Test
    void aConvnetKerasSavedLoadsAndPredictsAsKeras() throws IOException {
        JsonObject f = fixture();
        try (Sequential model = Keras.loadModel(Path.of("src/test/resources/fixtures/keras_convnet.keras"));
                NDManager m = NDManager.newBaseManager()) {
            assertEquals(new Shape(7, 7, 2), model.inputShape());
            assertEquals(List.of("conv2d", "max_pooling2d", "conv2d_1", "average_pooling2d", "activation", "dropout",
                    "reshape", "flatten", "dense"), model.layers().stream().map(l -> l.getName()).toList());
            assertTrue(model.optimizer() instanceof Adam);
            NDArray out = model.predict(m.create(values(f.getAsJsonObject("x")), new Shape(12, 7, 7, 2)));
            float[] expected = values(f.getAsJsonObject("predict"));
            float[] actual = out.toFloatArray();
            float max = 0;
            for (int i = 0; i < expected.length; i++) {
                max = Math.max(max, Math.abs(expected[i] - actual[i]));
            }
            assertTrue(max <= 1e-5, "max difference " + max);
            assertTrue(model.summary().contains("(None, 3, 3, 4)"), model.summary());
        }
    }

    static Sequential convnet() {
        return new Sequential().seed(9).add(new InputLayer(6, 6, 1)).add(new Conv2D(3, 3, "relu").padding("same"))
                .add(Pooling2D.max(2)).add(new Conv2D(2, 2)).add(Pooling2D.average(2).padding("same"))
                .add(Keras.Flatten()).add(Keras.Dense(2, "softmax"));
    }

    /** BatchNormalization (moving statistics included), LayerNormalization and Embedding save and load back. */
    @Test
    void normalizationLayersAndEmbeddingRoundTrip(@TempDir Path dir) {
        float[][] x = {{0, 1, 2}, {3, 4, 0}, {1, 1, 1}, {4, 2, 3}, {2, 0, 4}};
        float[] y = {1, 0, 1, 0, 1};
        Path file = dir.resolve("norms.keras");
        try (Sequential model = new Sequential().seed(2).add(new InputLayer(3)).add(Keras.Embedding(5, 4))
                .add(Keras.LayerNormalization()).add(Keras.Flatten()).add(Keras.Dense(6, "relu"))
                .add(new io.github.kerasdjl.layers.BatchNormalization(0.9, 1e-2)).add(Keras.Dense(1, "sigmoid"))) {
            model.compile(new Adam(0.01), "binary_crossentropy");
            model.fit(x, y, new FitOptions().epochs(3).batchSize(2).verbose(0));
            model.save(file);
            try (Sequential loaded = Keras.loadModel(file)) {
                List<float[]> a = model.getWeights();
                List<float[]> b = loaded.getWeights();
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i), "weight " + i);
                }
                float[][] pa = model.predict(x);
                float[][] pb = loaded.predict(x);
                for (int i = 0; i < pa.length; i++) {
                    assertArrayEquals(pa[i], pb[i]);
                }
                var bn = (io.github.kerasdjl.layers.BatchNormalization) loaded.layers().get(4);
                assertEquals(0.9, bn.momentum());
                assertEquals(1e-2, bn.epsilon());
                assertEquals(model.summary(), loaded.summary());
            }
        }
    }

    @Test
    void dropoutAndActivationConfigsRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("dropout.keras");
        try (Sequential model = new Sequential().add(new InputLayer(4, 2)).add(new Dropout(0.3, 4L))
                .add(Keras.Activation("tanh")).add(Keras.Flatten()).add(Keras.Dense(1))) {
            model.build(new Shape(4, 2));
            model.save(file);
            try (Sequential loaded = Keras.loadModel(file)) {
                Dropout d = (Dropout) loaded.layers().get(0);
                assertEquals(0.3, d.rate());
                assertEquals(4L, d.seed());
                assertEquals("tanh", ((io.github.kerasdjl.layers.ActivationLayer) loaded.layers().get(1)).activation()
                        .kerasName());
                assertEquals(model.summary(), loaded.summary());
            }
        }
    }

    @Test
    void aConvnetSavedHereLoadsBackWithItsWeightsAndOptimizerState(@TempDir Path dir) {
        Random r = new Random(1);
        float[][][][] x = new float[10][6][6][1];
        float[] y = new float[10];
        for (int i = 0; i < 10; i++) {
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    x[i][a][b][0] = r.nextFloat();
                }
            }
            y[i] = i % 2;
        }
        Path file = dir.resolve("convnet.keras");
        try (Sequential model = convnet()) {
            model.compile(new Adam(0.01), "sparse_categorical_crossentropy", "accuracy");
            model.fit(x, y, new FitOptions().epochs(2).batchSize(4).verbose(0));
            model.save(file);
            try (Sequential loaded = Keras.loadModel(file)) {
                assertEquals(new Shape(6, 6, 1), loaded.inputShape());
                List<float[]> a = model.getWeights();
                List<float[]> b = loaded.getWeights();
                assertEquals(a.size(), b.size());
                for (int i = 0; i < a.size(); i++) {
                    assertArrayEquals(a.get(i), b.get(i));
                }
                float[][] pa = model.predict(x);
                float[][] pb = loaded.predict(x);
                for (int i = 0; i < pa.length; i++) {
                    assertArrayEquals(pa[i], pb[i]);
                }
                assertEquals(model.summary(), loaded.summary());
                // one more epoch on both, without shuffling or dropout differences: the same Adam state
                FitOptions next = new FitOptions().epochs(1).batchSize(4).shuffle(false).verbose(0);
                model.fit(x, y, next);
                loaded.fit(x, y, next);
                List<float[]> a2 = model.getWeights();
                List<float[]> b2 = loaded.getWeights();
                for (int i = 0; i < a2.size(); i++) {
                    assertArrayEquals(a2.get(i), b2.get(i), 1e-6f, "weight " + i);
                }
            }
        }
    }
}
