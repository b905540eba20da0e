package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.initializers.Initializer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Keras' Conv2D: {@code filters} kernels of {@code kernel_size} over channels-last images (samples of shape
 * (height, width, channels)), {@code padding} "valid" or "same", {@code strides}, {@code dilation_rate}, kernel
 * {@code glorot_uniform} (fan in kh*kw*in, fan out kh*kw*out), bias {@code zeros}, then the activation.
 *
 * <p>Layout: DJL's {@link Conv2d} is NCHW. The layer keeps the model channels last, as Keras, and transposes at its
 * edges: its blocks are NHWC to NCHW, Keras' zero padding (for "same": the extra row or column, when the total is
 * odd, goes at the bottom and right, as Keras and TensorFlow do), DJL's Conv2d without padding, NCHW to NHWC, the
 * activation. The kernel is stored in Keras' layout (kh, kw, in, out), and the Conv2d's weight (out, in, kh, kw) is
 * a transposed view of that storage; {@link Weight} gives {@code get_weights}' (kh, kw, in, out).
 */
public class Conv2D extends Layer {

    private final int filters;
    private final Activation activation;
    private int kh;
    private int kw;
    private int sh = 1;
    private int sw = 1;
    private int dh = 1;
    private int dw = 1;
    private String padding = "valid";
    private boolean useBias = true;
    private Initializer kernelInitializer = Initializer.GLOROT_UNIFORM;
    private Initializer biasInitializer = Initializer.ZEROS;
    private Conv2d conv;

    /** {@code filters} square kernels of {@code kernelSize}, linear activation. */
    public Conv2D(int filters, int kernelSize) {
        this(filters, kernelSize, (String) null);
    }

    /** {@code filters} square kernels of {@code kernelSize} with a named activation. */
    public Conv2D(int filters, int kernelSize, String activation) {
        this(filters, kernelSize, kernelSize, activation);
    }

    /** {@code filters} kernels of (kernelHeight, kernelWidth) with a named activation. */
    public Conv2D(int filters, int kernelHeight, int kernelWidth, String activation) {
        if (filters < 1) {
            throw new IllegalArgumentException("Invalid value for argument `filters`: " + filters
                    + ". Expected a strictly positive value.");
        }
        if (kernelHeight < 1 || kernelWidth < 1) {
            throw new IllegalArgumentException("Invalid value for argument `kernel_size`: (" + kernelHeight + ", "
                    + kernelWidth + "). Expected integers >= 1.");
        }
        this.filters = filters;
        this.kh = kernelHeight;
        this.kw = kernelWidth;
        this.activation = activation == null ? Activation.LINEAR : Activation.get(activation);
    }

    /** Keras' {@code strides}, the same on both axes. */
    public Conv2D strides(int s) {
        return strides(s, s);
    }

