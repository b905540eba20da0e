package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.initializers.Initializer;
import io.github.kerasdjl.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keras' Dense: {@code activation(x . kernel + bias)}, kernel {@code glorot_uniform}, bias {@code zeros}. It compiles
 * to DJL's {@link Linear} followed by the activation's DJL block (none for linear). The weights are the Linear's
 * parameters, (units, inputs) as DJL reads them; {@link #getKernel()} and the model's {@code getWeights()} give
 * Keras' (inputs, units).
 */
public class Dense extends Layer {

    private final int units;
    private final Activation activation;
    private final int inputDim;
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;
    private Regularizer kernelRegularizer;
    private int builtInputDim;
    private Linear linear;
    private Block activationBlock;

    /** {@code units} outputs, linear activation, input width from the data or the previous layer. */
    public Dense(int units) {
        this(units, (String) null, 0);
    }

    /** {@code units} outputs with a named activation ({@code "relu"}, {@code "sigmoid"}, ...). */
    public Dense(int units, String activation) {
        this(units, activation, 0);
    }

    /** {@code units} outputs with a named activation and Keras' {@code input_dim} for a first layer. */
    public Dense(int units, String activation, int inputDim) {
        this(units, Activation.get(activation), inputDim);
    }

    /** {@code units} outputs with an activation and an input width (0: from the data or the previous layer). */
    public Dense(int units, Activation activation, int inputDim) {
        if (units < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `units`: " + units + ". Expected an integer >= 1.");
        }
        if (inputDim < 0) {
            throw new IllegalArgumentException("Invalid value for argument `input_dim`: " + inputDim
                    + ". Expected an integer >= 1 (or 0 to take it from the data).");
        }
        this.units = units;
        this.activation = activation == null ? Activation.LINEAR : activation;
        this.inputDim = inputDim;
    }

    /** Keras' {@code use_bias}. */
    public Dense useBias(boolean use) {
        requireNotBuilt("use_bias");
        this.useBias = use;
        return this;
    }

    /** Keras' {@code kernel_initializer}, by name. */
    public Dense kernelInitializer(String name) {
        requireNotBuilt("kernel_initializer");
        this.kernelInitializer = Initializer.get(name);
        return this;
    }

    /** The kernel's initializer. */
    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    /** The bias's initializer. */
    public Initializer biasInitializer() {
        return biasInitializer;
    }

    /** Keras' {@code bias_initializer}, by name. */
    public Dense biasInitializer(String name) {
        requireNotBuilt("bias_initializer");
        this.biasInitializer = Initializer.get(name);
        return this;
    }

    /** Keras' {@code kernel_regularizer}: {@code Regularizer.l2(0.01)}, or null for none. */
    public Dense kernelRegularizer(Regularizer regularizer) {
        this.kernelRegularizer = regularizer;
        return this;
    }

    /** Keras' {@code kernel_regularizer} by name ({@code "l1"}, {@code "l2"}, {@code "l1_l2"}), rate 0.01. */
    public Dense kernelRegularizer(String name) {
        return kernelRegularizer(Regularizer.get(name, Regularizer.DEFAULT_RATE));
    }

    /** The kernel's regularizer, or null. */
    public Regularizer kernelRegularizer() {
        return kernelRegularizer;
    }

    @Override
    public NDArray penalty() {
        return kernelRegularizer == null || !isBuilt() ? null : kernelRegularizer.penalty(kernel().array());
    }

    @Override
    public double hostPenalty() {
        return kernelRegularizer == null || !isBuilt() ? 0 : kernelRegularizer.penalty(kernel().values());
    }

    private void requireNotBuilt(String what) {
        if (isBuilt()) {
            throw new IllegalStateException("Cannot change `" + what + "` of layer '" + getName()
                    + "' after it is built");
        }
    }

    /** The number of outputs. */
    public int units() {
        return units;
    }

    /** The activation. */
    public Activation activation() {
        return activation;
    }

    /** Whether the layer has a bias. */
    public boolean usesBias() {
        return useBias;
    }

    @Override
    public String typeName() {
        return "Dense";
    }

    @Override
    public int declaredInputDim() {
        return inputDim != 0 ? inputDim : super.declaredInputDim();
    }

    /** Keras' {@code input_shape} for a first layer; Dense acts on the last axis (Keras' Dense on N-D input). */
    @Override
    public Dense inputShape(long... dims) {
        if (inputDim != 0) {
            throw new IllegalArgumentException("Invalid value for argument `input_shape`: layer " + this
                    + " already declares input_dim " + inputDim + ". Expected one of input_dim and input_shape.");
        }
        super.inputShape(dims);
        return this;
    }

    @Override
    public int outputDim(int inputs) {
        return units;
    }

    /** The input's shape with its last axis replaced by {@code units}, as Keras' Dense on any rank. */
    @Override
    public Shape outputShape(Shape input) {
        return input.slice(0, input.dimension() - 1).add(units);
    }

    @Override
    public long countParams(int inputs) {
        return (long) inputs * units + (useBias ? units : 0);
    }

    @Override
    public long countParams(Shape input) {
        return countParams((int) input.get(input.dimension() - 1));
    }

    /**
     * A Dense around an existing DJL {@link Linear} (and the activation block after it), for a model made from a DJL
     * block: building it uses these blocks instead of new ones.
     */
    public static Dense of(Linear linear, Activation activation, Block activationBlock) {
        boolean bias = linear.getParameters().contains("bias");
        int units = (int) linear.getOutputShapes(new Shape[] {new Shape(1, 1)})[0].get(1);
        Dense dense = new Dense(units, activation, 0).useBias(bias);
        dense.linear = linear;
        dense.activationBlock = activationBlock;
        return dense;
    }

    @Override
    protected List<Block> createBlocks(Shape inputShape, Random random) {
        int inputs = (int) inputShape.get(inputShape.dimension() - 1);
        if (inputDim != 0 && inputs != inputDim) {
            throw new IllegalArgumentException("Layer '" + getName() + "' was declared with input_dim " + inputDim
                    + " but receives " + inputs + " inputs");
        }
        if (linear == null) {
            linear = Linear.builder().setUnits(units).optBias(useBias).build();
            activationBlock = activation.toBlock();
        }
        Parameter weight = linear.getParameters().get("weight");
        if (!weight.isInitialized()) {
            weight.setInitializer(new KerasInitializer(kernelInitializer, random, true));
        } else if (weight.getArray().getShape().get(1) != inputs) {
            throw new IllegalArgumentException("Layer '" + getName() + "' holds a weight of shape "
                    + weight.getArray().getShape() + " (units, inputs) but receives " + inputs + " inputs");
        }
        if (useBias && !linear.getParameters().get("bias").isInitialized()) {
            linear.getParameters().get("bias").setInitializer(new KerasInitializer(biasInitializer, random, false));
        }
        builtInputDim = inputs;
        List<Block> blocks = new ArrayList<>(2);
        blocks.add(linear);
        if (activationBlock != null) {
            blocks.add(activationBlock);
        }
        return blocks;
    }

    /**
     * A Keras initializer as DJL's: draws the values in Keras' layout and order from the model's seeded generator. A
     * kernel is stored in Keras' layout, (inputs, units) row-major, and the Linear's weight is the (units, inputs)
     * transposed view of that storage: DJL reads it as it expects, and the engine sees the same memory layout as a
     * Keras kernel, so every product and update rounds as it did before the model was a DJL block.
     */
    private record KerasInitializer(Initializer keras, Random random, boolean kernel)
            implements ai.djl.training.initializer.Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            int units = (int) shape.get(0);
            if (!kernel) {
                return manager.create(keras.sample(units, units, 1, random), shape);
            }
            int inputs = (int) shape.get(1);
            float[] kerasLayout = keras.sample(inputs * units, inputs, units, random);
            // create() may wrap a Java buffer without copying; duplicate() gives storage the engine owns, which
            // the view keeps alive once the two handles are closed.
            try (NDArray values = manager.create(kerasLayout, new Shape(inputs, units));
                    NDArray storage = values.duplicate()) {
                return storage.transpose();
            }
        }
    }

    /** The Linear block's weight: the kernel. */
    public Weight kernel() {
        requireBuilt();
        return new Weight("kernel", linear.getParameters().get("weight"), true);
    }

    /** The Linear block's bias, or null without one. */
    public Weight bias() {
        requireBuilt();
        return useBias ? new Weight("bias", linear.getParameters().get("bias"), false) : null;
    }

    /** The DJL Linear block (null before build). */
    public Linear linear() {
        return linear;
    }

    @Override
    public List<Weight> weights() {
        if (!isBuilt()) {
            return List.of();
        }
        return useBias ? List.of(kernel(), bias()) : List.of(kernel());
    }

    /** The kernel in Keras' layout: {@code [inputs][units]}. */
    public float[][] getKernel() {
        requireBuilt();
        float[] flat = kernel().values();
        float[][] k = new float[builtInputDim][units];
        for (int i = 0; i < builtInputDim; i++) {
            System.arraycopy(flat, i * units, k[i], 0, units);
        }
        return k;
    }

    /** The bias: {@code [units]} (zeros when the layer has none). */
    public float[] getBias() {
        requireBuilt();
        return useBias ? bias().values() : new float[units];
    }

    /** Overwrites the kernel from Keras' layout {@code [inputs][units]}. */
    public void setKernel(float[][] values) {
        requireBuilt();
        if (values == null || values.length != builtInputDim) {
            throw new IllegalArgumentException("Invalid value for argument `kernel`: "
                    + (values == null ? "null" : values.length + " rows")
                    + ". Expected " + builtInputDim + " rows of " + units + " (inputs x units) for layer '"
                    + getName() + "'.");
        }
        float[] flat = new float[builtInputDim * units];
        for (int i = 0; i < builtInputDim; i++) {
            if (values[i] == null || values[i].length != units) {
                throw new IllegalArgumentException("Invalid value for argument `kernel`: row " + i + " has "
                        + (values[i] == null ? "null" : values[i].length + " values") + ". Expected " + units
                        + " (one per unit) for layer '" + getName() + "'.");
            }
            System.arraycopy(values[i], 0, flat, i * units, units);
        }
        kernel().setValues("kernel", flat);
    }

    /** Overwrites the bias. */
    public void setBias(float[] values) {
        requireBuilt();
        if (!useBias) {
            throw new IllegalStateException("Layer '" + getName() + "' has no bias (use_bias=false)");
        }
        bias().setValues("bias", values);
    }

    private void requireBuilt() {
        if (!isBuilt()) {
            throw new IllegalStateException("Layer '" + getName() + "' is not built yet: give the first layer an "
                    + "input_dim, or call fit/predict once so that the model is built from the data's shape");
        }
    }

    @Override
    public String toString() {
        return "Dense(units=" + units + ", activation=" + activation.kerasName()
                + (inputDim > 0 ? ", input_dim=" + inputDim : "") + (useBias ? "" : ", use_bias=false")
                + (kernelRegularizer == null ? "" : ", kernel_regularizer=" + kernelRegularizer) + ")";
    }
}
