package io.github.kerasdjl.layers;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.List;
import java.util.Random;

/**
 * Keras' Dropout(rate, seed): inverted dropout. In training each value is kept with probability {@code 1 - rate}
 * and scaled by {@code 1 / (1 - rate)}, the others set to 0; in inference (predict, evaluate) the layer passes its
 * input through unchanged. No weights.
 *
 * <p>The masks are drawn on the host from {@link java.util.Random}'s sequence seeded with the layer's {@code seed} or, when
 * none is given, with the model's seed mixed with the layer's position: the same seed gives the same masks on any
 * device and run (Keras' masks come from its backend's generator, so the values differ from Keras'; the rate and
 * the scaling are Keras'). Drawing on the host costs one copy of the mask per training step.
 */
public final class Dropout extends Layer {

    private final double rate;
    private final Long seed;
    /** The mask's generator: java.util.Random's sequence, drawn without its atomic updates (see {@link Lcg}). */
    private Lcg random;
    private java.nio.ByteBuffer buffer;
    private float[] values = new float[0];

    /** Drops {@code rate} of the values in training, {@code 0 <= rate < 1}; seeded from the model. */
    public Dropout(double rate) {
        this(rate, null);
    }

    /** Drops {@code rate} of the values in training, with its own seed (null: from the model's seed). */
    public Dropout(double rate, Long seed) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `rate`: " + rate
                    + ". Expected a float value between 0 and 1 (0 included, 1 excluded).");
        }
        this.rate = rate;
        this.seed = seed;
        if (seed != null) {
            random = new Lcg(seed);
        }
    }

    /** The fraction of values dropped in training. */
    public double rate() {
        return rate;
    }

    /** The seed given, or null. */
    public Long seed() {
        return seed;
    }

    @Override
    public void modelSeed(long modelSeed) {
        if (seed == null) {
            random = new Lcg(modelSeed);
        }
    }

    @Override
    public String typeName() {
        return "Dropout";
    }

    @Override
    public Shape outputShape(Shape input) {
        return input;
    }

    @Override
    protected List<Block> createBlocks(Shape input, Random init) {
        if (random == null) {
            random = new Lcg(init.nextLong()); // a layer built outside a model
        }
        return List.of(new FunctionBlock("dropout", this::apply, s -> s));
    }

    /** The training-mode forward: input times the mask; inference: the input itself. */
    private NDArray apply(NDArray x, boolean training) {
        if (!training || rate == 0) {
            return x;
        }
        return x.mul(mask(x));
    }

    /** A mask of x's shape: 0 with probability rate, else 1 / (1 - rate); on x's device. */
    private NDArray mask(NDArray x) {
        int n = (int) x.size();
        float keep = (float) (1.0 / (1.0 - rate));
        synchronized (this) {
            // One direct buffer kept by the layer: a new one per step (DJL's path for a float[]) is freed only by the
            // garbage collector and made each step several times slower than the step itself.
            if (buffer == null || buffer.capacity() < 4 * n) {
                buffer = java.nio.ByteBuffer.allocateDirect(4 * n).order(java.nio.ByteOrder.nativeOrder());
            }
            if (values.length < n) {
                values = new float[n];
            }
            for (int i = 0; i < n; i++) {
                values[i] = random.nextFloat() >= rate ? keep : 0f;
            }
            buffer.asFloatBuffer().put(values, 0, n);
            buffer.position(0).limit(4 * n);
            try (NDArray view = x.getManager().create(buffer, x.getShape(), ai.djl.ndarray.types.DataType.FLOAT32)) {
                // A copy the engine owns: the buffer is written again by the next step (or replica) while autograd
                // may still hold this mask. On the CPU, toDevice to the same device gives the view itself back.
                return view.getDevice().equals(x.getDevice()) ? view.duplicate()
                        : view.toDevice(x.getDevice(), true);
            } finally {
                buffer.clear();
            }
        }
    }

    /**
     * {@code java.util.Random}'s generator (the same 48-bit linear congruence, seed scrambling and {@code nextFloat}),
     * without the atomic compare-and-set that {@code Random} makes on every draw: a mask of W4's 4,608 values took
     * about a tenth of its training step that way. The masks are the ones {@code new Random(seed)} gives (tested).
     */
    static final class Lcg {
        private static final long MULTIPLIER = 0x5DEECE66DL;
        private static final long MASK = (1L << 48) - 1;
        private long state;

        Lcg(long seed) {
            state = (seed ^ MULTIPLIER) & MASK;
        }

        float nextFloat() {
            state = (state * MULTIPLIER + 0xBL) & MASK;
            return (int) (state >>> (48 - 24)) / (float) (1 << 24);
        }
    }

    @Override
    public String toString() {
        return "Dropout(rate=" + rate + (seed == null ? "" : ", seed=" + seed) + ")";
    }
}
