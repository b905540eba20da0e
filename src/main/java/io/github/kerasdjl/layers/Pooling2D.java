package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.pooling.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Keras' MaxPooling2D and AveragePooling2D over channels-last images: {@code pool_size}, {@code strides} (default
 * the pool size), {@code padding} "valid" or "same". As {@link Conv2D}, the blocks transpose to DJL's NCHW at the
 * layer's edges and pad as Keras does ("same": the odd extra row or column at the bottom and right; max pooling
 * pads with -infinity, average pooling divides by the number of real values in each window, as Keras). No weights.
 * Also the shape arithmetic that Conv2D shares.
 */
public class Pooling2D extends Layer {

    private final boolean max;
    private final int ph;
    private final int pw;
    private int sh;
    private int sw;
    private String padding = "valid";

    Pooling2D(boolean max, int poolHeight, int poolWidth) {
        if (poolHeight < 1 || poolWidth < 1) {
            throw new IllegalArgumentException("Invalid value for argument `pool_size`: (" + poolHeight + ", "
                    + poolWidth + "). Expected integers >= 1.");
        }
        this.max = max;
        this.ph = poolHeight;
        this.pw = poolWidth;
        this.sh = poolHeight;
        this.sw = poolWidth;
    }

    /** Keras' MaxPooling2D(pool_size): strides the pool size, padding valid. */
    public static Pooling2D max(int poolSize) {
        return new Pooling2D(true, poolSize, poolSize);
    }

    /** Keras' AveragePooling2D(pool_size): strides the pool size, padding valid. */
    public static Pooling2D average(int poolSize) {
        return new Pooling2D(false, poolSize, poolSize);
    }

    /** Keras' MaxPooling2D((pool_height, pool_width)). */
    public static Pooling2D max(int poolHeight, int poolWidth) {
        return new Pooling2D(true, poolHeight, poolWidth);
    }

    /** Keras' AveragePooling2D((pool_height, pool_width)). */
    public static Pooling2D average(int poolHeight, int poolWidth) {
        return new Pooling2D(false, poolHeight, poolWidth);
    }

    /** Keras' {@code strides}, the same on both axes. */
    public Pooling2D strides(int s) {
        return strides(s, s);
    }

    /** Keras' {@code strides} (rows, columns). */
    public Pooling2D strides(int rows, int columns) {
        requireNotBuilt("strides");
        if (rows < 1 || columns < 1) {
            throw new IllegalArgumentException("Invalid value for argument `strides`: (" + rows + ", " + columns
                    + "). Expected integers >= 1.");
        }
        this.sh = rows;
        this.sw = columns;
        return this;
    }

    /** Keras' {@code padding}: "valid" or "same". */
    public Pooling2D padding(String value) {
        requireNotBuilt("padding");
        this.padding = checkPadding(value);
        return this;
    }

    private void requireNotBuilt(String what) {
        if (isBuilt()) {
            throw new IllegalStateException("Cannot change `" + what + "` of layer '" + getName()
                    + "' after it is built");
        }
    }

    public int[] poolSize() {
        return new int[] {ph, pw};
    }

    public int[] strides() {
        return new int[] {sh, sw};
    }

    public String padding() {
        return padding;
    }

    /** Whether this is max pooling (else average). */
    public boolean isMax() {
        return max;
    }

    @Override
    public String typeName() {
        return max ? "MaxPooling2D" : "AveragePooling2D";
    }

    @Override
    public Shape outputShape(Shape input) {
        if (input.dimension() != 3) {
            throw badInput(input, "images of rank 3 per sample, (height, width, channels), channels last");
        }
        return new Shape(outputSize(this, input, 0, ph, sh, 1, padding), outputSize(this, input, 1, pw, sw, 1,
                padding), input.get(2));
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random random) {
        List<Block> blocks = new ArrayList<>(toNchwWithPadding(input, ph, sh, 1, pw, sw, 1, padding,
                max ? Double.NEGATIVE_INFINITY : 0.0));
        Shape kernel = new Shape(ph, pw);
        Shape stride = new Shape(sh, sw);
        Shape none = new Shape(0, 0);
        Shape out = outputShape(input);
        int[] pad = samePadding(input, ph, sh, 1, pw, sw, 1, padding);
        boolean padded = pad[0] + pad[1] + pad[2] + pad[3] > 0;
        UnaryShape nchwOut = s -> new Shape(s.get(0), out.get(2), out.get(0), out.get(1));
        if (max) {
            blocks.add(FunctionBlock.of("max_pool", x -> Pool.maxPool2d(x, kernel, stride, none, false),
                    nchwOut::apply));
        } else {
            blocks.add(FunctionBlock.of("average_pool", x -> {
                NDArray mean = Pool.avgPool2d(x, kernel, stride, none, false, true);
                if (!padded) {
                    return mean;
                }
                // Keras: the mean of the real values of each window; the zero padding does not count.
                Shape real = new Shape(1, 1, input.get(0), input.get(1));
                NDArray ones = x.getManager().ones(real).pad(new Shape(pad[2], pad[3], pad[0], pad[1]), 0.0);
                NDArray counts = Pool.avgPool2d(ones, kernel, stride, none, false, true);
                return mean.div(counts);
            }, nchwOut::apply));
        }
        blocks.add(toNhwc());
        return blocks;
    }

