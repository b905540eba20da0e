package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * A trainable weight of a layer: its name ({@code kernel}, {@code bias}), and the engine array that holds it in
 * Keras' layout.
 */
public final class Weight {
    private final String name;
    private final NDArray array;

    public Weight(String name, NDArray array) {
        this.name = name;
        this.array = array;
    }

    /** {@code kernel} or {@code bias}. */
    public String name() {
        return name;
    }

    /** The array; updated in place by the optimizer. */
    public NDArray array() {
        return array;
    }

    /** Its shape, in Keras' layout (a kernel is (inputs, units)). */
    public Shape shape() {
        return array.getShape();
    }

    /** The number of scalars. */
    public long size() {
        return array.size();
    }

    /** A copy of the values, row-major. */
    public float[] values() {
        return array.toFloatArray();
    }

    /** Overwrites the values (row-major, same size). */
    public void setValues(String argument, float[] values) {
        if (values == null || values.length != array.size()) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: "
                    + (values == null ? "null" : values.length + " values")
                    + ". Expected " + array.size() + " values for shape " + array.getShape() + ".");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: it holds " + v
                        + ". Expected finite numbers.");
            }
        }
        // Not array.set(float[]): libtorch prints a deprecation warning (AutoNonVariableTypeMode) for that path.
        try (NDArray source = array.getManager().create(values, array.getShape())) {
            array.set(new NDIndex("..."), source);
        }
    }
}
