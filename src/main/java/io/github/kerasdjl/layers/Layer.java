package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Random;

/**
 * A layer of a {@code Sequential} model: built once for an input width, then applied to batches.
 * Weights live in the model's {@link NDManager} and are freed when the model is closed.
 */
public abstract class Layer {

    private String name;
    private boolean built;

    /** The layer's name in the model (Keras style: {@code dense}, {@code dense_1}, ...), null until added. */
    public String getName() {
        return name;
    }

    /** Sets the name; a model names unnamed layers when they are added. */
    public Layer setName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `name`: '" + name
                    + "'. Expected a non-empty name.");
        }
        this.name = name;
        return this;
    }

    /** Keras' class name, e.g. {@code Dense}. */
    public abstract String typeName();

    /** The input width given by the user (Keras' {@code input_dim}), or 0 when it comes from the data. */
    public abstract int declaredInputDim();

    /** The width of the output for a given input width. */
    public abstract int outputDim(int inputDim);

    /** Whether the weights exist. */
    public boolean isBuilt() {
        return built;
    }

    /** Creates the weights for {@code inputDim} inputs in {@code manager}, drawing initial values from {@code random}. */
    public final void build(NDManager manager, int inputDim, Random random) {
        if (built) {
            throw new IllegalStateException("Layer '" + name + "' is already built");
        }
        createWeights(manager, inputDim, random);
        built = true;
    }

    /** Creates the weights. */
    protected abstract void createWeights(NDManager manager, int inputDim, Random random);

    /** The layer's output for a batch {@code x} of shape (batch, inputs). */
    public abstract NDArray forward(NDArray x, boolean training);

    /**
     * The layer's output computed with other copies of its weights (in {@link #weights()}'s order), as a replica
     * on another device uses them in data-parallel training. Layers without weights ignore them.
     */
    public NDArray forward(NDArray x, List<NDArray> weights, boolean training) {
        if (weights.isEmpty()) {
            return forward(x, training);
        }
        throw new UnsupportedOperationException("Layer '" + name + "' (" + typeName() + ") cannot run as a replica"
                + " on another device");
    }

    /** The trainable weights, in Keras' order (kernel, then bias), empty before {@link #build}. */
    public abstract List<Weight> weights();

    /** The regularization penalty of this layer's weights as an engine scalar (Keras' layer.losses), or null. */
    public NDArray penalty() {
        return null;
    }

    /** The same penalty computed on the host from the current weights; 0 without a regularizer. */
    public double hostPenalty() {
        return 0;
    }

    /** The number of scalars in the weights (0 before build). */
    public long countParams() {
        long n = 0;
        for (Weight w : weights()) {
            n += w.size();
        }
        return n;
    }

    /** The number of scalars the weights will have for a given input width. */
    public abstract long countParams(int inputDim);

    /** A short description of the layer's configuration. */
    @Override
    public String toString() {
        return typeName() + "(" + (name == null ? "" : name) + ")";
    }
}
