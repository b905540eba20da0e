package io.github.kerasdjl.activations;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.util.Registry;
import java.util.Locale;

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
            case SWISH -> ai.djl.nn.Activation.swish(x, 1f);
            case GELU -> ai.djl.nn.Activation.gelu(x);
        };
    }

    /**
     * {@code delta * f'(z)}, in place on {@code delta}, with f' written from the activation's output
     * {@code a = f(z)}: what a hand-written backward pass multiplies by, layer by layer.
     */
    @FunctionalInterface
    public interface Derivative {
        NDArray timesDerivative(NDArray delta, NDArray output);
    }

    /**
     * The derivative of this activation as a function of its output, its constants taken from {@code k} once; null
     * when the output does not determine it (softmax has a Jacobian; elu, softplus, swish and gelu need the input).
     * relu {@code sign(a)}, sigmoid {@code a - a^2}, tanh {@code 1 - a^2}, leaky_relu {@code 0.2 + 0.8 [a > 0]}.
     */
    public Derivative derivativeFromOutput(Constants k) {
        return switch (this) {
            case LINEAR -> (d, a) -> d;
            case RELU -> (d, a) -> d.muli(a.sign());
            case SIGMOID -> (d, a) -> d.muli(a.sub(a.mul(a)));
            case TANH -> {
                NDArray one = k.of(1f);
                yield (d, a) -> d.muli(one.sub(a.mul(a)));
            }
            case LEAKY_RELU -> {
                NDArray zero = k.of(0f);
                NDArray slope = k.of((float) LEAKY_RELU_NEGATIVE_SLOPE);
                NDArray rise = k.of(1f - (float) LEAKY_RELU_NEGATIVE_SLOPE);
                yield (d, a) -> d.muli(a.gt(zero).toType(DataType.FLOAT32, false).muli(rise).addi(slope));
            }
            default -> null;
        };
    }

    /** Whether {@link #derivativeFromOutput} gives a derivative. */
    public boolean hasDerivativeFromOutput() {
        return switch (this) {
            case LINEAR, RELU, SIGMOID, TANH, LEAKY_RELU -> true;
            default -> false;
        };
    }

    /**
     * Whether this activation has a host form ({@link #applyInPlace}) and, except softmax, a host derivative
     * from its output ({@link #timesDerivativeFromOutput(float[], float[], int)}): what the hand-written step on
     * JVM arrays needs.
     */
    public boolean hasHostForm() {
        return switch (this) {
            case LINEAR, RELU, SIGMOID, TANH, LEAKY_RELU, SOFTMAX -> true;
            default -> false;
        };
    }

    /**
     * Applies the activation to the first {@code length} values of {@code z} (rows of {@code cols}, row-major), in
     * place, in float32 as the engine's kernels compute it (the exponentials in double, rounded once).
     */
    public void applyInPlace(float[] z, int length, int cols) {
        switch (this) {
            case LINEAR -> {
            }
            case RELU -> {
                for (int i = 0; i < length; i++) {
                    z[i] = Math.max(z[i], 0f);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < length; i++) {
                    z[i] = (float) (1.0 / (1.0 + Math.exp(-z[i])));
                }
            }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    z[i] = (float) Math.tanh(z[i]);
                }
            }
            case LEAKY_RELU -> {
                float slope = (float) LEAKY_RELU_NEGATIVE_SLOPE;
                for (int i = 0; i < length; i++) {
                    z[i] = z[i] > 0 ? z[i] : z[i] * slope;
                }
            }
            case SOFTMAX -> {
                for (int row = 0; row < length; row += cols) {
                    float max = Float.NEGATIVE_INFINITY;
                    for (int c = row; c < row + cols; c++) {
                        max = Math.max(max, z[c]);
                    }
                    float sum = 0;
                    for (int c = row; c < row + cols; c++) {
                        z[c] = (float) Math.exp(z[c] - max);
                        sum += z[c];
                    }
                    for (int c = row; c < row + cols; c++) {
                        z[c] /= sum;
                    }
                }
            }
            default -> throw new UnsupportedOperationException("activation '" + kerasName + "' has no host form");
        }
    }

    /**
     * {@code d[i] *= f'(z_i)} for the first {@code length} values, f' written from the output {@code a = f(z)}
     * with the same float32 operations as {@link #derivativeFromOutput}'s engine form: relu {@code sign(a)},
     * sigmoid {@code a - a^2}, tanh {@code 1 - a^2}, leaky_relu {@code 0.8 [a > 0] + 0.2}.
     */
    public void timesDerivativeFromOutput(float[] d, float[] a, int length) {
        switch (this) {
            case LINEAR -> {
            }
            case RELU -> {
                for (int i = 0; i < length; i++) {
                    d[i] *= Math.signum(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < length; i++) {
                    d[i] *= a[i] - a[i] * a[i];
                }
            }
            case TANH -> {
                for (int i = 0; i < length; i++) {
                    d[i] *= 1f - a[i] * a[i];
                }
            }
            case LEAKY_RELU -> {
                float slope = (float) LEAKY_RELU_NEGATIVE_SLOPE;
                float rise = 1f - slope;
                for (int i = 0; i < length; i++) {
                    d[i] *= (a[i] > 0 ? rise : 0f) + slope;
                }
            }
            default -> throw new UnsupportedOperationException("activation '" + kerasName
                    + "' has no host derivative from its output");
        }
    }

    /**
     * The DJL block that applies this activation: DJL's own activation blocks ({@code Activation.reluBlock()}, ...)
     * where DJL has one, a {@link LambdaBlock} named {@code softmax} for softmax; null for linear (no block).
     */
    public Block toBlock() {
        return switch (this) {
            case LINEAR -> null;
            case RELU -> ai.djl.nn.Activation.reluBlock();
            case SIGMOID -> ai.djl.nn.Activation.sigmoidBlock();
            case TANH -> ai.djl.nn.Activation.tanhBlock();
            case SOFTMAX -> new LambdaBlock(list -> new NDList(list.singletonOrThrow().softmax(-1)), "softmax");
            case LEAKY_RELU -> ai.djl.nn.Activation.leakyReluBlock((float) LEAKY_RELU_NEGATIVE_SLOPE);
            case ELU -> ai.djl.nn.Activation.eluBlock(1f);
            case SOFTPLUS -> ai.djl.nn.Activation.softPlusBlock();
            case SWISH -> ai.djl.nn.Activation.swishBlock(1f);
            case GELU -> ai.djl.nn.Activation.geluBlock();
        };
    }

    /**
     * The activation a DJL block applies, for blocks that {@link #toBlock()} makes (and the same blocks made by a DJL
     * program): recognised by the {@link LambdaBlock}'s name, then checked on probe values, so that a leaky ReLU of
     * another slope is not taken for Keras' 0.2. Null when the block is not an activation this library knows.
     */
    public static Activation fromBlock(Block block) {
        if (!(block instanceof LambdaBlock lambda)) {
            return null;
        }
        Activation candidate = switch (lambda.getName().toLowerCase(Locale.ROOT)) {
            case "relu" -> RELU;
            case "sigmoid" -> SIGMOID;
            case "tanh" -> TANH;
            case "softmax" -> SOFTMAX;
            case "leakyrelu" -> LEAKY_RELU;
            case "elu" -> ELU;
            case "softplus" -> SOFTPLUS;
            case "swish" -> SWISH;
            case "gelu" -> GELU;
            default -> null;
        };
        if (candidate == null || candidate == SOFTMAX) {
            return candidate;
        }
        float[] probe = {-2f, -0.5f, 0.5f, 2f};
        try (NDManager m = NDManager.newBaseManager()) {
            float[] got = block.forward(new ai.djl.training.ParameterStore(m, false),
                    new NDList(m.create(probe)), false).singletonOrThrow().toFloatArray();
            for (int i = 0; i < probe.length; i++) {
                if (Math.abs(got[i] - candidate.apply(probe[i])) > 1e-5) {
                    return null;
                }
            }
        }
        return candidate;
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