    /** A shape function, named so that lambdas read. */
    private interface UnaryShape {
        Shape apply(Shape s);
    }

    // ------------------------------------------------------------------ shared with Conv2D

    /** "valid" or "same" (any case), else an error naming the value. */
    static String checkPadding(String value) {
        String p = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (!"valid".equals(p) && !"same".equals(p)) {
            throw new IllegalArgumentException("Invalid value for argument `padding`: " + value
                    + ". Expected one of {'valid', 'same'}.");
        }
        return p;
    }

    /**
     * The output size on spatial axis {@code axis} (0 rows, 1 columns) of a window of {@code k} with stride and
     * dilation: valid floor((in - (k-1)*d - 1) / s) + 1, same ceil(in / s). A window larger than the input (valid)
     * is an error naming the layer, the input and the window.
     */
    static long outputSize(Layer layer, Shape input, int axis, int k, int s, int d, String padding) {
        long in = input.get(axis);
        long effective = (long) (k - 1) * d + 1;
        if (padding.equals("same")) {
            return (in + s - 1) / s;
        }
        if (effective > in) {
            throw layer.badInput(input, "images of at least " + effective + " " + (axis == 0 ? "rows" : "columns")
                    + ": the " + (layer instanceof Conv2D ? "kernel" : "pool window") + " (" + k
                    + (d > 1 ? ", dilated " + d + " to " + effective : "") + ") is larger than the input (" + in
                    + "); use padding='same' or a smaller " + (layer instanceof Conv2D ? "kernel_size" : "pool_size"));
        }
        return (in - effective) / s + 1;
    }

    /** Keras' "same" padding {top, bottom, left, right} (the extra one at the bottom and right); 0s for valid. */
    static int[] samePadding(Shape input, int kh, int sh, int dh, int kw, int sw, int dw, String padding) {
        if (!padding.equals("same")) {
            return new int[4];
        }
        int[] p = new int[4];
        for (int axis = 0; axis < 2; axis++) {
            long in = input.get(axis);
            int k = axis == 0 ? kh : kw;
            int s = axis == 0 ? sh : sw;
            int d = axis == 0 ? dh : dw;
            long out = (in + s - 1) / s;
            long total = Math.max((out - 1) * s + (long) (k - 1) * d + 1 - in, 0);
            p[2 * axis] = (int) (total / 2);
            p[2 * axis + 1] = (int) (total - total / 2);
        }
        return p;
    }

    /**
     * The blocks from a channels-last batch to DJL's NCHW, padded as Keras pads for "same" with {@code value}
     * (none for valid or a padding of 0).
     */
    static List<Block> toNchwWithPadding(Shape input, int kh, int sh, int dh, int kw, int sw, int dw,
            String padding, double value) {
        List<Block> blocks = new ArrayList<>(2);
        blocks.add(FunctionBlock.of("nhwc_to_nchw", x -> x.transpose(0, 3, 1, 2),
                s -> new Shape(s.get(0), s.get(3), s.get(1), s.get(2))));
        int[] p = samePadding(input, kh, sh, dh, kw, sw, dw, padding);
        if (p[0] + p[1] + p[2] + p[3] > 0) {
            // PyTorch's pad order: last axis first (left, right), then rows (top, bottom).
            Shape pads = new Shape(p[2], p[3], p[0], p[1]);
            blocks.add(FunctionBlock.of("same_padding", x -> x.pad(pads, value),
                    s -> new Shape(s.get(0), s.get(1), s.get(2) + p[0] + p[1], s.get(3) + p[2] + p[3])));
        }
        return blocks;
    }

    /** The block from DJL's NCHW back to channels last. */
    static Block toNhwc() {
        return FunctionBlock.of("nchw_to_nhwc", x -> x.transpose(0, 2, 3, 1),
                s -> new Shape(s.get(0), s.get(2), s.get(3), s.get(1)));
    }

    @Override
    public String toString() {
        return typeName() + "(pool_size=(" + ph + ", " + pw + "), strides=(" + sh + ", " + sw + "), padding="
                + padding + ")";
    }
}