    /** Keras' {@code strides} (rows, columns). */
    public Conv2D strides(int rows, int columns) {
        requireNotBuilt("strides");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("Invalid value for argument `strides`: (" + rows + ", " + columns
                    + "). Expected integers >= 1.");
        }
        if ((rows > 1 || columns > 1) && (dh > 1 || dw > 1)) {
            throw stridesAndDilation(rows, columns, dh, dw);
        }
        this.sh = rows;
        this.sw = columns;
        return this;
    }

    /** Keras' {@code dilation_rate}, the same on both axes. */
    public Conv2D dilationRate(int d) {
        return dilationRate(d, d);
    }

    /** Keras' {@code dilation_rate} (rows, columns). */
    public Conv2D dilationRate(int rows, int columns) {
        requireNotBuilt("dilation_rate");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("Invalid value for argument `dilation_rate`: (" + rows + ", "
                    + columns + "). Expected integers >= 1.");
        }
        if ((rows > 1 || columns > 1) && (sh > 1 || sw > 1)) {
            throw stridesAndDilation(sh, sw, rows, columns);
        }
        this.dh = rows;
        this.dw = columns;
        return this;
    }

    private static IllegalArgumentException stridesAndDilation(int sh, int sw, int dh, int dw) {
        return new IllegalArgumentException("Invalid value for argument `dilation_rate`: (" + dh + ", " + dw
                + ") with strides (" + sh + ", " + sw + "). `strides > 1` not supported in conjunction with"
                + " `dilation_rate > 1`, as in Keras.");
    }

    /** Keras' {@code padding}: {@code "valid"} (none) or {@code "same"} (output of ceil(input / stride)). */
    public Conv2D padding(String value) {
        requireNotBuilt("padding");
        this.padding = Pooling2D.checkPadding(value);
        return this;
    }

    /** Keras' {@code use_bias}. */
    public Conv2D useBias(boolean use) {
        requireNotBuilt("use_bias");
        this.useBias = use;
        return this;
    }

    /** Keras' {@code kernel_initializer}, by name. */
    public Conv2D kernelInitializer(String name) {
        requireNotBuilt("kernel_initializer");
        this.kernelInitializer = Initializer.get(name);
        return this;
    }

    /** Keras' {@code bias_initializer}, by name. */
    public Conv2D biasInitializer(String name) {
        requireNotBuilt("bias_initializer");
        this.biasInitializer = Initializer.get(name);
        return this;
    }

    @Override
    public Conv2D inputShape(long... dims) {
        super.inputShape(dims);
        return this;
    }

    private void requireNotBuilt(String what) {
        if (isBuilt()) {
            throw new IllegalStateException("Cannot change `" + what + "` of layer '" + getName()
                    + "' after it is built");
        }
    }

    public int filters() {
        return filters;
    }

    public int[] kernelSize() {
        return new int[] {kh, kw};
    }

    public int[] strides() {
        return new int[] {sh, sw};
    }

    public int[] dilationRate() {
        return new int[] {dh, dw};
    }

    public String padding() {
        return padding;
    }

    public Activation activation() {
        return activation;
    }

    public boolean usesBias() {
        return useBias;
    }

    public Initializer kernelInitializer() {
        return kernelInitializer;
    }

    public Initializer biasInitializer() {
        return biasInitializer;
    }

    @Override
    public String typeName() {
        return "Conv2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.dimension() != 3) {
            throw badInput(input, "images of rank 3 per sample, (height, width, channels), channels last");
        }
        long h = Pooling2D.outputSize(this, input, 0, kh, sh, dh, padding);
        long w = Pooling2D.outputSize(this, input, 1, kw, sw, dw, padding);
        return new Shape(h, w, filters);
    }

    @Override
    public long countParams(Shape input) {
        long in = input.get(input.dimension() - 1);
        return (long) kh * kw * in * filters + (useBias ? filters : 0);
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        long inChannels = input.get(2);
        List<Block> blocks = new ArrayList<>();
        blocks.addAll(Pooling2D.toNchwWithPadding(input, kh, sh, dh, kw, sw, dw, padding, 0.0));
        conv = Conv2d.builder().setKernelShape(new Shape(kh, kw)).setFilters(filters).optStride(new Shape(sh, sw))
                .optDilation(new Shape(dh, dw)).optPadding(new Shape(0, 0)).optBias(useBias).build();
        conv.getParameters().get("weight").setInitializer(new KernelInitializer(kernelInitializer, random, kh, kw,
                inChannels, filters));
        if (useBias) {
            Parameter bias = conv.getParameters().get("bias");
            bias.setInitializer((m, shape, type) -> m.create(biasInitializer.sample(filters, filters, 1, random),
                    shape));
        }
        blocks.add(conv);
        blocks.add(Pooling2D.toNhwc());
        Block a = activation.toBlock();
        if (a != null) {
            blocks.add(a);
        }
        return blocks;
    }

    /**
     * Keras' kernel initializer: values drawn in Keras' layout (kh, kw, in, out) and order, fan in kh*kw*in and fan
     * out kh*kw*out; stored in that layout, the Conv2d weight being the (out, in, kh, kw) view of it.
     */
    private record KernelInitializer(Initializer keras, Random random, int kh, int kw, long in, int out)
            implements ai.djl.training.initializer.Initializer {
        @Override
        public NDArray initialize(NDManager manager, Shape shape, DataType dataType) {
            long receptive = (long) kh * kw;
            int n = (int) (receptive * in * out);
            float[] values = keras.sample(n, (int) (receptive * in), (int) (receptive * out), random);
            try (NDArray v = manager.create(values, new Shape(kh, kw, in, out)); NDArray storage = v.duplicate()) {
                return storage.transpose(3, 2, 0, 1);
            }
        }
    }

    /** The kernel: Keras' layout (kh, kw, in, out) at the API's edge. */
    public Weight kernel() {
        return new Weight("kernel", conv.getParameters().get("weight"), new int[] {2, 3, 1, 0});
    }

    @Override
    public List<Weight> weights() {
        if (!isBuilt()) {
            return List.of();
        }
        Weight k = kernel();
        return useBias ? List.of(k, new Weight("bias", conv.getParameters().get("bias"), false)) : List.of(k);
    }

    @Override
    public String toString() {
        return "Conv2D(filters=" + filters + ", kernel_size=(" + kh + ", " + kw + "), strides=(" + sh + ", " + sw
                + "), padding=" + padding + ", dilation_rate=(" + dh + ", " + dw + "), activation="
                + activation.kerasName() + (useBias ? "" : ", use_bias=false") + ")";
    }
}
