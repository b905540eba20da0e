package io.github.kerasdjl.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Keras;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.metrics.MeanMetric;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import org.junit.jupiter.api.Test;

/**
 * In mode auto a callback takes a metric's direction from the metric itself, as Keras reads {@code _direction}: a
 * built-in metric under a name of its own is still maximized or minimized as Keras would; a custom metric without a
 * direction needs an explicit mode.
 */
class MetricDirectionTest {

    private static final float[][] X = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
    private static final float[][] Y = {{1}, {1}, {0}, {0}};

    private static Sequential model(io.github.kerasdjl.metrics.Metric metric) {
        Sequential m = new Sequential().seed(1).add(new Dense(3, "tanh", 2)).add(new Dense(1, "sigmoid"));
        m.compile(new SGD(0.1), Keras.BinaryCrossentropy(false, 0), metric);
        return m;
    }

    @Test
    void aRenamedBuiltInMetricIsDirectedAsKerasDirectsIt() {
        assertEquals(Boolean.TRUE, Keras.Precision().named("p").maximize());
        assertEquals(Boolean.FALSE, Keras.RootMeanSquaredError().maximize());
        try (Sequential m = model(Keras.Precision().named("p"))) {
            History h = m.fit(X, Y, new FitOptions().epochs(3).verbose(0).callbacks(
                    Keras.EarlyStopping("p", 0, 5, false), new ReduceLROnPlateau("p", 0.5, 5)));
            assertEquals(3, h.get("p").size(), "trained, the monitor resolved to max");
        }
    }

    @Test
    void aCustomMetricWithoutADirectionNeedsAMode() {
        MeanMetric mine = new MeanMetric("mine") {
            @Override
            protected double value(float[] yTrue, int trueOffset, int trueCols, float[] yPred, int predOffset,
                    int predCols) {
                return 0;
            }
        };
        try (Sequential m = model(mine)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> m.fit(X, Y,
                    new FitOptions().epochs(1).verbose(0).callbacks(Keras.EarlyStopping("mine", 0, 5, false))));
            assertTrue(e.getMessage().contains("mode 'max'"), e.getMessage());
        }
    }
}
