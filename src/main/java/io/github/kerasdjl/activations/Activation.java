package io.github.kerasdjl.activations;

import ai.djl.ndarray.NDArray;
import io.github.kerasdjl.Registry;

/**
 * The activations Keras knows by name, with Keras' default constants. Parse a name once with {@link #get(String)};
 * everything past that works with this enum.
 */
public enum Activation {
    /** {@code x}: Keras' default for Dense. */
    LINEAR("linear"),
    /** {@code max(x, 0)}. */
    RELU("relu"),
    /** {@code 1 / (1 + exp(-x))}. */
    SIGMOID("sigmoid"),
    /** {@code tanh(x)}. */
    TANH("tanh"),
    /** {@code exp(x) / sum(exp(x))} over the last axis. */
    SOFTMAX("softmax"),
    /** {@code x > 0 ? x : 0.2 * x}: keras.activations.leaky_relu's default negative_slope is 0.2. */
    LEAKY_RELU("leaky_relu"),
    /** {@code x > 0 ? x : exp(x) - 1} (alpha 1.0). */
    ELU("elu"),
    /** {@code log(1 + exp(x))}. */
    SOFTPLUS("softplus"),
    /** {@code x * sigmoid(x)}, also called silu. */
    SWISH("swish"),
    /** {@code x * Phi(x)}, exact (Keras' default approximate=False). */
    GELU("gelu");

    /** keras.activations.leaky_relu(x, negative_slope=0.2). */
    public static final double LEAKY_RELU_NEGATIVE_SLOPE = 0.2;

    private static final Registry<Activation> REGISTRY = new Registry<>("activation");

    static {
        for (Activation a : values()) {
            switch (a) {
                case LINEAR -> REGISTRY.register(a.kerasName, () -> a, "identity", "none");
                case SWISH -> REGISTRY.register(a.kerasName, () -> a, "silu");
                case LEAKY_RELU -> REGISTRY.register(a.kerasName, () -> a, "leakyrelu");
                default -> REGISTRY.register(a.kerasName, () -> a);
            }
        }
    }

    private final String kerasName;

    Activation(String kerasName) {
        this.kerasName = kerasName;
    }

    /** The activation for a Keras name or alias; null means linear, as in Keras. */
    public static Activation get(String name) {
        return name == null ? LINEAR : REGISTRY.get(name);
    }

    /** Every accepted name, aliases included. */
    public static java.util.List<String> names() {
        return REGISTRY.names();
    }

    /** The name Keras uses. */
    public String kerasName() {
        return kerasName;
    }

    /** Applies the activation; the result belongs to {@code x}'s manager (or scope). */
    public NDArray apply(NDArray x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> ai.djl.nn.Activation.relu(x);
            case SIGMOID -> ai.djl.nn.Activation.sigmoid(x);
            case TANH -> ai.djl.nn.Activation.tanh(x);
            case SOFTMAX -> x.softmax(-1);
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyRelu(x, (float) LEAKY_RELU_NEGATIVE_SLOPE);
            case ELU -> ai.djl.nn.Activation.elu(x, 1f);
            case SOFTPLUS -> ai.djl.nn.Activation.softPlus(x);
            case SWISH -> x.mul(ai.djl.nn.Activation.sigmoid(x));
            case GELU -> ai.djl.nn.Activation.gelu(x);
        };
    }

    /** The same function on one double, for checks and plain-Java code. */
    public double apply(double x) {
        return switch (this) {
            case LINEAR -> x;
            case RELU -> Math.max(x, 0);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case TANH -> Math.tanh(x);
            case SOFTMAX -> throw new UnsupportedOperationException("softmax works on a row, not one value");
            case LEAKY_RELU -> x > 0 ? x : LEAKY_RELU_NEGATIVE_SLOPE * x;
            case ELU -> x > 0 ? x : Math.expm1(x);
            case SOFTPLUS -> Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
            case SWISH -> x / (1 + Math.exp(-x));
            case GELU -> 0.5 * x * (1 + Erf.erf(x / Math.sqrt(2)));
        };
    }
}
