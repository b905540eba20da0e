package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * A layer of a {@code Sequential} model, as Keras describes it (name, configuration, output shape), compiled to DJL
 * blocks when the model is built: the model's {@code SequentialBlock} is the blocks of its layers in order, and the
 * layer's weights are those blocks' parameters.
 *
 * <p>Shapes are per sample, without the batch axis (Keras' {@code (None, ...)} is the batch), channels last: an
 * image is {@code (height, width, channels)}. A layer maps its input shape to its output shape
 * ({@link #outputShape}); the width methods ({@link #outputDim(int)}, {@link #countParams(int)}) are the rank-1 case.
 */
public abstract class Layer {

    private String name;
    private List<Block> blocks;
    private Shape declaredInputShape;
    private Shape builtInputShape;
    private boolean trainable = true;

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

    /**
     * The base of the name a model gives this layer when it has none: Keras' {@code to_snake_case} of the class
     * name ({@code Dense} to {@code dense}, {@code MaxPooling2D} to {@code max_pooling2d}).
     */
    public String defaultName() {
        String n = typeName().replaceAll("\\W+", "");
        n = n.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        return n.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Keras' {@code input_shape} for a first layer: the shape of one sample, without the batch axis, e.g.
     * {@code inputShape(8, 8, 1)}. A model whose first layer has one builds an {@code InputLayer} of that shape.
     */
    public Layer inputShape(long... dims) {
        if (isBuilt()) {
            throw new IllegalStateException("Cannot change `input_shape` of layer '" + name + "' after it is built");
        }
        this.declaredInputShape = checkShape("input_shape", dims);
        return this;
    }

    /** A shape argument checked: at least one axis, each >= 1. */
    public static Shape checkShape(String argument, long... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: "
                    + (dims == null ? "null" : "()") + ". Expected the shape of one sample (without the batch"
                    + " axis), at least one axis, e.g. (8, 8, 1).");
        }
        for (long d : dims) {
            if (d < 1) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: "
                        + format(new Shape(dims)) + ". Expected every axis >= 1.");
            }
        }
        return new Shape(dims);
    }

    /** A per-sample shape as Keras prints a batch of it: {@code (None, 6, 6, 16)}. */
    public static String format(Shape sample) {
        StringBuilder b = new StringBuilder("(None");
        for (long d : sample.getShape()) {
            b.append(", ").append(d);
        }
        return b.append(')').toString();
    }

    /** The input width given by the user (Keras' {@code input_dim}), or 0 when it comes from the data. */
    public int declaredInputDim() {
        return declaredInputShape != null && declaredInputShape.dimension() == 1 ? (int) declaredInputShape.get(0)
                : 0;
    }

    /** The input shape given by the user ({@code input_shape}, or {@code input_dim} as a rank-1 shape), or null. */
    public Shape declaredInputShape() {
        if (declaredInputShape != null) {
            return declaredInputShape;
        }
        int dim = declaredInputDim();
        return dim == 0 ? null : new Shape(dim);
    }

    /**
     * The output shape of one sample for an input shape of one sample.
     *
     * @throws IllegalArgumentException when the layer cannot take that input (naming the layer and the shapes)
     */
    public abstract Shape outputShape(Shape input);

    /** The width of the output for a given input width (the rank-1 case of {@link #outputShape}). */
    public int outputDim(int inputDim) {
        return (int) outputShape(new Shape(inputDim)).size();
    }

    /** The number of scalars the weights will have for an input shape (0 for a layer without weights). */
    public long countParams(Shape input) {
        return 0;
    }

    /** The number of scalars the weights will have for a given input width. */
    public long countParams(int inputDim) {
        return countParams(new Shape(inputDim));
    }

    /** Whether the layer's blocks exist (the model is built). */
    public boolean isBuilt() {
        return blocks != null;
    }

    /** The input shape the layer was built for (null before build). */
    public Shape builtInputShape() {
        return builtInputShape;
    }

    /** {@link #build(Shape, Random)} for a rank-1 input of {@code inputDim} values. */
    public final List<Block> build(int inputDim, Random random) {
        return build(new Shape(inputDim), random);
    }

    /**
     * Creates this layer's DJL blocks for inputs of shape {@code input} (one sample). Their parameters get their
     * values when the model initializes its block, drawn from {@code random} in order (so a seed gives the same
     * weights on any device).
     */
    public final List<Block> build(Shape input, Random random) {
        if (blocks != null) {
            throw new IllegalStateException("Layer '" + name + "' is already built");
        }
        outputShape(input); // the layer's own check of what it can take, before anything is made
        blocks = List.copyOf(createBlocks(input, random));
        builtInputShape = input;
        return blocks;
    }

    /** The blocks, in order, for inputs of shape {@code input} (one sample). */
    protected abstract List<Block> createBlocks(Shape input, Random random);

    /** This layer's DJL blocks (empty before build). */
    public List<Block> blocks() {
        return blocks == null ? List.of() : blocks;
    }

    /** Forgets the blocks of a build that failed, so that the layer can be built again. */
    public void discardBlocks() {
        blocks = null;
        builtInputShape = null;
    }

    /**
     * Every weight, in Keras' order ({@code get_weights}: kernel, then bias; BatchNormalization's gamma, beta,
     * moving mean, moving variance); empty before the model is built or without weights.
     */
    public List<Weight> weights() {
        return List.of();
    }

    /** The weights the optimizer updates: none when the layer is frozen ({@code trainable(false)}). */
    public List<Weight> trainableWeights() {
        return trainable ? weights().stream().filter(Weight::isTrainable).toList() : List.of();
    }

    /** The number of scalars of the weights no optimizer updates, for an input shape (the summary's count). */
    public long countNonTrainableParams(Shape input) {
        return trainable ? 0 : countParams(input);
    }

    /**
     * The model's seed mixed with this layer's position, given by the model before it builds the layer: the seed of
     * a layer's own random draws in training (Dropout's masks) when the layer was given none. Weights do not use it
     * (they come from the model's generator in order), so adding such a layer leaves the other layers' initial
     * weights unchanged.
     */
    public void modelSeed(long seed) {
        // layers without random draws of their own ignore it
    }

    /** Keras' {@code trainable}: a frozen layer's weights are not updated by the optimizer. */
    public boolean isTrainable() {
        return trainable;
    }

    /**
     * Sets Keras' {@code trainable}; call before {@code fit} (a fit takes the trainable weights when it starts). A
     * frozen layer's weights are not updated, count as non-trainable in the summary, and a frozen
     * BatchNormalization runs in inference mode, as Keras.
     */
    public Layer trainable(boolean value) {
        this.trainable = value;
        return this;
    }

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

    /** An error for an input this layer cannot take, naming the layer, the shape given and what it needs. */
    protected IllegalArgumentException badInput(Shape input, String expected) {
        return new IllegalArgumentException("Layer '" + name + "' (" + typeName() + ") cannot take inputs of shape "
                + format(input) + ". Expected " + expected + ".");
    }

    /** A short description of the layer's configuration. */
    @Override
    public String toString() {
        return typeName() + "(" + (name == null ? "" : name) + ")";
    }
}
