package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * A layer of a {@code Sequential} model, as Keras describes it (name, configuration, output width), compiled to DJL
 * blocks when the model is built: the model's {@code SequentialBlock} is the blocks of its layers in order, and the
 * layer's weights are those blocks' parameters.
 */
public abstract class Layer {

    private String name;
    private List<Block> blocks;

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

    /** The number of scalars the weights will have for a given input width. */
    public abstract long countParams(int inputDim);

    /** Whether the layer's blocks exist (the model is built). */
    public boolean isBuilt() {
        return blocks != null;
    }

    /**
     * Creates this layer's DJL blocks for {@code inputDim} inputs. Their parameters get their values when the model
     * initializes its block, drawn from {@code random} in order (so a seed gives the same weights on any device).
     */
    public final List<Block> build(int inputDim, Random random) {
        if (blocks != null) {
            throw new IllegalStateException("Layer '" + name + "' is already built");
        }
        blocks = List.copyOf(createBlocks(inputDim, random));
        return blocks;
    }

    /** The blocks, in order. */
    protected abstract List<Block> createBlocks(int inputDim, Random random);

    /** This layer's DJL blocks (empty before build). */
    public List<Block> blocks() {
        return blocks == null ? List.of() : blocks;
    }

    /** Forgets the blocks of a build that failed, so that the layer can be built again. */
    public void discardBlocks() {
        blocks = null;
    }

    /** The trainable weights, in Keras' order (kernel, then bias); empty before the model is built. */
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

    /** A short description of the layer's configuration. */
    @Override
    public String toString() {
        return typeName() + "(" + (name == null ? "" : name) + ")";
    }
}
