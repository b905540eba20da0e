package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Conv2D;
import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Flatten;
import static io.github.kerasdjl.Keras.Input;
import static io.github.kerasdjl.Keras.MaxPooling2D;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.layers.Conv2D;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** N-D input: Input and input_shape, fit/predict/evaluate on float[][][][], float[][][] and NDArray, batch first. */
class NdInputTest {

    static float[][][][] images(int n, int h, int w, int c, long seed) {
        Random r = new Random(seed);
        float[][][][] x = new float[n][h][w][c];
        for (float[][][] image : x) {
            for (float[][] row : image) {
                for (float[] pixel : row) {
                    for (int k = 0; k < c; k++) {
                        pixel[k] = r.nextFloat();
                    }
                }
            }
        }
        return x;
    }

    static float[] flat(float[][][][] x, int i) {
        int h = x[0].length;
        int w = x[0][0].length;
        int c = x[0][0][0].length;
        float[] f = new float[h * w * c];
        int k = 0;
        for (int a = 0; a < h; a++) {
            for (int b = 0; b < w; b++) {
                for (int d = 0; d < c; d++) {
                    f[k++] = x[i][a][b][d];
                }
            }
        }
        return f;
    }

    static Sequential convnet(long seed) {
        return new Sequential().seed(seed).add(Input(6, 6, 2)).add(Conv2D(3, 3, "relu")).add(MaxPooling2D(2))
                .add(Flatten()).add(Dense(2, "softmax"));
    }

    @Test
    void inputIsNotALayerAndFixesTheShape() {
        try (Sequential model = convnet(1)) {
            assertEquals(4, model.layers().size(), "Keras 3: model.layers omits the InputLayer");
            assertEquals(new Shape(6, 6, 2), model.inputShape());
            assertEquals(72, model.inputDim());
            assertEquals(2, model.outputDim());
            assertEquals(3 * 3 * 2 * 3 + 3 + 12 * 2 + 2, model.countParams());
            assertFalse(model.isBuilt());
            assertTrue(model.summary().contains("(None, 4, 4, 3)"), model.summary());
        }
    }

    @Test
    void inputShapeOnTheFirstLayerIsAnInput() {
        try (Sequential a = new Sequential().add(new Conv2D(2, 3).inputShape(5, 5, 1)).add(Flatten());
                Sequential b = new Sequential().add(new Dense(3).inputShape(4, 2))) {
            assertEquals(new Shape(5, 5, 1), a.inputShape());
            assertEquals(new Shape(4, 2), b.inputShape());
            assertEquals(new Shape(4, 3), b.outputShape(b.inputShape()), "Dense acts on the last axis");
        }
    }

    @Test
    void predictOnImagesEqualsPredictOnTheSameNdArrayAndIsPerSample() {
        float[][][][] x = images(7, 6, 6, 2, 3);
        try (Sequential model = convnet(2); NDManager m = NDManager.newBaseManager()) {
            float[][] out = model.predict(x);
            assertEquals(7, out.length);
            float[] all = new float[7 * 72];
            for (int i = 0; i < 7; i++) {
                System.arraycopy(flat(x, i), 0, all, i * 72, 72);
            }
            NDArray nd = model.predict(m.create(all, new Shape(7, 6, 6, 2)));
            assertEquals(new Shape(7, 2), nd.getShape());
            float[] ndValues = nd.toFloatArray();
            for (int i = 0; i < 7; i++) {
                assertArrayEquals(out[i], java.util.Arrays.copyOfRange(ndValues, 2 * i, 2 * i + 2), 1e-6f);
                // one sample alone gives the same outputs: nothing leaks between samples of a batch
                float[][] single = model.predict(new float[][][][] {x[i]});
                assertArrayEquals(out[i], single[0], 1e-6f);
            }
        }
    }

