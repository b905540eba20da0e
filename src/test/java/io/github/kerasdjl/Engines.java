package io.github.kerasdjl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Small helpers for tests that need engine arrays. */
public final class Engines {
    private Engines() {
    }

    /** A (rows, cols) array from rows. */
    public static NDArray matrix(NDManager m, float[][] rows) {
        return io.github.kerasdjl.backend.Tensors.toArray(m, rows);
    }

    /** A 1-D array. */
    public static NDArray vector(NDManager m, float... values) {
        return m.create(values, new Shape(values.length));
    }
}
