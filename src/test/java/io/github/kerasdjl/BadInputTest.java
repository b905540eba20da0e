package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.training.FitOptions;
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

    /** Fails before building or training: the model is untouched (no weights created, no steps taken). */
    private static void assertRejectedUntouched(Executable fit, String... parts) {
        assertMessage(IllegalArgumentException.class, fit, parts);
    }

    @Test
    void rowCountsDiffer() {
        Sequential m = compiled();
        assertRejectedUntouched(() -> m.fit(X, new float[][] {{1}, {0}}, 1, 1), "`y`", "2 rows", "`x` has 3");
        assertFalse(m.isBuilt());
        assertTrue(m.optimizer().iterations() == 0);
    }

    @Test
    void rowWidthDoesNotMatchTheModelInput() {
        Sequential m = compiled();
        assertRejectedUntouched(() -> m.fit(new float[][] {{1, 2, 3}}, new float[][] {{1}}, 1, 1),
                "`x`", "rows of 3", "takes 2 input(s)", "'dense'");
        assertFalse(m.isBuilt());
        assertRejectedUntouched(() -> m.predict(new float[][] {{1}}), "`x`", "rows of 1", "takes 2");
    }

    @Test
    void raggedRows() {
        assertRejectedUntouched(() -> compiled().fit(new float[][] {{1, 2}, {3}}, new float[][] {{1}, {0}}, 1, 1),
                "`x`", "row 1 has 1 values", "row 0 has 2");
    }

    @Test
    void yHasTheWrongNumberOfColumns() {
        assertRejectedUntouched(() -> compiled().fit(X, new float[][] {{1, 0}, {1, 0}, {0, 1}}, 1, 1),
                "`y`", "rows of 2 value(s)", "last layer 'dense_1' has 1 unit(s)");
    }

    @Test
    void emptyDataSet() {
        assertRejectedUntouched(() -> compiled().fit(new float[0][], new float[0][], 1, 1),
                "`x`", "empty data set", "0 rows");
        assertRejectedUntouched(() -> compiled().fit(null, Y, 1, 1), "`x`", "null");
    }

    @Test
    void nanOrInfinityInXOrY() {
        assertRejectedUntouched(() -> compiled().fit(new float[][] {{0, 1}, {Float.NaN, 0}, {1, 1}}, Y, 1, 1),
                "`x`", "row 1, column 0 is NaN");
        assertRejectedUntouched(() -> compiled().fit(X, new float[][] {{1}, {Float.POSITIVE_INFINITY}, {0}}, 1, 1),
                "`y`", "row 1, column 0 is Infinity");
    }

    @Test
    void negativeEpochsAndBatchSizeBelowOne() {
        assertRejectedUntouched(() -> compiled().fit(X, Y, -1, 1), "`epochs`", "-1", ">= 0");
        assertRejectedUntouched(() -> compiled().fit(X, Y, 1, 0), "`batch_size`", "0", ">= 1");
        assertRejectedUntouched(() -> compiled().fit(X, Y, new FitOptions().verbose(3)), "`verbose`", "3");
        assertRejectedUntouched(() -> compiled().fit(X, Y, new FitOptions().validationSplit(1.0)),
                "`validation_split`", "1.0");
        assertRejectedUntouched(() -> compiled().fit(X, Y, new FitOptions().validationSplit(0.9).verbose(0)),
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

    @Test
    void modelWithoutLayers() {
        Sequential m = Sequential();
        m.compile(SGD(0.1), "mse");
        assertMessage(IllegalStateException.class, () -> m.fit(X, Y, 1, 1), "no layers");
    }
}
