package io.github.kerasdjl.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.LambdaCallback;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.callbacks.TerminateOnNaN;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.losses.Losses;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.LearningRateSchedules;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.SGD;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written step on JVM arrays ({@link HostDenseStep}) against the same step on engine arrays
 * ({@link DenseBackpropStep}, itself compared with autograd in {@code DenseBackpropTest}): the same model, seed and
 * batches trained both ways give the same history and weights up to float32 rounding (libtorch's kernels may sum in
 * another order or with fused multiply-adds), for every activation and loss the host step covers, with sample
 * weights, a schedule, callbacks that read and set the weights, and an optimizer that stops being plain SGD.
 */
class HostDenseStepTest {

    /** As DenseBackpropTest's: about 100 float32 ulps of these weights. */
    private static final double TOLERANCE = 1e-5;

    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("relu", "sigmoid", "mse", 1),
                Arguments.of("sigmoid", "sigmoid", "mse", 1),
                Arguments.of("tanh", "linear", "mse", 2),
                Arguments.of("leaky_relu", "tanh", "mse", 1),
                Arguments.of("linear", "relu", "mse", 1),
                Arguments.of("relu", "leaky_relu", "mae", 2),
                Arguments.of("tanh", "sigmoid", "mae", 1),
                Arguments.of("relu", "sigmoid", "binary_crossentropy", 1),
                Arguments.of("tanh", "linear", "binary_crossentropy_logits", 2),
                Arguments.of("relu", "softmax", "categorical_crossentropy", 3),
                Arguments.of("sigmoid", "softmax", "categorical_crossentropy_smoothed", 3),
                Arguments.of("tanh", "linear", "categorical_crossentropy_logits", 3),
                Arguments.of("relu", "softmax", "sparse_categorical_crossentropy", 3),
                Arguments.of("tanh", "linear", "sparse_categorical_crossentropy_logits", 4));
    }

    @ParameterizedTest(name = "{0} hidden, {1} out, {2}, {3} outputs")
    @MethodSource("configurations")
    void sameHistoryAndWeightsAsTheEngineStep(String hidden, String output, String loss, int outputs) {
        float[][] x = Playground.spiral(37, 0.1, 5).x();
        float[][] y = targets(x, outputs, loss);
        Metric[] metrics = loss.startsWith("sparse") ? new Metric[0] : new Metric[] {Metric.get("accuracy")};
        // 37 rows in batches of 8: four full batches and one of 5, shuffled.
        FitOptions options = new FitOptions().epochs(15).batchSize(8).verbose(0);
        try (Sequential host = model(hidden, output, outputs, true).compile(new SGD(0.1), loss(loss), metrics);
                Sequential engine = model(hidden, output, outputs, false).compile(new SGD(0.1), loss(loss),
                        metrics)) {
            assertSame(host, engine, x, y, options);
        }
    }

    /** Sample weights, class weights, a schedule, steps per epoch, no bias: the fit's options on the host step. */
    @Test
    void fitOptionsGiveTheSameTrainingOnBothSteps() {
        float[][] x = Playground.spiral(41, 0.1, 2).x();
        float[][] y = Playground.spiral(41, 0.1, 2).y();
        float[] sampleWeight = new float[x.length];
        for (int i = 0; i < x.length; i++) {
            sampleWeight[i] = 0.25f + (i % 5) * 0.5f;
        }
        List<Supplier<FitOptions>> cases = List.of(
                () -> new FitOptions().epochs(12).batchSize(6).verbose(0).sampleWeight(sampleWeight),
                () -> new FitOptions().epochs(12).batchSize(6).verbose(0).classWeight(Map.of(0, 0.3, 1, 2.0)),
                () -> new FitOptions().epochs(12).batchSize(1).verbose(0).shuffle(false),
                () -> new FitOptions().epochs(9).batchSize(7).stepsPerEpoch(4).verbose(0));
        for (Supplier<FitOptions> options : cases) {
            for (boolean schedule : new boolean[] {false, true}) {
                try (Sequential host = noBias(true).compile(sgd(schedule), "mse", "accuracy");
                        Sequential engine = noBias(false).compile(sgd(schedule), "mse", "accuracy")) {
                    assertSame(host, engine, x, y, options.get());
                    assertEquals(engine.optimizer().iterations(), host.optimizer().iterations());
                    assertEquals(engine.optimizer().learningRate(), host.optimizer().learningRate(), 0);
                }
            }
        }
    }

    private static Optimizer sgd(boolean schedule) {
        return schedule ? new SGD(new LearningRateSchedules.ExponentialDecay(0.3, 20, 0.5)) : new SGD(0.2);
    }

    private static Sequential noBias(boolean host) {
        return new Sequential().seed(5).hostStep(host).add(new Dense(5, "tanh", 2).useBias(false))
                .add(new Dense(4, "relu")).add(new Dense(1, "sigmoid"));
    }

    /**
     * Callbacks see the trained weights (written back before them) and may set them (read again after): a callback
     * that records the weights after every epoch and every batch, and one that halves them after epoch 3, give the
     * same records and end on both steps.
     */
    @Test
    void callbacksSeeAndSetTheTrainedWeights() {
        float[][] x = Playground.xor(30, 0.1, 4).x();
        float[][] y = Playground.xor(30, 0.1, 4).y();
        List<List<float[]>> seen = new ArrayList<>();
        for (boolean host : new boolean[] {true, false}) {
            try (Sequential model = new Sequential().seed(8).hostStep(host).add(new Dense(6, "tanh", 2))
                    .add(new Dense(1, "sigmoid")).compile(new SGD(0.3), "mse")) {
                model.build(2);
                assertEquals(host, model.trainsOnHost(8), "which step trains");
                List<float[]> records = new ArrayList<>();
                LambdaCallback record = new LambdaCallback()
                        .onEpochEnd((epoch, logs) -> records.addAll(model.getWeights()))
                        .onBatchEnd((batch, logs) -> records.add(model.getWeights().get(0)));
                LambdaCallback halve = new LambdaCallback().onEpochEnd((epoch, logs) -> {
                    if (epoch == 3) {
                        List<float[]> w = model.getWeights();
                        for (float[] a : w) {
                            for (int i = 0; i < a.length; i++) {
                                a[i] *= 0.5f;
                            }
                        }
                        model.setWeights(w);
                    }
                });
                model.fit(x, y, new FitOptions().epochs(8).batchSize(8).verbose(0).callbacks(record, halve));
                records.addAll(model.getWeights());
                seen.add(records);
            }
        }
        assertEquals(seen.get(1).size(), seen.get(0).size());
        double diff = Precision.maxDifference(seen.get(0), seen.get(1));
        assertTrue(diff < TOLERANCE, "max difference of what the callbacks saw: " + diff);
        // The halving took effect: the weights after epoch 3's callbacks are not those before them.
        assertTrue(Precision.maxDifference(List.of(seen.get(0).get(4 * 6)), List.of(seen.get(0).get(4 * 6 + 4)))
                > 1e-3);
    }

    /**
     * Which callbacks make {@code fit} write the weights back around every batch: a program's callback that
     * overrides a batch method may read or set them; one that only overrides epoch methods, and the library's
     * callbacks that only read the logs, do not cost a copy a batch.
     */
    @Test
    void callbacksThatOverrideABatchMethodGetTheWeightsEveryBatch() {
        Callback perBatch = new Callback() {
            @Override
            public void onBatchEnd(int batch, Map<String, Double> logs) {
            }
        };
        Callback beforeBatch = new Callback() {
            @Override
            public void onBatchBegin(int batch) {
            }
        };
        Callback perEpoch = new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
            }
        };
        assertTrue(perBatch.usesWeightsPerBatch());
        assertTrue(beforeBatch.usesWeightsPerBatch());
        assertFalse(perEpoch.usesWeightsPerBatch());
        assertFalse(new ProgressLogger(1).usesWeightsPerBatch());
        assertFalse(new TerminateOnNaN().usesWeightsPerBatch());
        assertFalse(new LambdaCallback().onEpochEnd((e, logs) -> { }).usesWeightsPerBatch());
        assertTrue(new LambdaCallback().onBatchBegin(b -> { }).usesWeightsPerBatch());
    }

    /**
     * The host step writes the weights back by copying into the model's arrays, keeping their storage: a fit on the
     * engine (batches too large for the host) whose callback trains a few rows with {@code trainOnBatch} (small
     * enough for the host) goes on training the same arrays, and ends where the same program ends with every step on
     * the engine. (Writing back by giving the arrays new storage left the outer step's views of the kernels behind,
     * and the kernels stopped training.)
     */
    @Test
    void aHostStepInsideAnEngineFitKeepsTheWeightsOneSetOfArrays() {
        float[][] x = Playground.spiral(300, 0.1, 6).x();
        float[][] y = Playground.spiral(300, 0.1, 6).y();
        float[][] fewX = java.util.Arrays.copyOf(x, 3);
        float[][] fewY = java.util.Arrays.copyOf(y, 3);
        List<List<float[]>> ends = new ArrayList<>();
        for (boolean host : new boolean[] {true, false}) {
            try (Sequential model = new Sequential().seed(4).hostStep(host).add(new Dense(16, "tanh", 2))
                    .add(new Dense(16, "tanh")).add(new Dense(1, "sigmoid")).compile(new SGD(0.2), "mse")) {
                model.build(2);
                assertFalse(model.trainsOnHost(300), "the fit's batches of 300 rows train on the engine");
                assertEquals(host, model.trainsOnHost(3), "trainOnBatch's 3 rows");
                LambdaCallback inner = new LambdaCallback().onEpochEnd((epoch, logs) -> model.trainOnBatch(fewX,
                        fewY));
                model.fit(x, y, new FitOptions().epochs(6).batchSize(300).verbose(0).callbacks(inner));
                ends.add(model.getWeights());
            }
        }
        double diff = Precision.maxDifference(ends.get(0), ends.get(1));
        assertTrue(diff < TOLERANCE, "max weight difference " + diff);
    }

    /** A weight decay set by a callback in the middle of a fit hands the steps to the engine, as plain SGD ends. */
    @Test
    void anOptimizerThatStopsBeingPlainSgdTrainsOnTheEngine() {
        float[][] x = Playground.circle(40, 0.1, 3).x();
        float[][] y = Playground.circle(40, 0.1, 3).y();
        List<List<float[]>> ends = new ArrayList<>();
        for (boolean host : new boolean[] {true, false}) {
            try (Sequential model = new Sequential().seed(2).hostStep(host).add(new Dense(5, "relu", 2))
                    .add(new Dense(1, "sigmoid")).compile(new SGD(0.2), "binary_crossentropy")) {
                LambdaCallback decay = new LambdaCallback().onEpochBegin(epoch -> {
                    if (epoch == 4) {
                        model.optimizer().weightDecay(0.1);
                    }
                });
                History h = model.fit(x, y, new FitOptions().epochs(10).batchSize(8).verbose(0)
                        .callbacks(decay));
                ends.add(model.getWeights());
                ends.add(List.of(toFloats(h.get("loss"))));
            }
        }
        double diff = Precision.maxDifference(ends.get(0), ends.get(2));
        assertTrue(diff < TOLERANCE, "max weight difference " + diff);
        assertTrue(Precision.maxDifference(ends.get(1), ends.get(3)) < TOLERANCE);
    }

    /** Which fits train on the host: the seeds' tiny steps; not big ones, other optimizers, or when turned off. */
    @Test
    void theSeedsTinyStepsTrainOnTheHostAndLargeOnesOnTheEngine() {
        try (Sequential beans = new Sequential().add(new Dense(2, "sigmoid", 1)).add(new Dense(1, "sigmoid"))
                .compile(new SGD(0.03), "mse");
                Sequential spiral = new Sequential().add(new Dense(8, "relu", 2)).add(new Dense(8, "relu"))
                        .add(new Dense(8, "relu")).add(new Dense(1, "sigmoid")).compile(new SGD(0.05), "mse");
                Sequential wide = new Sequential().add(new Dense(256, "relu", 128)).add(new Dense(10, "softmax"))
                        .compile(new SGD(0.01), "categorical_crossentropy");
                Sequential adam = new Sequential().add(new Dense(8, "relu", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new Adam(0.01), "mse");
                Sequential momentum = new Sequential().add(new Dense(8, "relu", 2)).add(new Dense(1, "sigmoid"))
                        .compile(new SGD(0.01, 0.9, false), "mse")) {
            for (Sequential m : List.of(beans, spiral, wide, adam, momentum)) {
                m.build((int) m.layers().get(0).declaredInputShape().get(0));
            }
            assertTrue(beans.trainsOnHost(1));
            assertTrue(spiral.trainsOnHost(10));
            assertTrue(spiral.trainsOnHost(215), "215 rows of 152 multiply-adds: 32,680");
            assertFalse(spiral.trainsOnHost(216), "216 rows: 32,832 multiply-adds");
            assertFalse(wide.trainsOnHost(1), "35,328 multiply-adds a row");
            assertFalse(adam.trainsOnHost(10));
            assertFalse(momentum.trainsOnHost(10));
            assertFalse(beans.hostStep(false).trainsOnHost(1));
            assertFalse(spiral.fastPath(false).trainsOnHost(10));
        }
    }

    /**
     * Lesson 002's beans network per bean, 200 epochs: the host step makes no engine array during the fit (the
     * model's live arrays are the same after 20 and 200 epochs) and ends where the engine step ends.
     */
    @Test
    void theBeansPerSampleMakeNoEngineArraysAndEndWhereTheEngineEnds() {
        Dataset beans = Beans.hump(100, 1);
        List<List<float[]>> ends = new ArrayList<>();
        for (boolean host : new boolean[] {true, false}) {
            try (Sequential model = new Sequential().seed(1).hostStep(host).add(new Dense(2, "sigmoid", 1))
                    .add(new Dense(1, "sigmoid")).compile(new SGD(0.03), "mse", "accuracy")) {
                FitOptions options = new FitOptions().epochs(20).batchSize(1).shuffle(false).verbose(0);
                model.fit(beans.x(), beans.y(), options);
                int live = model.liveArrayCount();
                model.fit(beans.x(), beans.y(), new FitOptions().epochs(180).batchSize(1).shuffle(false)
                        .verbose(0));
                assertEquals(live, model.liveArrayCount());
                ends.add(model.getWeights());
            }
        }
        double diff = Precision.maxDifference(ends.get(0), ends.get(1));
        assertTrue(diff < TOLERANCE, "20,000 per-bean steps, max weight difference " + diff);
    }

    private static void assertSame(Sequential host, Sequential engine, float[][] x, float[][] y,
            FitOptions options) {
        host.build(x[0].length);
        assertTrue(host.trainsOnHost(options.batchSize()), "the host step trains");
        assertFalse(engine.trainsOnHost(options.batchSize()));
        assertTrue(engine.usesFastPath(), "the engine's hand-written step trains");
        List<float[]> start = host.getWeights();
        History hh = host.fit(x, y, options);
        History he = engine.fit(x, y, options);
        double diff = Precision.maxDifference(host.getWeights(), engine.getWeights());
        assertTrue(diff < TOLERANCE, "max weight difference " + diff);
        assertTrue(Precision.maxDifference(start, host.getWeights()) > 1e-3, "training changed the weights");
        for (String key : he.keys()) {
            List<Double> a = he.get(key);
            List<Double> b = hh.get(key);
            assertEquals(a.size(), b.size(), key);
            for (int e = 0; e < a.size(); e++) {
                assertEquals(a.get(e), b.get(e), TOLERANCE * Math.max(1, Math.abs(a.get(e))), key + " at epoch " + e);
            }
        }
    }

    private static Sequential model(String hidden, String output, int outputs, boolean host) {
        return new Sequential().seed(11).hostStep(host)
                .add(new Dense(6, hidden, 2)).add(new Dense(5, hidden)).add(new Dense(outputs, output));
    }

    private static Loss loss(String name) {
        return switch (name) {
            case "binary_crossentropy_logits" -> new Losses.BinaryCrossentropy(true);
            case "categorical_crossentropy_smoothed" -> new Losses.CategoricalCrossentropy(false, 0.1);
            case "categorical_crossentropy_logits" -> new Losses.CategoricalCrossentropy(true, 0);
            case "sparse_categorical_crossentropy_logits" -> new Losses.SparseCategoricalCrossentropy(true);
            default -> Loss.get(name);
        };
    }

    private static float[][] targets(float[][] x, int outputs, String loss) {
        boolean sparse = loss.startsWith("sparse");
        float[][] y = new float[x.length][sparse ? 1 : outputs];
        for (int i = 0; i < x.length; i++) {
            int c = Math.floorMod((int) Math.floor(x[i][0] + x[i][1]), outputs);
            if (sparse) {
                y[i][0] = c;
            } else if (loss.startsWith("categorical")) {
                y[i][c] = 1;
            } else {
                for (int k = 0; k < outputs; k++) {
                    y[i][k] = x[i][k % 2] * (k + 1) > 0 ? 1 : 0;
                }
            }
        }
        return y;
    }

    private static float[] toFloats(List<Double> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i).floatValue();
        }
        return out;
    }
}
