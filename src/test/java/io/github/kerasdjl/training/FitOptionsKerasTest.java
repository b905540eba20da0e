package io.github.kerasdjl.training;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.optimizers.SGD;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * fit's sample_weight, class_weight (binary, one-hot, sparse), validation_split with weights, validation_freq with
 * validation_batch_size and steps_per_epoch, and train_on_batch, test_on_batch, evaluate with sample weights,
 * predict_on_batch and predict with a batch size, against real Keras 3: src/test/resources/fixtures/fit_options.txt
 * (tools/keras/fit_options_fixtures.py, Keras 3.15.1 on JAX). A 3-4-1 or 3-4-3 model from Keras' start, SGD(0.3),
 * batch 5 on 23 rows, shuffle off. Every History value per epoch, and every returned loss and metric, within 5e-5
 * relative; the final weights within 1e-4; on the hand-written step and on autograd.
 */
class FitOptionsKerasTest {

    private static final List<float[]> X = new ArrayList<>();
    private static final List<float[]> Y_BIN = new ArrayList<>();
    private static final List<float[]> Y_CLS = new ArrayList<>();
    private static float[] weights;
    private static final List<float[]> START1 = new ArrayList<>();
    private static final List<float[]> START3 = new ArrayList<>();
    /** Per case: lines after "case NAME" until the next case. */
    private static final Map<String, List<String[]>> CASES = new LinkedHashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                FitOptionsKerasTest.class.getResourceAsStream("/fixtures/fit_options.txt")),
                StandardCharsets.UTF_8))) {
            List<String[]> current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] t = line.split(" ");
                switch (t[0]) {
                    case "row" -> {
                        X.add(new float[] {f(t[1]), f(t[2]), f(t[3])});
                        Y_BIN.add(new float[] {f(t[4])});
                        Y_CLS.add(new float[] {f(t[5])});
                    }
                    case "sample_weight" -> weights = floats(t, 1);
                    case "start1" -> START1.add(floats(t, 1));
                    case "start3" -> START3.add(floats(t, 1));
                    case "case" -> {
                        current = new ArrayList<>();
                        CASES.put(t[1], current);
                    }
                    default -> {
                        if (current != null) {
                            current.add(t);
                        }
                    }
                }
            }
        }
    }

    private static float f(String s) {
        return Float.parseFloat(s);
    }

    private static float[] floats(String[] t, int from) {
        float[] v = new float[t.length - from];
        for (int i = from; i < t.length; i++) {
            v[i - from] = f(t[i]);
        }
        return v;
    }

    private static float[][] x() {
        return X.toArray(new float[0][]);
    }

    private static float[][] oneHot() {
        float[][] y = new float[Y_CLS.size()][3];
        for (int i = 0; i < y.length; i++) {
            y[i][(int) Y_CLS.get(i)[0]] = 1;
        }
        return y;
    }

    private static Sequential model(int units, String activation, String loss, boolean fast) {
        Sequential m = Sequential().add(Dense(4, "tanh", 3)).add(Dense(units, activation)).seed(1).fastPath(fast);
        m.build(3);
        m.setWeights(units == 1 ? START1 : START3);
        m.compile(new SGD(0.3), loss, "accuracy");
        return m;
    }

    private static void close(double want, double got, String what) {
        assertEquals(want, got, 5e-5 * Math.abs(want) + 1e-7, what);
    }

    /** Keras' History per key and epoch, and its final weights. */
    private static void assertAsKeras(String name, History h, Sequential m) {
        List<float[]> want = new ArrayList<>();
        int keys = 0;
        for (String[] t : CASES.get(name)) {
            if (t[0].equals("history")) {
                keys++;
                List<Double> got = h.get(t[1]);
                assertEquals(t.length - 2, got.size(), name + ": epochs with " + t[1]);
                for (int e = 2; e < t.length; e++) {
                    close(Double.parseDouble(t[e]), got.get(e - 2), name + " " + t[1] + " epoch " + (e - 1));
                }
            } else if (t[0].equals("weights")) {
                want.add(floats(t, 1));
            }
        }
        assertEquals(keys, h.keys().size(), name + ": keys " + h.keys());
        assertWeights(name, want, m.getWeights());
    }

    private static void assertWeights(String name, List<float[]> want, List<float[]> got) {
        double worst = 0;
        for (int i = 0; i < want.size(); i++) {
            for (int k = 0; k < want.get(i).length; k++) {
                worst = Math.max(worst, Math.abs(want.get(i)[k] - got.get(i)[k]));
            }
        }
        assertTrue(worst <= 1e-4, name + ": final weights " + worst + " from Keras'");
    }

    private static FitOptions options(int epochs) {
        return new FitOptions().epochs(epochs).batchSize(5).shuffle(false).verbose(0);
    }

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void sampleAndClassWeights(boolean fast) {
        float[][] yBin = Y_BIN.toArray(new float[0][]);
        try (Sequential m = model(1, "sigmoid", "mse", fast)) {
            assertAsKeras("sample_weight", m.fit(x(), yBin, options(3).sampleWeight(weights)), m);
        }
        try (Sequential m = model(1, "sigmoid", "binary_crossentropy", fast)) {
            assertAsKeras("sample_weight_validation_split", m.fit(x(), yBin, options(3).sampleWeight(weights)
                    .validationSplit(0.3)), m);
        }
        try (Sequential m = model(1, "sigmoid", "binary_crossentropy", fast)) {
            assertAsKeras("class_weight_binary", m.fit(x(), yBin, options(3).classWeight(Map.of(0, 0.3, 1, 2.0))),
                    m);
        }
        try (Sequential m = model(1, "sigmoid", "binary_crossentropy", fast)) {
            // the held-out rows get no class weights (Keras splits first): val_loss is unweighted
            assertAsKeras("class_weight_validation_split", m.fit(x(), yBin, options(3).classWeight(Map.of(0, 0.1, 1,
                    5.0)).validationSplit(0.25)), m);
        }
        try (Sequential m = model(3, "softmax", "categorical_crossentropy", fast)) {
            assertAsKeras("class_weight_one_hot", m.fit(x(), oneHot(), options(3).classWeight(Map.of(0, 1.0, 1, 3.0,
                    2, 0.5))), m);
        }
        try (Sequential m = model(3, "softmax", "sparse_categorical_crossentropy", fast)) {
            assertAsKeras("class_weight_sparse", m.fit(x(), Y_CLS.toArray(new float[0][]), options(3).classWeight(
                    Map.of(1, 3.0, 2, 0.5))), m);
        }
    }

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void validationFrequencyAndStepsPerEpoch(boolean fast) {
        float[][] yBin = Y_BIN.toArray(new float[0][]);
        try (Sequential m = model(1, "sigmoid", "mse", fast)) {
            History h = m.fit(x(), yBin, options(4).validationData(Arrays.copyOf(x(), 9), Arrays.copyOf(yBin, 9))
                    .validationFreq(2).validationBatchSize(4));
            assertAsKeras("validation_freq", h, m);
        }
        try (Sequential m = model(1, "sigmoid", "mse", fast)) {
            History h = m.fit(x(), yBin, options(5).stepsPerEpoch(2));
            assertAsKeras("steps_per_epoch", h, m);
            assertEquals(9, m.optimizer().iterations(), "2 + 2 + 1 (the pass ran out) + 2 + 2 steps, as Keras");
        }
    }

    @ParameterizedTest(name = "fast path {0}")
    @ValueSource(booleans = {true, false})
    void oneBatchAtATime(boolean fast) {
        float[][] yBin = Y_BIN.toArray(new float[0][]);
        float[][] x = x();
        try (Sequential m = model(1, "sigmoid", "mse", fast)) {
            List<float[]> want = new ArrayList<>();
            for (String[] t : CASES.get("on_batch")) {
                switch (t[0]) {
                    case "train_on_batch" -> {
                        int a = Integer.parseInt(t[1]);
                        int b = Integer.parseInt(t[2]);
                        Map<String, Double> got = m.trainOnBatch(Arrays.copyOfRange(x, a, b),
                                Arrays.copyOfRange(yBin, a, b), Arrays.copyOfRange(weights, a, b), null);
                        assertResults(t, 3, got, "train_on_batch " + a);
                    }
                    case "test_on_batch" -> assertResults(t, 3, m.testOnBatch(Arrays.copyOf(x, 10),
                            Arrays.copyOf(yBin, 10), Arrays.copyOf(weights, 10)), "test_on_batch");
                    case "evaluate" -> assertResults(t, 2, m.evaluate(x, yBin, 4, weights), "evaluate");
                    case "predict_on_batch" -> {
                        float[][] p = m.predictOnBatch(Arrays.copyOf(x, 4));
                        for (int i = 0; i < 4; i++) {
                            close(f(t[i + 1]), p[i][0], "predict_on_batch " + i);
                        }
                    }
                    case "predict_batch_7" -> {
                        float[][] p = m.predict(x, 7);
                        assertEquals(x.length, p.length);
                        float[][] whole = m.predict(x);
                        for (int i = 0; i < x.length; i++) {
                            close(f(t[i + 1]), p[i][0], "predict(x, 7) " + i);
                            // the engine's matrix product may round the last bit differently for another row count
                            assertEquals(whole[i][0], p[i][0], 1e-6, "the numbers of one batch");
                        }
                    }
                    case "weights" -> want.add(floats(t, 1));
                    default -> {
                    }
                }
            }
            assertWeights("on_batch", want, m.getWeights());
            assertEquals(3, m.optimizer().iterations());
        }
    }

    private static void assertResults(String[] t, int from, Map<String, Double> got, String what) {
        assertEquals(t.length - from, got.size(), what + ": " + got);
        for (int i = from; i < t.length; i++) {
            String[] kv = t[i].split("=");
            close(Double.parseDouble(kv[1]), got.get(kv[0]), what + " " + kv[0]);
        }
    }
}
