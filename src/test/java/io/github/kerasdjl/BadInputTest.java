package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.training.FitOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Every bad input is a clear error before any training: it names the argument and the value, and what is valid. */
class BadInputTest {

    private static final float[][] X = {{0, 1}, {1, 0}, {1, 1}};
    private static final float[][] Y = {{1}, {1}, {0}};

    private static Sequential compiled() {
        Sequential model = Sequential().add(Dense(4, "relu", 2)).add(Dense(1, "sigmoid")).seed(1);
        model.compile(SGD(0.1), "mse", "accuracy");
        return model;
    }

    private static void assertMessage(Class<? extends Throwable> type, Executable call, String... parts) {
        Throwable e = assertThrows(type, call);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
        }
    }

    /** A call on a model. */
    private interface Call {
        void on(Sequential model) throws Throwable;
    }

    /** A model like {@link #compiled()}, trained a few steps with momentum, so that it has weights and state. */
    private static Sequential trained() {
        Sequential model = Sequential().add(Dense(4, "relu", 2)).add(Dense(1, "sigmoid")).seed(1);
        model.compile(SGD(0.1, 0.9), "mse", "accuracy");
        model.fit(X, Y, new FitOptions().epochs(3).batchSize(2).verbose(0));
        return model;
    }

    /**
     * The call fails with a clear message and leaves the model untouched, on a fresh compiled model and on a trained
     * one: each is compared with a twin the call never touched. Same build state, weights, optimizer step count and
     * engine arrays (no optimizer state created); then one more epoch of both ends at the same weights, so the
     * optimizer's state (momentum) is unchanged too.
     */
    private static void assertRejectedUntouched(Call call, String... parts) {
        assertRejectedUntouched(true, call, parts);
    }

    /** As above; on a trained model only when {@code freshToo} is false (calls that need weights). */
    private static void assertRejectedUntouched(boolean freshToo, Call call, String... parts) {
        for (boolean train : freshToo ? new boolean[] {false, true} : new boolean[] {true}) {
            try (Sequential model = train ? trained() : compiled(); Sequential twin = train ? trained() : compiled()) {
                assertMessage(IllegalArgumentException.class, () -> call.on(model), parts);
                assertEquals(twin.isBuilt(), model.isBuilt(), "build state");
                assertEquals(twin.optimizer().iterations(), model.optimizer().iterations(), "optimizer steps");
                assertEquals(twin.liveArrayCount(), model.liveArrayCount(), "engine arrays");
                if (twin.isBuilt()) {
                    assertEquals(0.0, Precision.maxDifference(twin.getWeights(), model.getWeights()), "weights");
                }
                FitOptions more = new FitOptions().epochs(1).batchSize(2).shuffle(false).verbose(0);
                twin.fit(X, Y, more);
                model.fit(X, Y, more);
                assertEquals(0.0, Precision.maxDifference(twin.getWeights(), model.getWeights()),
                        "weights after one more epoch (optimizer state)");
            }
        }
    }

    @Test
    void rowCountsDiffer() {
        assertRejectedUntouched(m -> m.fit(X, new float[][] {{1}, {0}}, 1, 1), "`y`", "2 rows", "`x` has 3");
    }

    @Test
    void rowWidthDoesNotMatchTheModelInput() {
        assertRejectedUntouched(m -> m.fit(new float[][] {{1, 2, 3}}, new float[][] {{1}}, 1, 1),
                "`x`", "rows of 3", "takes 2 input(s)", "'dense'");
        assertRejectedUntouched(m -> m.predict(new float[][] {{1}}), "`x`", "rows of 1", "takes 2");
    }

    @Test
    void raggedRows() {
        assertRejectedUntouched(m -> m.fit(new float[][] {{1, 2}, {3}}, new float[][] {{1}, {0}}, 1, 1),
                "`x`", "row 1 has 1 values", "row 0 has 2");
    }

    @Test
    void yHasTheWrongNumberOfColumns() {
        assertRejectedUntouched(m -> m.fit(X, new float[][] {{1, 0}, {1, 0}, {0, 1}}, 1, 1),
                "`y`", "rows of 2 value(s)", "last layer 'dense_1' has 1 unit(s)");
    }

    @Test
    void emptyDataSet() {
        assertRejectedUntouched(m -> m.fit(new float[0][], new float[0][], 1, 1),
                "`x`", "empty data set", "0 rows");
        assertRejectedUntouched(m -> m.fit((float[][]) null, Y, 1, 1), "`x`", "null");
    }

    @Test
    void nanOrInfinityInXOrY() {
        assertRejectedUntouched(m -> m.fit(new float[][] {{0, 1}, {Float.NaN, 0}, {1, 1}}, Y, 1, 1),
                "`x`", "row 1, column 0 is NaN");
        assertRejectedUntouched(m -> m.fit(X, new float[][] {{1}, {Float.POSITIVE_INFINITY}, {0}}, 1, 1),
                "`y`", "row 1, column 0 is Infinity");
    }

    @Test
    void negativeEpochsAndBatchSizeBelowOne() {
        assertRejectedUntouched(m -> m.fit(X, Y, -1, 1), "`epochs`", "-1", ">= 0");
        assertRejectedUntouched(m -> m.fit(X, Y, 1, 0), "`batch_size`", "0", ">= 1");
        assertRejectedUntouched(m -> m.fit(X, Y, new FitOptions().verbose(3)), "`verbose`", "3");
        assertRejectedUntouched(m -> m.fit(X, Y, new FitOptions().validationSplit(1.0)),
                "`validation_split`", "1.0");
        assertRejectedUntouched(m -> m.fit(X, Y, new FitOptions().validationSplit(0.9).verbose(0)),
                "`validation_split`", "3 samples");
    }

    @Test
    void zeroEpochsIsValidAndTrainsNothing() {
        Sequential m = compiled();
        History h = m.fit(X, Y, new FitOptions().epochs(0).verbose(0));
        assertTrue(h.epochs().isEmpty());
        assertTrue(m.optimizer().iterations() == 0);
    }

    @Test
    void fitOrEvaluateBeforeCompile() {
        Sequential m = Sequential().add(Dense(1, "sigmoid", 2));
        assertMessage(IllegalStateException.class, () -> m.fit(X, Y, 1, 1), "compile", "fit()");
        assertMessage(IllegalStateException.class, () -> m.evaluate(X, Y), "compile", "evaluate()");
    }

    @Test
    void unknownNamesInCompileAndLayers() {
        Sequential m = Sequential().add(Dense(1, "sigmoid", 2));
        assertMessage(IllegalArgumentException.class, () -> m.compile(SGD(0.1), "mes"), "`loss`", "'mes'",
                "Did you mean 'mse'?");
        assertMessage(IllegalArgumentException.class, () -> m.compile(SGD(0.1), "mse", "acuracy"), "`metric`",
                "'acuracy'", "Did you mean 'accuracy'?");
        assertMessage(IllegalArgumentException.class, () -> m.compile("sdg", "mse"), "`optimizer`", "'sdg'",
                "Did you mean 'sgd'?");
        assertMessage(IllegalArgumentException.class, () -> Dense(8, "rlu"), "`activation`", "'rlu'",
                "Did you mean 'relu'?");
        assertMessage(IllegalArgumentException.class, () -> m.compile(SGD(0.1), "mse", "mse", "mse"),
                "`metrics`", "twice");
    }

    @Test
    void badLayerAndOptimizerArguments() {
        assertMessage(IllegalArgumentException.class, () -> Dense(0), "`units`", "0");
        assertMessage(IllegalArgumentException.class, () -> Dense(3, "relu", -2), "`input_dim`", "-2");
        assertMessage(IllegalArgumentException.class, () -> SGD(-0.1), "`learning_rate`", "-0.1");
        assertMessage(IllegalArgumentException.class, () -> SGD(Double.NaN), "`learning_rate`", "NaN");
        assertMessage(IllegalArgumentException.class, () -> Keras.SGD(0.1, 1.5), "`momentum`", "1.5");
        assertMessage(IllegalArgumentException.class, () -> Keras.Adam(0.1, 1.0, 0.9, 1e-7), "`beta_1`");
        assertMessage(IllegalArgumentException.class, () -> Keras.Adam(0.1, 0.9, 0.9, 0), "`epsilon`");
        assertMessage(IllegalArgumentException.class,
                () -> Sequential().add(Dense(4, "relu", 2)).add(Dense(1, "relu", 3)), "`input_dim`", "3",
                "previous layer has 4 outputs");
    }

    /** Every array is checked before any is written: a NaN in the last one leaves the first ones as they were. */
    @Test
    void setWeightsWithABadLastArrayWritesNothing() {
        Call nanInLast = m -> {
            List<float[]> w = m.getWeights();
            for (float[] a : w) {
                a[0] += 0.5f;
            }
            w.get(w.size() - 1)[0] = Float.NaN;
            m.setWeights(w);
        };
        assertRejectedUntouched(false, nanInLast, "`weights`", "NaN", "finite");
        Call shortLast = m -> {
            List<float[]> w = m.getWeights();
            w.get(0)[0] += 0.5f;
            w.set(w.size() - 1, new float[0]);
            m.setWeights(w);
        };
        assertRejectedUntouched(false, shortLast, "`weights`", "array 3 has 0 values");
        assertRejectedUntouched(false, m -> ((io.github.kerasdjl.layers.Dense) m.layers().get(0))
                .setKernel(new float[][] {{1, 2, 3, Float.POSITIVE_INFINITY}, {0, 0, 0, 0}}), "`kernel`", "Infinity");
    }

    @Test
    void modelWithoutLayers() {
        Sequential m = Sequential();
        m.compile(SGD(0.1), "mse");
        assertMessage(IllegalStateException.class, () -> m.fit(X, Y, 1, 1), "no layers");
    }

    /** Nulls end in a message that names the argument, never a bare NullPointerException. */
    @Test
    void nullsAreNamed() {
        assertMessage(IllegalArgumentException.class, () -> compiled().compile(SGD(0.1), "mse", (String[]) null),
                "`metrics`", "null");
        assertMessage(IllegalArgumentException.class, () -> compiled().compile(SGD(0.1), "mse", (String) null),
                "`metric`", "null");
        assertMessage(IllegalArgumentException.class,
                () -> compiled().compile(SGD(0.1), io.github.kerasdjl.losses.Loss.get("mse"),
                        (io.github.kerasdjl.metrics.Metric[]) null), "`metrics`", "null");
        assertRejectedUntouched(m -> m.fit((ai.djl.ndarray.NDArray) null, null, new FitOptions()), "`x`", "null");
        assertMessage(IllegalArgumentException.class, () -> new FitOptions().callbacks((Callback) null),
                "`callbacks`", "element 0 is null");
        assertMessage(IllegalArgumentException.class, () -> Keras.EarlyStopping(null, 0, 1, false), "`monitor`",
                "null");
        assertRejectedUntouched(m -> m.fit(X, Y, new FitOptions().validationData(X, new float[][] {{1}})),
                "`validation_data y`", "1 rows", "`validation_data x` has 3");
        assertMessage(IllegalArgumentException.class, () -> Sequential().device(" "), "`device`", "empty");
    }

    /** An optimizer's state is one model's: compiling it into a second open model is refused, naming both. */
    @Test
    void oneOptimizerInTwoModelsIsRefused() {
        io.github.kerasdjl.optimizers.Adam adam = Keras.Adam();
        try (Sequential a = new Sequential("first").add(Dense(1, "sigmoid", 2))) {
            a.compile(adam, "mse");
            a.fit(X, Y, new FitOptions().epochs(2).verbose(0));
            Sequential b = new Sequential("second").add(Dense(1, "sigmoid", 2));
            assertMessage(IllegalArgumentException.class, () -> b.compile(adam, "mse"), "`optimizer`",
                    "already compiled into model 'first'", "model 'second' a new one");
            assertEquals(2, adam.iterations(), "the first model's state is untouched");
            a.compile(adam, "mse"); // recompiling the same model with its own optimizer is fine
        }
        Sequential b = new Sequential("second").add(Dense(1, "sigmoid", 2));
        b.compile(adam, "mse"); // the first model is closed: the optimizer is free
        b.close();
    }

    /**
     * A callback's bad argument is found before anything is built or trained, not after the first epoch (Keras
     * raises there for a monitor whose direction it cannot tell in mode auto; a key the logs lack, such as val_loss
     * without validation data, is a warning, as Keras: KerasCallbacksTest).
     */
    @Test
    void earlyStoppingOnAKeyTheLogsWillNotHave() {
        assertRejectedUntouched(m -> m.fit(X, Y, new FitOptions().epochs(3).verbose(0).validationSplit(0.34)
                .callbacks(Keras.EarlyStopping("val_acc", 0, 1, false))), "'val_acc'",
                "[loss, accuracy, val_loss, val_accuracy]");
    }
}
