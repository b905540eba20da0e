package io.github.kerasdjl.initializers;

import io.github.kerasdjl.util.Registry;
import java.util.List;
import java.util.Random;

/**
 * Weight initializers by Keras name, with Keras' formulas (VarianceScaling for the glorot/he/lecun families).
 * Values are drawn in Java from the model's seeded {@link Random}, so a seed gives the same weights on any device.
 */
public enum Initializer {
    /** U(-l, l), l = sqrt(6 / (fan_in + fan_out)): Keras' Dense kernel default. */
    GLOROT_UNIFORM("glorot_uniform", 1.0, Mode.FAN_AVG, Distribution.UNIFORM),
    /** Truncated normal, stddev sqrt(2 / (fan_in + fan_out)) / 0.8796. */
    GLOROT_NORMAL("glorot_normal", 1.0, Mode.FAN_AVG, Distribution.TRUNCATED_NORMAL),
    /** U(-l, l), l = sqrt(6 / fan_in). */
    HE_UNIFORM("he_uniform", 2.0, Mode.FAN_IN, Distribution.UNIFORM),
    /** Truncated normal, stddev sqrt(2 / fan_in) / 0.8796. */
    HE_NORMAL("he_normal", 2.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL),
    /** U(-l, l), l = sqrt(3 / fan_in). */
    LECUN_UNIFORM("lecun_uniform", 1.0, Mode.FAN_IN, Distribution.UNIFORM),
    /** Truncated normal, stddev sqrt(1 / fan_in) / 0.8796. */
    LECUN_NORMAL("lecun_normal", 1.0, Mode.FAN_IN, Distribution.TRUNCATED_NORMAL),
    /** N(0, 0.05). */
    RANDOM_NORMAL("random_normal", 0, null, Distribution.NORMAL),
    /** U(-0.05, 0.05). */
    RANDOM_UNIFORM("random_uniform", 0, null, Distribution.UNIFORM),
    /** All zeros: Keras' Dense bias default. */
    ZEROS("zeros", 0, null, null),
    /** All ones. */
    ONES("ones", 0, null, null);

    /** Keras' truncated-normal correction: the stddev of a unit normal truncated to [-2, 2]. */
    static final double TRUNCATED_STDDEV = 0.87962566103423978;

    private enum Mode { FAN_IN, FAN_AVG }

    private enum Distribution { UNIFORM, NORMAL, TRUNCATED_NORMAL }

    private static final Registry<Initializer> REGISTRY = new Registry<>("initializer");

    static {
        for (Initializer i : values()) {
            switch (i) {
                case GLOROT_UNIFORM -> REGISTRY.register(i.kerasName, () -> i, "xavier_uniform");
                case GLOROT_NORMAL -> REGISTRY.register(i.kerasName, () -> i, "xavier_normal");
                case ZEROS -> REGISTRY.register(i.kerasName, () -> i, "zero");
                case ONES -> REGISTRY.register(i.kerasName, () -> i, "one");
                default -> REGISTRY.register(i.kerasName, () -> i);
            }
        }
    }

    private final String kerasName;
    private final double scale;
    private final Mode mode;
    private final Distribution distribution;

    Initializer(String kerasName, double scale, Mode mode, Distribution distribution) {
        this.kerasName = kerasName;
        this.scale = scale;
        this.mode = mode;
        this.distribution = distribution;
    }

    /** The initializer for a Keras name. */
    public static Initializer get(String name) {
        return REGISTRY.get(name);
    }

    /** Every accepted name, aliases included. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /** The Keras name. */
    public String kerasName() {
        return kerasName;
    }

    /**
     * Values for a weight of {@code fanIn} x {@code fanOut} (a bias: fanIn = its length, fanOut = 1... as Keras
     * passes the shape), row-major, {@code count} of them.
     */
    public float[] sample(int count, int fanIn, int fanOut, Random random) {
        float[] values = new float[count];
        if (this == ZEROS) {
            return values;
        }
        if (this == ONES) {
            java.util.Arrays.fill(values, 1f);
            return values;
        }
        double limitOrStddev;
        if (mode == null) {
            limitOrStddev = 0.05;
        } else {
            double n = mode == Mode.FAN_IN ? fanIn : (fanIn + fanOut) / 2.0;
            double variance = scale / Math.max(1.0, n);
            limitOrStddev = distribution == Distribution.UNIFORM
                    ? Math.sqrt(3.0 * variance)
                    : Math.sqrt(variance) / (distribution == Distribution.TRUNCATED_NORMAL ? TRUNCATED_STDDEV : 1.0);
        }
        for (int i = 0; i < count; i++) {
            values[i] = (float) switch (distribution) {
                case UNIFORM -> (2 * random.nextDouble() - 1) * limitOrStddev;
                case NORMAL -> random.nextGaussian() * limitOrStddev;
                case TRUNCATED_NORMAL -> truncatedGaussian(random) * limitOrStddev;
            };
        }
        return values;
    }

    private static double truncatedGaussian(Random random) {
        double g;
        do {
            g = random.nextGaussian();
        } while (Math.abs(g) > 2);
        return g;
    }
}