    @Test
    void fitAndEvaluateOnImagesLearnAndAgreeWithNdArrays() {
        int n = 60;
        float[][][][] x = images(n, 6, 6, 2, 5);
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            // the class is whether the top half is brighter than the bottom half in channel 0
            double top = 0;
            double bottom = 0;
            for (int a = 0; a < 6; a++) {
                for (int b = 0; b < 6; b++) {
                    if (a < 3) {
                        top += x[i][a][b][0];
                    } else {
                        bottom += x[i][a][b][0];
                    }
                }
            }
            labels[i] = top > bottom ? 1 : 0;
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 6; b++) {
                    x[i][a][b][0] += labels[i] == 1 ? 0.3f : -0.3f;
                }
            }
        }
        try (Sequential model = convnet(4); Sequential twin = convnet(4); NDManager m = NDManager.newBaseManager()) {
            model.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
            twin.compile(new SGD(0.1), "sparse_categorical_crossentropy", "accuracy");
            FitOptions options = new FitOptions().epochs(15).batchSize(8).verbose(0);
            var h = model.fit(x, labels, options);
            assertTrue(h.last("loss") < h.get("loss").get(0), h.toString());
            Map<String, Double> eval = model.evaluate(x, labels);
            assertTrue(eval.get("accuracy") > 0.8, eval.toString());
            float[] all = new float[n * 72];
            float[] ys = new float[n];
            for (int i = 0; i < n; i++) {
                System.arraycopy(flat(x, i), 0, all, i * 72, 72);
                ys[i] = labels[i];
            }
            var h2 = twin.fit(m.create(all, new Shape(n, 6, 6, 2)), m.create(ys, new Shape(n, 1)), options);
            assertEquals(h.get("loss"), h2.get("loss"), "float[][][][] and NDArray train the same");
            Map<String, Double> eval2 = twin.evaluate(m.create(all, new Shape(n, 6, 6, 2)), m.create(ys, new Shape(n, 1)));
            assertEquals(eval.get("loss"), eval2.get("loss"), 1e-6);
        }
    }

    @Test
    void rankTwoSamplesTrainThroughDenseOnTheLastAxis() {
        Random r = new Random(1);
        float[][][] x = new float[10][3][4];
        float[][] y = new float[10][1];
        for (int i = 0; i < 10; i++) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 4; b++) {
                    x[i][a][b] = r.nextFloat();
                }
            }
            y[i][0] = x[i][0][0];
        }
        try (Sequential model = new Sequential().add(Input(3, 4)).add(Dense(5, "tanh")).add(Flatten()).add(Dense(1))) {
            model.compile(new SGD(0.05), "mse");
            assertFalse(model.usesFastPath(), "a Dense on N-D samples trains through autograd");
            model.fit(x, y, 3, 4);
            assertEquals(10, model.predict(x).length);
            assertEquals(5 * 4 + 5, ((Dense) model.layers().get(0)).countParams());
        }
    }

    @Test
    void aPlainDenseStackAfterAFlatInputKeepsTheHandWrittenStep() {
        try (Sequential model = new Sequential().add(Input(4)).add(Dense(3, "relu")).add(Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.1), "binary_crossentropy");
            assertTrue(model.usesFastPath());
            assertEquals(4, model.inputDim());
            model.fit(new float[][] {{1, 2, 3, 4}, {0, 1, 0, 1}}, new float[] {1, 0}, 1, 2);
            assertTrue(model.usesFastPath());
        }
    }

    @Test
    void frozenLayersAreNotUpdatedAndCountAsNonTrainable() {
        float[][] x = {{1, 2}, {0, 1}, {2, 0}, {1, 1}};
        float[] y = {1, 0, 1, 0};
        try (Sequential model = new Sequential().seed(3).add(Dense(4, "relu", 2)).add(Dense(1, "sigmoid"))) {
            model.layers().get(0).trainable(false);
            model.compile(new SGD(0.5), "binary_crossentropy");
            assertFalse(model.usesFastPath(), "a frozen layer trains through autograd");
            model.build(2);
            List<float[]> before = model.getWeights();
            model.fit(x, y, 5, 2);
            List<float[]> after = model.getWeights();
            assertArrayEquals(before.get(0), after.get(0), "frozen kernel unchanged");
            assertArrayEquals(before.get(1), after.get(1), "frozen bias unchanged");
            assertFalse(java.util.Arrays.equals(before.get(2), after.get(2)), "the trainable layer learns");
            String s = model.summary();
            assertTrue(s.contains("Trainable params: 5 (20.00 B)"), s);
            assertTrue(s.contains("Non-trainable params: 12 (48.00 B)"), s);
            assertEquals(2, model.computeGradients(x, new float[][] {{1}, {0}, {1}, {0}}).size(),
                    "gradients of the trainable weights only");
            // unfrozen, the next fit trains it; frozen again, the other layer stops
            model.layers().get(0).trainable(true);
            model.fit(x, y, 2, 2);
            assertFalse(java.util.Arrays.equals(after.get(0), model.getWeights().get(0)), "unfrozen kernel learns");
            model.layers().get(1).trainable(false);
            List<float[]> mid = model.getWeights();
            model.fit(x, y, 2, 2);
            assertArrayEquals(mid.get(2), model.getWeights().get(2), "newly frozen kernel unchanged");
            assertTrue(model.usesFastPath() == false);
        }
    }

    @Test
    void unknownShapeBeforeDataAndNoInput() {
        try (Sequential model = new Sequential().add(Conv2D(2, 3)).add(Flatten()).add(Dense(1))) {
            assertNull(model.inputShape());
            assertTrue(model.summary().contains("0 (unbuilt)"));
            model.compile(new SGD(0.1), "mse");
            model.fit(images(3, 5, 5, 1, 1), new float[] {1, 2, 3}, 1, 2);
            assertEquals(new Shape(5, 5, 1), model.inputShape(), "built from the data's shape");
        }
    }
}
