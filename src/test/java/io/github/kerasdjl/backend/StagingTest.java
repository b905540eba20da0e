package io.github.kerasdjl.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StagingTest {

    private static float[][] rows(int n, int width, long seed) {
        Random random = new Random(seed);
        float[][] rows = new float[n][width];
        for (float[] row : rows) {
            for (int j = 0; j < width; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    @Test
    void theArrayHoldsTheRowsAndTheBufferIsReusedOnceTheArrayIsClosed() {
        Staging staging = new Staging();
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] a = rows(7, 3, 1);
            NDArray first = staging.toArray(manager, a);
            assertEquals(new Shape(7, 3), first.getShape());
            assertArrayEquals(Tensors.flatten(a), first.toFloatArray());
            first.close();
            float[][] b = rows(5, 3, 2); // smaller: fits the buffer of the first
            NDArray second = staging.toArray(manager, b);
            assertArrayEquals(Tensors.flatten(b), second.toFloatArray());
            assertEquals(1, staging.allocations(), "a closed array's buffer is filled again, not a new one taken");
            second.close();
            float[][] c = rows(9, 3, 3); // larger: a new buffer
            try (NDArray third = staging.toArray(manager, c)) {
                assertArrayEquals(Tensors.flatten(c), third.toFloatArray());
            }
            assertEquals(2, staging.allocations());
        }
    }

    @Test
    void releaseLetsTheBufferGoAndTheNextCallTakesANewOne() {
        Staging staging = new Staging();
        try (NDManager manager = NDManager.newBaseManager()) {
            staging.toArray(manager, rows(3, 2, 1)).close();
            staging.release();
            try (NDArray again = staging.toArray(manager, rows(3, 2, 2))) {
                assertArrayEquals(Tensors.flatten(rows(3, 2, 2)), again.toFloatArray());
            }
            assertEquals(2, staging.allocations(), "released: not kept for the next call");
        }
    }

    /** The rule broken (the last array still open): the new rows go to a new buffer, the open array keeps its values. */
    @Test
    void anArrayStillOpenIsNeverOverwritten() {
        Staging staging = new Staging();
        try (NDManager manager = NDManager.newBaseManager()) {
            float[][] a = rows(4, 2, 1);
            NDArray first = staging.toArray(manager, a);
            float[][] b = rows(4, 2, 2);
            NDArray second = staging.toArray(manager, b);
            assertArrayEquals(Tensors.flatten(a), first.toFloatArray());
            assertArrayEquals(Tensors.flatten(b), second.toFloatArray());
            assertEquals(2, staging.allocations());
        }
    }

    /**
     * Fits that follow each other on one model fill the same buffers with new data: each must train on its own data,
     * as a fresh model given the same weights and data does.
     */
    @Test
    void consecutiveFitsTrainOnTheirOwnData() {
        float[][] x1 = rows(32, 3, 1);
        float[][] x2 = rows(32, 3, 2);
        float[][] y1 = rows(32, 1, 3);
        float[][] y2 = rows(32, 1, 4);
        FitOptions options = new FitOptions().epochs(2).batchSize(8).shuffle(false).verbose(0);
        try (Sequential reused = model(); Sequential fresh = model()) {
            reused.fit(x1, y1, options);
            reused.fit(x2, y2, options);
            fresh.fit(x1, y1, options);
            try (Sequential second = model()) {
                second.build(3);
                second.setWeights(fresh.getWeights());
                second.fit(x2, y2, options);
                float[] expected = second.predict(x1)[0];
                assertArrayEquals(expected, reused.predict(x1)[0], 1e-6f);
            }
        }
    }

    private static Sequential model() {
        return new Sequential().seed(5).hostStep(false).add(new Dense(4, "relu", 3)).add(new Dense(1))
                .compile(new SGD(0.05), "mse");
    }
}
