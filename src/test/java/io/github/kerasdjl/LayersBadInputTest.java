package io.github.kerasdjl;

import static io.github.kerasdjl.Keras.Conv2D;
import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Flatten;
import static io.github.kerasdjl.Keras.Input;
import static io.github.kerasdjl.Keras.MaxPooling2D;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.layers.Conv2D;
import io.github.kerasdjl.layers.Dropout;
import io.github.kerasdjl.layers.InputLayer;
import io.github.kerasdjl.layers.Pooling2D;
import io.github.kerasdjl.layers.Reshape;
import io.github.kerasdjl.optimizers.SGD;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to the layers and N-D data: each an IllegalArgumentException naming the argument or layer, the value
 * or shape given and what is valid, before anything is built or trained.
 */
class LayersBadInputTest {

    static void rejected(Executable call, String... words) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }

    static Sequential images() {
        return new Sequential().add(Input(8, 8, 1)).add(Conv2D(4, 3, "relu")).add(Flatten()).add(Dense(2))
                .compile(new SGD(0.1), "mse");
    }

    @Test
    void kernelLargerThanTheInput() {
        rejected(() -> new Sequential().add(Input(2, 2, 1)).add(Conv2D(1, 3)), "conv2d", "(None, 2, 2, 1)",
                "kernel (3) is larger than the input (2)", "padding='same'");
        rejected(() -> new Sequential().add(Input(9, 9, 1)).add(new Conv2D(1, 3).dilationRate(5)),
                "dilated 5 to 11", "larger than the input (9)");
        rejected(() -> new Sequential().add(Input(3, 8, 1)).add(MaxPooling2D(4)), "max_pooling2d",
                "pool window (4) is larger than the input (3)");
        // Without an Input: the data's shape is checked before anything is built
        Sequential model = new Sequential().add(Conv2D(1, 5)).add(Flatten()).add(Dense(1)).compile(new SGD(0.1),
                "mse");
        rejected(() -> model.fit(new float[2][4][4][1], new float[] {1, 2}, 1, 1), "kernel (5)",
                "larger than the input (4)");
        assertFalse(model.isBuilt());
        // "same" padding takes a kernel larger than the input
        try (Sequential same = new Sequential().add(Input(2, 2, 1)).add(new Conv2D(1, 3).padding("same"))) {
            assertEquals(new Shape(2, 2, 1), same.outputShape(same.inputShape()));
        }
    }

    @Test
    void dropoutRates() {
        rejected(() -> new Dropout(-0.01), "`rate`", "-0.01", "between 0 and 1");
        rejected(() -> new Dropout(1.0), "`rate`", "1.0", "1 excluded");
        rejected(() -> Keras.Dropout(Double.NaN), "`rate`", "NaN");
    }

    @Test
    void flattenWithNothingToFlatten() {
        rejected(() -> new Sequential().add(Input(5)).add(Flatten()), "flatten", "(None, 5)", "nothing to flatten");
        rejected(() -> new Sequential().add(Dense(3, "relu", 4)).add(Flatten()), "(None, 3)", "nothing to flatten");
        Sequential late = new Sequential().add(Dense(3)).add(Flatten()).compile(new SGD(0.1), "mse");
        rejected(() -> late.fit(new float[][] {{1, 2}}, new float[][] {{1, 2, 3}}, 1, 1), "nothing to flatten");
        assertFalse(late.isBuilt());
    }

    @Test
    void rankMismatchesBetweenDataAndInput() {
        Sequential model = images();
        rejected(() -> model.fit(new float[3][64], new float[3][2], 1, 1), "`x`", "data of shape (3, 64)",
                "(None, 8, 8, 1)", "Expected data of shape (3, 8, 8, 1)");
        rejected(() -> model.fit(new float[3][8][8], new float[3][2], 1, 1), "`x`", "(3, 8, 8)", "rank 2",
                "(None, 8, 8, 1)");
        rejected(() -> model.fit(new float[3][8][8][3], new float[3][2], 1, 1), "`x`", "(3, 8, 8, 3)",
                "(None, 8, 8, 1)");
        rejected(() -> model.predict(new float[2][8][7][1]), "`x`", "(2, 8, 7, 1)", "(None, 8, 8, 1)");
        rejected(() -> model.evaluate(new float[2][8][8][2], new float[2][2]), "`x`", "(None, 8, 8, 1)");
        try (NDManager m = NDManager.newBaseManager()) {
            rejected(() -> model.predict(m.zeros(new Shape(2, 64))), "`x`", "(2, 64)", "(None, 8, 8, 1)");
        }
        assertFalse(model.isBuilt(), "nothing was built");
        Sequential flat = new Sequential().add(Input(4)).add(Dense(1)).compile(new SGD(0.1), "mse");
        rejected(() -> flat.fit(new float[2][2][2][1], new float[] {1, 2}, 1, 1), "`x`", "(2, 2, 2, 1)",
                "(None, 4)");
        rejected(() -> flat.predict(new float[][] {{1, 2, 3}}), "`x`", "rows of 3", "takes 4");
        // once built for one shape, another is refused
        flat.fit(new float[][] {{1, 2, 3, 4}}, new float[] {1}, 1, 1);
        rejected(() -> flat.predict(new float[1][4][1]), "`x`", "(None, 4)", "as built");
    }

    @Test
    void raggedOrNonFiniteImages() {
        Sequential model = images();
        float[][][][] ragged = new float[2][8][8][1];
        ragged[1][3] = new float[7][1];
        rejected(() -> model.fit(ragged, new float[2][2], 1, 1), "`x`", "x[1][3] has 7 values", "axis 2 has 8",
                "(8, 8, 1)");
        float[][][][] nan = new float[2][8][8][1];
        nan[0][2][5][0] = Float.NaN;
        rejected(() -> model.predict(nan), "`x`", "x[0][2][5][0] is NaN");
        float[][][][] hole = new float[2][8][8][1];
        hole[1][0][0] = null;
        rejected(() -> model.predict(hole), "`x`", "x[1][0][0] has null");
        rejected(() -> model.predict(new float[0][8][8][1]), "`x`", "empty data set");
    }

    @Test
    void inputsAndShapes() {
        rejected(() -> Input(8, 0, 1), "`shape`", "(None, 8, 0, 1)", ">= 1");
        rejected(() -> Input(), "`shape`", "()");
        rejected(() -> new Sequential().add(Input(3)).add(Input(4)), "already been configured", "(None, 3)");
        rejected(() -> new Sequential().add(Dense(3)).add(new InputLayer(4)), "Input only as the first layer");
        rejected(() -> new Sequential().add(Input(4)).add(Conv2D(1, 1)), "conv2d", "(None, 4)", "rank 3");
        rejected(() -> new Sequential().add(Input(12)).add(new Reshape(5, -1)), "divisible by 5");
        rejected(() -> new Reshape(2, -1, -1), "`target_shape`", "at most one -1");
        rejected(() -> new Conv2D(0, 3), "`filters`", "0");
        rejected(() -> new Conv2D(2, 3).padding("full"), "`padding`", "full", "'valid', 'same'");
        rejected(() -> new Conv2D(2, 3).strides(2).dilationRate(2), "`dilation_rate`", "strides (2, 2)");
        rejected(() -> Pooling2D.max(0), "`pool_size`");
        Sequential image = new Sequential().add(Input(4, 4, 1)).add(Conv2D(2, 3)).compile(new SGD(0.1), "mse");
        rejected(() -> image.fit(new float[1][4][4][1], new float[1][8], 1, 1), "outputs of shape (None, 2, 2, 2)",
                "Flatten");
    }

    @Test
    void savingWhatAFileCannotHoldIsRefusedByNameAndWritesNothing(@TempDir Path dir) {
        try (Sequential model = new Sequential().add(Input(4)).add(Keras.Normalization()).add(Dense(1))
                .compile(new SGD(0.1), "mse")) {
            model.build(new Shape(4));
            Path file = dir.resolve("norm.keras");
            rejected(() -> model.save(file), "normalization", "Normalization", "cannot be saved yet",
                    "BatchNormalization", "Nothing was written");
            assertFalse(Files.exists(file));
        }
        try (Sequential model = images()) {
            model.build(new Shape(8, 8, 1));
            rejected(() -> model.saveDjl(dir.resolve("djl")), "conv2d", "Conv2D", "DJL's format", ".keras");
            assertFalse(Files.exists(dir.resolve("djl")));
        }
        try (Sequential dense = new Sequential().add(Input(2, 3)).add(Dense(2)).compile(new SGD(0.1), "mse")) {
            dense.build(new Shape(2, 3));
            rejected(() -> dense.saveDjl(dir.resolve("nd")), "(None, 2, 3)", "only flat inputs");
            assertFalse(Files.exists(dir.resolve("nd")));
        }
    }
}
