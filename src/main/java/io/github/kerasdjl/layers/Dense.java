package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.initializers.Initializer;
import io.github.kerasdjl.regularizers.Regularizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keras' Dense: {@code activation(x . kernel + bias)}, kernel of shape (inputs, units) as Keras stores it (DJL's
 * Linear stores it transposed; this layer does not), initialized {@code glorot_uniform}, bias {@code zeros}.
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
    private NDArray kernel;
    private NDArray bias;

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
        return kernelRegularizer == null || !isBuilt() ? null : kernelRegularizer.penalty(kernel);
    }

    @Override
    public double hostPenalty() {
        return kernelRegularizer == null || !isBuilt() ? 0 : kernelRegularizer.penalty(kernel.toFloatArray());
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
        return inputDim;
    }

    @Override
    public int outputDim(int inputs) {
        return units;
    }

    @Override
    public long countParams(int inputs) {
        return (long) inputs * units + (useBias ? units : 0);
    }

    @Override
    protected void createWeights(NDManager manager, int inputs, Random random) {
        if (inputDim != 0 && inputs != inputDim) {
            throw new IllegalArgumentException("Layer '" + getName() + "' was declared with input_dim " + inputDim
                    + " but receives " + inputs + " inputs");
        }
        builtInputDim = inputs;
        kernel = manager.create(kernelInitializer.sample(inputs * units, inputs, units, random),
                new Shape(inputs, units));
        kernel.setRequiresGradient(true);
        if (useBias) {
            bias = manager.create(biasInitializer.sample(units, units, 1, random), new Shape(units));
            bias.setRequiresGradient(true);
        }
    }

    @Override
    public NDArray forward(NDArray x, boolean training) {
        requireBuilt();
        return forward(x, kernel, bias);
    }

    @Override
    public NDArray forward(NDArray x, List<NDArray> weights, boolean training) {
        requireBuilt();
        return forward(x, weights.get(0), useBias ? weights.get(1) : null);
    }

    private NDArray forward(NDArray x, NDArray k, NDArray b) {
        NDArray z = x.matMul(k);
        if (b != null) {
            z = z.addi(b);
        }
        return activation.apply(z);
    }

    @Override
    public List<Weight> weights() {
        if (!isBuilt()) {
            return List.of();
        }
        List<Weight> w = new ArrayList<>(2);
        w.add(new Weight("kernel", kernel));
        if (useBias) {
            w.add(new Weight("bias", bias));
        }
        return w;
    }

    /** The kernel in Keras' layout: {@code [inputs][units]}. */
    public float[][] getKernel() {
        requireBuilt();
        float[] flat = kernel.toFloatArray();
        float[][] k = new float[builtInputDim][units];
        for (int i = 0; i < builtInputDim; i++) {
            System.arraycopy(flat, i * units, k[i], 0, units);
        }
        return k;
    }

    /** The bias: {@code [units]} (zeros when the layer has none). */
    public float[] getBias() {
        requireBuilt();
        return useBias ? bias.toFloatArray() : new float[units];
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
        new Weight("kernel", kernel).setValues("kernel", flat);
    }

    /** Overwrites the bias. */
    public void setBias(float[] values) {
        requireBuilt();
        if (!useBias) {
            throw new IllegalStateException("Layer '" + getName() + "' has no bias (use_bias=false)");
        }
        new Weight("bias", bias).setValues("bias", values);
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
