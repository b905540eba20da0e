package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.util.RandomSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialTest {

    /** The program of the issue, as a user writes it, compiles and runs (few epochs here). */
    @Test
    void theKerasProgramRuns() {
        Keras.setRandomSeed(1);
        Dataset d = Playground.xor(60, 0, 3);
        float[][] x = d.x();
        float[][] y = d.y();
        Sequential model = Sequential()
                .add(Dense(8, "relu", 2)).add(Dense(8, "relu")).add(Dense(8, "relu"))
                .add(Dense(1, "sigmoid"));
        model.compile(SGD(0.05), "mse", "accuracy");
        History history = model.fit(x, y, new FitOptions().epochs(3).batchSize(10).verbose(0));
        float[][] p = model.predict(x);
        Map<String, Double> scores = model.evaluate(x, y);
        assertEquals(List.of("loss", "accuracy"), List.copyOf(history.keys()));
        assertEquals(3, history.get("loss").size());
        assertEquals(60, p.length);
        assertEquals(1, p[0].length);
        for (float[] row : p) {
            assertTrue(row[0] > 0 && row[0] < 1, "sigmoid output in (0, 1)");
        }
        assertEquals(List.of("loss", "accuracy"), List.copyOf(scores.keySet()));
        assertEquals(177, model.countParams());
        // The issue's four-argument form: Keras' defaults for the rest (verbose 1, shuffle).
        History more = model.fit(x, y, 2, 10);
        assertEquals(2, more.get("accuracy").size());
        model.close();
    }

    @Test
    void summaryIsKerasTable() {
        Sequential model = Sequential().add(Dense(8, "relu", 2)).add(Dense(8, "relu")).add(Dense(8, "relu"))
                .add(Dense(1, "sigmoid"));
        String s = model.summary();
        assertTrue(s.startsWith("Model: \"sequential\"\n"), s);
        assertTrue(s.contains(" Layer (type)                Output Shape              Param #"), s);
        assertTrue(s.contains(" dense (Dense)               (None, 8)                 24"), s);
        assertTrue(s.contains(" dense_1 (Dense)             (None, 8)                 72"), s);
        assertTrue(s.contains(" dense_3 (Dense)             (None, 1)                 9"), s);
        assertTrue(s.contains("Total params: 177 (708.00 B)"), s);
        assertTrue(s.contains("Trainable params: 177"), s);
        assertTrue(s.contains("Non-trainable params: 0"), s);
        // 2*8+8 + 8*8+8 + 8*8+8 + 8+1 = 177
        assertEquals(177, model.countParams());
        assertEquals(4, model.layers().size());
    }

    @Test
    void summaryOfModelWithoutInputDimSaysUnbuiltAndBuildsFromData() {
        Sequential model = Sequential().add(Dense(4, "relu")).add(Dense(1));
        assertTrue(model.summary().contains("0 (unbuilt)"));
        assertThrows(IllegalStateException.class, model::countParams);
        model.compile(SGD(0.1), "mse");
        model.fit(new float[][] {{1, 2, 3}, {4, 5, 6}}, new float[][] {{1}, {0}},
                new FitOptions().epochs(1).verbose(0));
        assertEquals(3, model.inputDim());
        assertEquals(3 * 4 + 4 + 4 + 1, model.countParams());
        assertEquals(3, ((Dense) model.layers().get(0)).getKernel().length);
        model.close();
    }

    /** Keras' rule: ceil(N / batch) steps, the last batch smaller. */
    @Test
    void anEpochIsCeilNOverBatchStepsWithSmallerLastBatch() {
        Sequential model = Sequential().add(Dense(1, "linear", 1)).seed(3);
        model.compile(SGD(0.01), "mse");
        List<Integer> batches = new ArrayList<>();
        int[] stepsPerEpoch = new int[1];
        Callback counter = new Callback() {
            @Override
            public void onTrainBegin(ModelView m, int epochs, int steps) {
                stepsPerEpoch[0] = steps;
            }

            @Override
            public void onBatchEnd(int batch, Map<String, Double> logs) {
                batches.add(batch);
            }
        };
        float[] x = new float[25];
        float[] y = new float[25];
        model.fit(x, y, new FitOptions().epochs(2).batchSize(10).verbose(0).callbacks(counter));
        assertEquals(3, stepsPerEpoch[0]);
        assertEquals(List.of(0, 1, 2, 0, 1, 2), batches);
        assertEquals(2, model.optimizer().iterations() / 3);
        assertEquals(6, model.optimizer().iterations());
        model.close();
    }

    /**
     * With a learning rate of 0 every batch sees the same weights, so Keras' sample-weighted mean of the batch
     * losses equals the loss over the whole data. With 25 samples in batches of 10, 10 and 5, an unweighted mean of
     * the three batch losses would differ.
     */
    @Test
    void epochLossAndMetricsAreSampleWeightedMeans() {
        Sequential model = Sequential().add(Dense(4, "tanh", 2)).add(Dense(1, "sigmoid")).seed(11);
        model.compile(SGD(0.0), "mse", "accuracy", "mae");
        Dataset d = Playground.gauss(25, 0.3, 5);
        History h = model.fit(d.x(), d.y(), new FitOptions().epochs(1).batchSize(10).shuffle(false).verbose(0));
        Map<String, Double> whole = model.evaluate(d.x(), d.y(), 25);
        assertEquals(whole.get("loss"), h.last("loss"), 1e-6);
        assertEquals(whole.get("accuracy"), h.last("accuracy"), 1e-12);
        assertEquals(whole.get("mae"), h.last("mae"), 1e-6);

        // The unweighted mean of the batch losses is a different number for this data: the test can fail.
        double b1 = model.evaluate(slice(d.x(), 0, 10), slice(d.y(), 0, 10)).get("loss");
        double b2 = model.evaluate(slice(d.x(), 10, 20), slice(d.y(), 10, 20)).get("loss");
        double b3 = model.evaluate(slice(d.x(), 20, 25), slice(d.y(), 20, 25)).get("loss");
        assertEquals((10 * b1 + 10 * b2 + 5 * b3) / 25, h.last("loss"), 1e-6);
        assertTrue(Math.abs((b1 + b2 + b3) / 3 - h.last("loss")) > 1e-4);
        model.close();
    }

    private static float[][] slice(float[][] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }

    @Test
    void sameSeedGivesTheSameHistoryToTheLastDigit() {
        Dataset d = Playground.spiral(100, 0.1, 9);
        History first = trainSeeded(d, 77);
        History second = trainSeeded(d, 77);
        assertEquals(first.asMap(), second.asMap());
        History other = trainSeeded(d, 78);
        assertNotEquals(first.get("loss"), other.get("loss"));
    }

    private static History trainSeeded(Dataset d, long seed) {
        Keras.setRandomSeed(seed);
        try (Sequential model = Sequential().add(Dense(8, "relu", 2)).add(Dense(8, "relu"))
                .add(Dense(1, "sigmoid"))) {
            model.compile(SGD(0.05), "mse", "accuracy");
            return model.fit(d.x(), d.y(), new FitOptions().epochs(5).batchSize(10).verbose(0));
        }
    }

    @Test
    void explicitSeedGivesTheSameInitialWeights() {
        try (Sequential a = Sequential().add(Dense(3, "relu", 2)).seed(5);
                Sequential b = Sequential().add(Dense(3, "relu", 2)).seed(5)) {
            a.build(2);
            b.build(2);
            assertEquals(5, a.seed());
            for (int i = 0; i < 2; i++) {
                assertArrayEquals(a.getWeights().get(i), b.getWeights().get(i));
            }
        }
    }

    @Test
    void shuffleOnChangesTheOrderEachEpochAndShuffleOffKeepsIt() {
        // With shuffle off, two models from the same start see the same batches: same history.
        Dataset d = Playground.circle(40, 0, 2);
        History a = fitWith(d, false);
        History b = fitWith(d, false);
        History c = fitWith(d, true);
        assertEquals(a.get("loss"), b.get("loss"));
        assertNotEquals(a.get("loss"), c.get("loss"));
    }

    private static History fitWith(Dataset d, boolean shuffle) {
        try (Sequential model = Sequential().add(Dense(4, "relu", 2)).add(Dense(1, "sigmoid")).seed(1)) {
            model.compile(SGD(0.1), "mse");
            return model.fit(d.x(), d.y(), new FitOptions().epochs(3).batchSize(8).shuffle(shuffle).verbose(0));
        }
    }

    @Test
    void permutationIsSeededAndComplete() {
        long[] p = RandomSeed.permutation(10, new java.util.Random(1));
        long[] q = RandomSeed.permutation(10, new java.util.Random(1));
        assertArrayEquals(p, q);
        long[] sorted = p.clone();
        java.util.Arrays.sort(sorted);
        assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
    }

    @Test
    void validationSplitTakesTheLastFractionAndReportsValKeys() {
        Dataset d = Playground.gauss(50, 0, 4);
        try (Sequential model = Sequential().add(Dense(1, "sigmoid", 2)).seed(2)) {
            model.compile(SGD(0.1), "binary_crossentropy", "accuracy");
            History h = model.fit(d.x(), d.y(),
                    new FitOptions().epochs(2).batchSize(10).validationSplit(0.2).verbose(0));
            assertEquals(List.of("loss", "accuracy", "val_loss", "val_accuracy"), List.copyOf(h.keys()));
            // Keras holds out the last 20% (10 samples) before shuffling: val_loss is the loss on them.
            Map<String, Double> last10 = model.evaluate(slice(d.x(), 40, 50), slice(d.y(), 40, 50));
            assertEquals(last10.get("loss"), h.last("val_loss"), 1e-6);
        }
    }

    @Test
    void validationDataIsEvaluatedEachEpoch() {
        Dataset d = Playground.gauss(40, 0, 4);
        Dataset v = Playground.gauss(20, 0, 5);
        try (Sequential model = Sequential().add(Dense(1, "sigmoid", 2)).seed(2)) {
            model.compile(SGD(0.1), "mse", "accuracy");
            History h = model.fit(d.x(), d.y(),
                    new FitOptions().epochs(3).batchSize(10).validationData(v.x(), v.y()).verbose(0));
            assertEquals(3, h.get("val_accuracy").size());
            assertEquals(model.evaluate(v.x(), v.y()).get("loss"), h.last("val_loss"), 1e-6);
        }
    }

    @Test
    void ndArrayOverloads() {
        Dataset d = Playground.gauss(20, 0, 4);
        try (Sequential model = Sequential().add(Dense(1, "sigmoid", 2)).seed(2);
                NDManager m = NDManager.newBaseManager()) {
            model.compile(SGD(0.1), "mse", "accuracy");
            NDArray x = Engines.matrix(m, d.x());
            NDArray y = Engines.matrix(m, d.y());
            model.fit(x, y, new FitOptions().epochs(2).verbose(0));
            NDArray p = model.predict(x);
            assertEquals(x.getManager(), p.getManager());
            assertArrayEquals(model.predict(d.x())[3], new float[] {p.toFloatArray()[3]});
            assertEquals(model.evaluate(d.x(), d.y()), model.evaluate(x, y));
        }
    }

    @Test
    void oneInputOneOutputConveniences() {
        try (Sequential model = Sequential().add(Dense(2, "sigmoid", 1)).add(Dense(1, "sigmoid")).seed(4)) {
            model.compile(SGD(0.5), "mse", "accuracy");
            float[] xs = {0.1f, 0.5f, 0.9f, 1.3f};
            float[] ys = {0, 1, 1, 0};
            History h = model.fit(xs, ys, 2, 2);
            assertEquals(2, h.get("loss").size());
            float[] p = model.predict(xs);
            assertEquals(4, p.length);
            assertEquals(model.predict(new float[][] {{0.5f}})[0][0], p[1], 0);
        }
    }

    @Test
    void getAndSetWeightsRoundTrip() {
        try (Sequential model = Sequential().add(Dense(3, "relu", 2)).add(Dense(1)).seed(8)) {
            model.build(2);
            List<float[]> w = model.getWeights();
            assertEquals(List.of(6, 3, 3, 1), w.stream().map(a -> a.length).toList());
            List<float[]> changed = new ArrayList<>();
            for (float[] a : w) {
                float[] c = a.clone();
                c[0] += 1;
                changed.add(c);
            }
            model.setWeights(changed);
            assertArrayEquals(changed.get(2), model.getWeights().get(2));
            assertThrows(IllegalArgumentException.class, () -> model.setWeights(w.subList(0, 2)));
        }
    }

    /** Native memory: the arrays the model owns do not grow from epoch to epoch, nor from fit to fit. */
    @Test
    void liveArraysStayConstantDuringAndAcrossFits() {
        Dataset d = Playground.spiral(60, 0, 1);
        try (Sequential model = Sequential().add(Dense(8, "relu", 2)).add(Dense(8, "relu"))
                .add(Dense(1, "sigmoid")).seed(1)) {
            model.compile(Keras.SGD(0.05, 0.9, true), "binary_crossentropy", "accuracy");
            List<Integer> perEpoch = new ArrayList<>();
            Callback probe = new Callback() {
                @Override
                public void onEpochEnd(int epoch, Map<String, Double> logs) {
                    perEpoch.add(model.liveArrayCount());
                }
            };
            model.fit(d.x(), d.y(), new FitOptions().epochs(30).batchSize(7).verbose(0).callbacks(probe)
                    .validationSplit(0.2));
            int afterFirst = model.liveArrayCount();
            model.fit(d.x(), d.y(), new FitOptions().epochs(5).batchSize(7).verbose(0));
            model.predict(d.x());
            model.evaluate(d.x(), d.y());
            model.setWeights(model.getWeights()); // reading a kernel (a transposed view) leaves no copy behind
            model.getWeights();
            assertEquals(afterFirst, model.liveArrayCount());
            // 6 weights, 6 velocities and SGD's 2 constants (learning rate, momentum).
            assertEquals(14, afterFirst);
            assertEquals(1, perEpoch.stream().distinct().count(), "per-epoch counts " + perEpoch);
        }
    }

    @Test
    void closedModelRefusesWork() {
        Sequential model = Sequential().add(Dense(1, "linear", 1));
        model.close();
        assertThrows(IllegalStateException.class, () -> model.predict(new float[][] {{1}}));
    }
}
