package io.github.kerasdjl.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Dropout: inference passes the input through unchanged; in training each value is kept with probability
 * 1 - rate and scaled by 1 / (1 - rate), the rate within statistical bounds; the masks are seeded.
 */
class DropoutTest {

    static final int N = 200;
    static final int WIDTH = 500;

    static float[][] data() {
        Random r = new Random(7);
        float[][] x = new float[N][WIDTH];
        for (float[] row : x) {
            for (int j = 0; j < WIDTH; j++) {
                row[j] = 0.5f + r.nextFloat(); // never 0, so a 0 in the output is a dropped value
            }
        }
        return x;
    }

    static Sequential model(Dropout dropout, long seed) {
        Sequential model = new Sequential().seed(seed).add(new InputLayer(WIDTH)).add(dropout);
        model.build(WIDTH);
        return model;
    }

    /** The model's block run in training mode, as a training step runs it. */
    static float[] trainingForward(Sequential model, float[][] x) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray in = io.github.kerasdjl.backend.Tensors.toArray(m, x);
            NDList out = model.block().forward(new ParameterStore(m, false), new NDList(in), true);
            return out.singletonOrThrow().toFloatArray();
        }
    }

    /** The masks' generator draws java.util.Random's sequence exactly, for any seed. */
    @Test
    void theMaskGeneratorIsJavaUtilRandomsSequence() {
        for (long seed : new long[] {0, 1, 42, -7, Long.MAX_VALUE, Long.MIN_VALUE, 0x5DEECE66DL}) {
            Random expected = new Random(seed);
            Dropout.Lcg actual = new Dropout.Lcg(seed);
            for (int i = 0; i < 10_000; i++) {
                assertEquals(expected.nextFloat(), actual.nextFloat(), "seed " + seed + ", draw " + i);
            }
        }
    }

    @Test
    void inferenceOutputEqualsInput() {
        float[][] x = data();
        try (Sequential model = model(new Dropout(0.4), 1)) {
            float[][] out = model.predict(x);
            for (int i = 0; i < N; i++) {
                assertArrayEquals(x[i], out[i]);
            }
        }
    }

    @Test
    void trainingMaskKeepsTheRateAndScales() {
        float[][] x = data();
        for (double rate : new double[] {0.1, 0.25, 0.5, 0.8}) {
            try (Sequential model = model(new Dropout(rate), 3)) {
                float[] out = trainingForward(model, x);
                int dropped = 0;
                double scale = 1.0 / (1.0 - rate);
                for (int i = 0; i < N; i++) {
                    for (int j = 0; j < WIDTH; j++) {
                        float v = out[i * WIDTH + j];
                        if (v == 0f) {
                            dropped++;
                        } else {
                            assertEquals(x[i][j] * scale, v, 1e-5 * v, "kept values are scaled by 1/(1-rate)");
                        }
                    }
                }
                int n = N * WIDTH;
                double sigma = Math.sqrt(rate * (1 - rate) / n);
                double observed = (double) dropped / n;
                // 100,000 draws: the observed rate is within 5 standard deviations (about 0.007 at rate 0.5).
                assertTrue(Math.abs(observed - rate) < 5 * sigma, "rate " + rate + ": observed " + observed);
            }
        }
    }

    @Test
    void rateZeroIsTheIdentityEvenInTraining() {
        float[][] x = data();
        try (Sequential model = model(new Dropout(0), 3)) {
            assertArrayEquals(io.github.kerasdjl.backend.Tensors.flatten(x), trainingForward(model, x));
        }
    }

    @Test
    void masksAreSeeded() {
        float[][] x = data();
        float[] a;
        float[] b;
        float[] c;
        float[] d;
        try (Sequential m1 = model(new Dropout(0.5), 11); Sequential m2 = model(new Dropout(0.5), 11);
                Sequential m3 = model(new Dropout(0.5), 12)) {
            a = trainingForward(m1, x);
            b = trainingForward(m2, x);
            c = trainingForward(m3, x);
            d = trainingForward(m1, x);
        }
        assertArrayEquals(a, b, "the same model seed gives the same masks");
        assertFalse(java.util.Arrays.equals(a, c), "another model seed gives other masks");
        assertFalse(java.util.Arrays.equals(a, d), "each step draws a new mask");
        try (Sequential m1 = model(new Dropout(0.5, 99L), 1); Sequential m2 = model(new Dropout(0.5, 99L), 2)) {
            assertArrayEquals(trainingForward(m1, x), trainingForward(m2, x), "the layer's own seed wins");
        }
    }

    @Test
    void aDropoutDoesNotChangeTheOtherLayersInitialWeights() {
        try (Sequential with = new Sequential().seed(5).add(new Dense(3, "relu", 4)).add(new Dropout(0.5))
                .add(new Dense(2)); Sequential without = new Sequential().seed(5).add(new Dense(3, "relu", 4))
                        .add(new Dense(2))) {
            with.build(4);
            without.build(4);
            for (int i = 0; i < 4; i++) {
                assertArrayEquals(without.getWeights().get(i), with.getWeights().get(i));
            }
        }
    }

    @Test
    void aModelWithDropoutTrainsThroughAutogradAndLearns() {
        float[][] x = new float[64][4];
        float[][] y = new float[64][1];
        Random r = new Random(2);
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = r.nextFloat() * 2 - 1;
            }
            y[i][0] = x[i][0] + x[i][1] > 0 ? 1 : 0;
        }
        try (Sequential model = new Sequential().seed(1).add(new Dense(16, "relu", 4)).add(new Dropout(0.2))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.5), "binary_crossentropy");
            assertFalse(model.usesFastPath());
            var h = model.fit(x, y, new FitOptions().epochs(40).batchSize(16).verbose(0));
            assertTrue(h.last("loss") < 0.6 * h.get("loss").get(0), h.toString());
        }
    }

    @Test
    void badRatesAreRefused() {
        for (double rate : new double[] {-0.1, 1.0, 1.5, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Dropout(rate));
            assertTrue(e.getMessage().contains("`rate`") && e.getMessage().contains(String.valueOf(rate)),
                    e.getMessage());
        }
    }
}
