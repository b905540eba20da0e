package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.backend.Tensors;

/**
 * A trainable weight of a layer: its Keras name ({@code kernel}, {@code bias}) and the DJL {@link Parameter} that
 * holds it. The engine array is the parameter's own, in DJL's layout (a {@code Linear}'s weight is (units, inputs));
 * {@link #values()}, {@link #setValues} and {@link #shape()} speak Keras' layout (a kernel is (inputs, units)), so
 * the transposition happens here, at the API's edge, and nowhere else.
 */
public final class Weight {
    private final String name;
    private final Parameter parameter;
    private final boolean transposed;
    /** [layers] False for a layer's state that no gradient changes (BatchNormalization's moving statistics). */
    private boolean trainable = true;
    /** [layers] For an N-D weight: Keras' layout is the engine array transposed by these axes; null otherwise. */
    private final int[] kerasAxes;

    /**
     * @param name the Keras name
     * @param parameter the DJL parameter (initialized)
     * @param transposed whether the engine array is the transpose of Keras' 2-D layout
     */
    public Weight(String name, Parameter parameter, boolean transposed) {
        this.name = name;
        this.parameter = parameter;
        this.transposed = transposed;
        this.kerasAxes = null;
    }

    /**
     * A weight whose Keras layout is its engine array with the axes permuted: Keras' layout is
     * {@code engine.transpose(kerasAxes)} (a Conv2D kernel: engine (out, in, kh, kw), Keras (kh, kw, in, out), axes
     * {2, 3, 1, 0}).
     */
    public Weight(String name, Parameter parameter, int[] kerasAxes) {
        this.name = name;
        this.parameter = parameter;
        this.transposed = false;
        this.kerasAxes = kerasAxes.clone();
    }

    /** Marks this weight as state no optimizer updates (Keras' non-trainable weights); returns it. */
    public Weight nonTrainable() {
        this.trainable = false;
        return this;
    }

    /** Whether the optimizer may update it (the layer's trainable flag aside). */
    public boolean isTrainable() {
        return trainable;
    }

    /** {@code kernel} or {@code bias}. */
    public String name() {
        return name;
    }

    /** The DJL parameter. */
    public Parameter parameter() {
        return parameter;
    }

    /** The engine array (DJL's layout); updated in place by the optimizer. */
    public NDArray array() {
        return parameter.getArray();
    }

    /** Its shape in Keras' layout (a kernel is (inputs, units)). */
    public Shape shape() {
        Shape s = array().getShape();
        if (kerasAxes != null) {
            long[] d = new long[kerasAxes.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = s.get(kerasAxes[i]);
            }
            return new Shape(d);
        }
        return transposed ? new Shape(s.get(1), s.get(0)) : s;
    }

    /** The number of scalars. */
    public long size() {
        return array().size();
    }

    /** A copy of the values in Keras' layout, row-major. */
    public float[] values() {
        // In a scope: DJL reads a non-contiguous array through a contiguous copy that it does not free.
        try (NDScope scope = Autograd.scope()) {
            return toKeras(array().toFloatArray());
        }
    }

    /** Values of this weight's engine layout (e.g. its gradient) in Keras' layout. */
    public float[] toKeras(float[] engineValues) {
        if (kerasAxes != null) {
            return permute(engineValues, array().getShape().getShape(), kerasAxes);
        }
        if (!transposed) {
            return engineValues;
        }
        Shape s = array().getShape();
        return Tensors.transpose(engineValues, (int) s.get(0), (int) s.get(1));
    }

    /** Values in Keras' layout as this weight's engine layout (the inverse of {@link #toKeras}). */
    public float[] toEngine(float[] kerasValues) {
        if (kerasAxes != null) {
            int[] inverse = new int[kerasAxes.length];
            for (int i = 0; i < kerasAxes.length; i++) {
                inverse[kerasAxes[i]] = i;
            }
            return permute(kerasValues, shape().getShape(), inverse);
        }
        if (!transposed) {
            return kerasValues;
        }
        Shape s = array().getShape();
        return Tensors.transpose(kerasValues, (int) s.get(1), (int) s.get(0));
    }

    /** Row-major values of shape {@code dims} with their axes permuted: result axis i is input axis axes[i]. */
    static float[] permute(float[] values, long[] dims, int[] axes) {
        int rank = dims.length;
        long[] outDims = new long[rank];
        for (int i = 0; i < rank; i++) {
            outDims[i] = dims[axes[i]];
        }
        long[] inStrides = new long[rank];
        long stride = 1;
        for (int i = rank - 1; i >= 0; i--) {
            inStrides[i] = stride;
            stride *= dims[i];
        }
        float[] out = new float[values.length];
        int[] index = new int[rank];
        for (int o = 0; o < out.length; o++) {
            long from = 0;
            for (int i = 0; i < rank; i++) {
                from += index[i] * inStrides[axes[i]];
            }
            out[o] = values[(int) from];
            for (int i = rank - 1; i >= 0; i--) {
                if (++index[i] < outDims[i]) {
                    break;
                }
                index[i] = 0;
            }
        }
        return out;
    }

    /**
     * Checks values for {@link #setValues}: their count and finiteness. Throws naming {@code argument}.
     */
    public void check(String argument, float[] values) {
        if (values == null || values.length != size()) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: "
                    + (values == null ? "null" : values.length + " values")
                    + ". Expected " + size() + " values for shape " + shape() + ".");
        }
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: it holds " + v
                        + ". Expected finite numbers.");
            }
        }
    }

    /** Overwrites the values, given in Keras' layout (row-major, same size), after {@link #check}ing them. */
    public void setValues(String argument, float[] values) {
        check(argument, values);
        overwrite(values);
    }

    /**
     * Overwrites the values, given in Keras' layout (row-major, same size), unchecked: what a training step that
     * trained a copy of the weights writes back (non-finite values included, as a diverged step leaves them). An
     * indexed copy into the array, which keeps its storage and strides (a Dense kernel is a view of Keras' layout).
     */
    public void overwrite(float[] values) {
        Autograd.stopRecordingOnThisThread();
        NDArray array = array();
        // Not array.set(float[]): that gives the array new storage (views of the old one are left behind) and
        // libtorch prints a deprecation warning (AutoNonVariableTypeMode) for it.
        try (NDArray source = array.getManager().create(toEngine(values), array.getShape())) {
            array.set(new NDIndex("..."), source);
        }
    }
}
