package io.github.kerasdjl.losses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.DataType;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.util.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The losses known by name, each written as Keras 3.15 computes it (keras/src/losses/losses.py, and the backend's
 * {@code binary_crossentropy}, {@code categorical_crossentropy} and {@code sparse_categorical_crossentropy}):
 * the same clipping, epsilons and order of operations, so that autograd differentiates the same function Keras does.
 * Names and aliases are Keras' ({@code keras.losses.get}): the functions' names, the classes' names and
 * {@code bce, kld, mae, mse, mape, msle}; names are matched case-insensitively.
 */
public final class Losses {

    /** Keras' description of the targets a loss takes, shown when a misspelt name is near losses of both kinds. */
    private static final String ONE_HOT = "targets as wide as the output, e.g. one-hot rows";
    private static final String SPARSE = "integer class labels, one column";

    static final Registry<Loss> REGISTRY = new Registry<Loss>("loss")
            .register("mean_squared_error", MeanSquaredError::new, "mse", "MeanSquaredError")
            .register("mean_absolute_error", MeanAbsoluteError::new, "mae", "MeanAbsoluteError")
            .register("mean_absolute_percentage_error", MeanAbsolutePercentageError::new, "mape",
                    "MeanAbsolutePercentageError")
            .register("mean_squared_logarithmic_error", MeanSquaredLogarithmicError::new, "msle",
                    "MeanSquaredLogarithmicError")
            .register("binary_crossentropy", BinaryCrossentropy::new, "bce", "BinaryCrossentropy")
            .register("categorical_crossentropy", CategoricalCrossentropy::new, "cce", "CategoricalCrossentropy")
            .register("sparse_categorical_crossentropy", SparseCategoricalCrossentropy::new,
                    "SparseCategoricalCrossentropy")
            .register("huber", Huber::new)
            .register("log_cosh", LogCosh::new, "LogCosh")
            .register("kl_divergence", KLDivergence::new, "kld", "KLDivergence")
            .register("poisson", Poisson::new)
            .register("hinge", Hinge::new)
            .register("squared_hinge", SquaredHinge::new, "SquaredHinge")
            .register("categorical_hinge", CategoricalHinge::new, "CategoricalHinge")
            // Class names that differ from the function names only in case (Huber, Poisson, Hinge) need no alias.
            // A misspelt name must not be pointed at a loss that then fails on the same labels: when losses of
            // both kinds of target are near it, the suggestion names the nearest of each, with the targets it takes.
            .groupSuggestions(name -> name.equals("sparse_categorical_crossentropy") ? SPARSE : ONE_HOT);

    private Losses() {
    }

    /** Every accepted name, aliases included. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * The loss a {@code .keras} file's compile config records as an object: Keras' class name and its config
     * ({@code name}, {@code reduction} and the class's arguments). Only what this library computes is accepted:
     * reduction {@code sum_over_batch_size}, axis -1, no {@code ignore_class}.
     *
     * @throws IllegalArgumentException naming the class or the argument this library does not have
     */
    public static Loss fromConfig(String className, Map<String, Object> config) {
        Map<String, Object> c = new LinkedHashMap<>(config);
        c.remove("name");
        c.remove("dtype");
        Object reduction = c.remove("reduction");
        if (reduction != null && !"sum_over_batch_size".equals(reduction)) {
            throw new IllegalArgumentException("Invalid value for argument `reduction` of loss " + className + ": "
                    + reduction + ". Expected sum_over_batch_size (the only reduction this library computes).");
        }
        Object axis = c.remove("axis");
        if (axis != null && ((Number) axis).intValue() != -1) {
            throw new IllegalArgumentException("Invalid value for argument `axis` of loss " + className + ": "
                    + axis + ". Expected -1 (the only axis this library computes).");
        }
        if (c.containsKey("ignore_class") && c.get("ignore_class") != null) {
            throw new IllegalArgumentException("Invalid value for argument `ignore_class` of loss " + className
                    + ": " + c.get("ignore_class") + ". Expected null (this library has no ignore_class).");
        }
        c.remove("ignore_class");
        boolean fromLogits = Boolean.TRUE.equals(c.remove("from_logits"));
        Loss loss = switch (className) {
            case "BinaryCrossentropy" -> new BinaryCrossentropy(fromLogits, number(c.remove("label_smoothing"), 0));
            case "CategoricalCrossentropy" -> new CategoricalCrossentropy(fromLogits,
                    number(c.remove("label_smoothing"), 0));
            case "SparseCategoricalCrossentropy" -> new SparseCategoricalCrossentropy(fromLogits);
            case "Huber" -> new Huber(number(c.remove("delta"), 1.0));
            default -> {
                if (fromLogits) {
                    throw new IllegalArgumentException("Invalid value for argument `from_logits` of loss "
                            + className + ": true. Only the cross-entropies take it.");
                }
                String name = switch (className) {
                    case "MeanSquaredError", "MeanAbsoluteError", "MeanAbsolutePercentageError",
                            "MeanSquaredLogarithmicError", "LogCosh", "KLDivergence", "Poisson", "Hinge",
                            "SquaredHinge", "CategoricalHinge" -> className;
                    default -> throw new IllegalArgumentException("Invalid value for argument `loss`: class "
                            + className + ". Expected one of this library's loss classes: " + CLASSES + ".");
                };
                yield REGISTRY.get(name);
            }
        };
        if (!c.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `loss`: " + className + " with "
                    + c.keySet() + ". This library's " + className + " takes no such argument.");
        }
        return loss;
    }

    /**
     * Keras' config of a loss object as {@code Loss.get_config} writes it: {@code name} (Keras' default name of an
     * instance of the class, e.g. {@code huber_loss}), {@code reduction}, and {@link Loss#arguments}. (Keras 3.15's
     * own Huber drops its delta here; this library writes it, and Keras reads it back.)
     */
    public static Map<String, Object> config(Loss loss) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", "Huber".equals(loss.className()) ? "huber_loss" : loss.name());
        c.put("reduction", "sum_over_batch_size");
        c.putAll(loss.arguments());
        return c;
    }

    private static final List<String> CLASSES = List.of("MeanSquaredError", "MeanAbsoluteError",
            "MeanAbsolutePercentageError", "MeanSquaredLogarithmicError", "BinaryCrossentropy",
            "CategoricalCrossentropy", "SparseCategoricalCrossentropy", "Huber", "LogCosh", "KLDivergence", "Poisson",
            "Hinge", "SquaredHinge", "CategoricalHinge");

    private static double number(Object value, double otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("Invalid value for a loss argument: " + value + ". Expected a number.");
        }
        return n.doubleValue();
    }

    /** A loss with a Keras class of the same meaning: its class name comes with it. */
    abstract static class KerasLoss extends Loss {
        private final String className;

        KerasLoss(String name, String className) {
            super(name);
            this.className = className;
        }

        @Override
        public String className() {
            return className;
        }
    }

    /**
     * A loss of the error {@code p - y} of each output (mse, mae): an output delta for any activation with a
     * derivative from its output, on the host for any that has a host form too; the subclass gives the delta's
     * pointwise error, the activation's derivative is applied here.
     */
    abstract static class PointwiseErrorLoss extends KerasLoss {
        PointwiseErrorLoss(String name, String className) {
            super(name, className);
        }

        /** Any activation with a derivative from its output. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation.hasDerivativeFromOutput();
        }

        @Override
        public boolean hasHostOutputDelta(Activation outputActivation) {
            return hasOutputDelta(outputActivation) && outputActivation.hasHostForm();
        }

        @Override
        public final void hostOutputDelta(float[] targets, int offset, float[] output, int rows, int cols,
                Activation outputActivation, float[] delta) {
            int n = rows * cols;
            hostError(targets, offset, output, n, delta);
            outputActivation.timesDerivativeFromOutput(delta, output, n);
        }

        /** The first {@code n} values of the delta before the activation's derivative, from the errors. */
        abstract void hostError(float[] targets, int offset, float[] output, int n, float[] delta);
    }

    /**
     * A cross-entropy with Keras' {@code from_logits} and {@code label_smoothing} (binary and categorical): the two
     * arguments, checked, their accessors and their saved form.
     */
    abstract static class SmoothedCrossentropy extends KerasLoss {
        final boolean fromLogits;
        final double labelSmoothing;

        SmoothedCrossentropy(String name, String className, boolean fromLogits, double labelSmoothing) {
            super(name, className);
            this.fromLogits = fromLogits;
            this.labelSmoothing = checkSmoothing(labelSmoothing);
        }

        public double labelSmoothing() {
            return labelSmoothing;
        }

        @Override
        public boolean fromLogits() {
            return fromLogits;
        }

        @Override
        public Map<String, Object> arguments() {
            return crossentropyArguments(fromLogits, labelSmoothing);
        }
    }

    // ------------------------------------------------------------------ regression

    /** mean((y - p)^2) over the outputs of a sample; not DJL's l2Loss, which halves it. */
    public static final class MeanSquaredError extends PointwiseErrorLoss {
        public MeanSquaredError() {
            super("mean_squared_error", "MeanSquaredError");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).square().mean(new int[] {-1});
        }

        @Override
        public NDArray compute(NDArray yTrue, NDArray yPred) {
            // Every sample has the same number of outputs, so the mean of the per-sample means is the plain mean.
            return yPred.sub(yTrue).square().mean();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return squaredErrorSum(yTrue, yPred, cols);
        }

        /** {@code (p - y) f'(z)}, times 2 / (rows cols). */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return outputDerivative.timesDerivative(yPred.sub(yTrue), yPred);
        }

        @Override
        void hostError(float[] targets, int offset, float[] output, int n, float[] delta) {
            for (int i = 0; i < n; i++) {
                delta[i] = output[i] - targets[offset + i];
            }
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 2.0 / ((double) rows * cols);
        }
    }

    /**
     * The cross-entropies' host output delta starts from the probabilities: the first {@code rows * cols} outputs
     * copied into {@code delta}, turned into probabilities by {@code fromLogits} (sigmoid or softmax) when the outputs
     * are logits (null: they are probabilities already). Returns how many values were written.
     */
    private static int hostProbabilities(float[] output, int rows, int cols, Activation fromLogits, float[] delta) {
        int n = rows * cols;
        System.arraycopy(output, 0, delta, 0, n);
        if (fromLogits != null) {
            fromLogits.applyInPlace(delta, n, cols);
        }
        return n;
    }

    /** mean(|y - p|) over the outputs of a sample. */
    public static final class MeanAbsoluteError extends PointwiseErrorLoss {
        public MeanAbsoluteError() {
            super("mean_absolute_error", "MeanAbsoluteError");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).abs().mean(new int[] {-1});
        }

        @Override
        public NDArray compute(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).abs().mean();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return absoluteErrorSum(yTrue, yPred, cols);
        }

        /** {@code sign(p - y) f'(z)}, times 1 / (rows cols). */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return outputDerivative.timesDerivative(yPred.sub(yTrue).sign(), yPred);
        }

        @Override
        void hostError(float[] targets, int offset, float[] output, int n, float[] delta) {
            for (int i = 0; i < n; i++) {
                delta[i] = Math.signum(output[i] - targets[offset + i]);
            }
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / ((double) rows * cols);
        }
    }

    /** {@code 100 mean(|y - p| / max(|y|, 1e-7))} over the outputs of a sample. */
    public static final class MeanAbsolutePercentageError extends KerasLoss {
        public MeanAbsolutePercentageError() {
            super("mean_absolute_percentage_error", "MeanAbsolutePercentageError");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray diff = yTrue.sub(yPred).div(yTrue.abs().maximum(EPSILON)).abs();
            return diff.mean(new int[] {-1}).mul(100f);
        }
    }

    /** {@code mean((log(max(p, 1e-7) + 1) - log(max(y, 1e-7) + 1))^2)} over the outputs of a sample. */
    public static final class MeanSquaredLogarithmicError extends KerasLoss {
        public MeanSquaredLogarithmicError() {
            super("mean_squared_logarithmic_error", "MeanSquaredLogarithmicError");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray first = yPred.maximum(EPSILON).add(1f).log();
            NDArray second = yTrue.maximum(EPSILON).add(1f).log();
            return first.sub(second).square().mean(new int[] {-1});
        }
    }

    /**
     * Keras' Huber loss: per output {@code 0.5 e^2} where {@code |e| <= delta}, {@code delta |e| - 0.5 delta^2}
     * elsewhere ({@code e = p - y}), averaged over the outputs of a sample; delta 1.0 by default.
     */
    public static final class Huber extends KerasLoss {
        private final double delta;

        public Huber() {
            this(1.0);
        }

        /** @param delta where the loss turns from quadratic to linear: a finite number above 0 */
        public Huber(double delta) {
            super("huber", "Huber");
            if (!(delta > 0) || !Double.isFinite(delta)) {
                throw new IllegalArgumentException("Invalid value for argument `delta`: " + delta
                        + ". Expected a finite number above 0.");
            }
            this.delta = delta;
        }

        public double delta() {
            return delta;
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray error = yPred.sub(yTrue);
            NDArray abs = error.abs();
            float d = (float) delta;
            NDArray quadratic = error.square().mul(0.5f);
            NDArray linear = abs.mul(d).sub(0.5f * (d * d));
            return NDArrays.where(abs.lte(d), quadratic, linear).mean(new int[] {-1});
        }

        @Override
        public Map<String, Object> arguments() {
            return delta == 1.0 ? Map.of() : Map.of("delta", delta);
        }
    }

    /** Keras' {@code log_cosh}: {@code mean(e + softplus(-2 e) - log 2)}, {@code e = p - y}, a stable log(cosh(e)). */
    public static final class LogCosh extends KerasLoss {
        public LogCosh() {
            super("log_cosh", "LogCosh");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray e = yPred.sub(yTrue);
            return e.add(softplus(e.mul(-2f))).sub((float) Math.log(2.0)).mean(new int[] {-1});
        }
    }

    // ------------------------------------------------------------------ probabilistic

    /** {@code sum(y log(y / p))} over a sample's outputs, y and p clipped to [1e-7, 1]. */
    public static final class KLDivergence extends KerasLoss {
        public KLDivergence() {
            super("kl_divergence", "KLDivergence");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray y = yTrue.clip(EPSILON, 1f);
            NDArray p = yPred.clip(EPSILON, 1f);
            return y.mul(y.div(p).log()).sum(new int[] {-1});
        }
    }

    /** {@code mean(p - y log(p + 1e-7))} over a sample's outputs. */
    public static final class Poisson extends KerasLoss {
        public Poisson() {
            super("poisson", "Poisson");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue.mul(yPred.add(EPSILON).log())).mean(new int[] {-1});
        }
    }

    /**
     * -(y log p + (1 - y) log(1 - p)) on probabilities clipped to [1e-7, 1 - 1e-7], averaged over the outputs of a
     * sample (Keras' {@code binary_crossentropy}). With {@code from_logits} the outputs are logits and the loss is
     * {@code -(y log sigmoid(z) + (1 - y) log sigmoid(-z))}, unclipped; with {@code label_smoothing} s the targets
     * are first {@code y (1 - s) + s / 2}.
     */
    public static final class BinaryCrossentropy extends SmoothedCrossentropy {

        public BinaryCrossentropy() {
            this(false, 0);
        }

        public BinaryCrossentropy(boolean fromLogits) {
            this(fromLogits, 0);
        }

        /**
         * @param fromLogits whether the model's outputs are logits (a linear last layer)
         * @param labelSmoothing in [0, 1]: targets move towards 0.5 by this much
         */
        public BinaryCrossentropy(boolean fromLogits, double labelSmoothing) {
            super("binary_crossentropy", "BinaryCrossentropy", fromLogits, labelSmoothing);
        }

        private NDArray targets(NDArray yTrue) {
            return labelSmoothing == 0 ? yTrue
                    : yTrue.mul((float) (1 - labelSmoothing)).add((float) (0.5 * labelSmoothing));
        }

        private double target(float y) {
            return labelSmoothing == 0 ? y : (float) ((float) (y * (float) (1 - labelSmoothing))
                    + (float) (0.5 * labelSmoothing));
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray y = targets(yTrue);
            if (fromLogits) {
                NDArray positive = y.mul(logSigmoid(yPred));
                NDArray negative = y.neg().add(1f).mul(logSigmoid(yPred.neg()));
                return positive.add(negative).neg().mean(new int[] {-1});
            }
            NDArray p = yPred.clip(EPSILON, 1 - EPSILON);
            NDArray positive = y.mul(p.log());
            NDArray negative = y.neg().add(1f).mul(p.neg().add(1f).log());
            return positive.add(negative).neg().mean(new int[] {-1});
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            double sum = 0;
            for (int i = 0; i < yPred.length; i++) {
                double y = target(yTrue[i]);
                if (fromLogits) {
                    double z = yPred[i];
                    sum -= y * logSigmoid(z) + (1 - y) * logSigmoid(-z);
                } else {
                    double p = clip(yPred[i]);
                    sum -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
                }
            }
            return sum / cols;
        }

        @Override
        public boolean isBinary() {
            return true;
        }

        /** A sigmoid output, or a linear one with {@code from_logits}: then dL/dz is the logits gradient. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation == (fromLogits ? Activation.LINEAR : Activation.SIGMOID);
        }

        /**
         * {@code sigmoid(z) - y}, times 1 / (rows cols): the gradient of the cross-entropy of the logits. Without
         * {@code from_logits} (p = sigmoid(z) given) it differs from the gradient through the clipped probabilities
         * (autograd) only where an output is within 1e-7 of 0 or 1.
         */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            NDArray p = fromLogits ? Activation.SIGMOID.apply(yPred) : yPred;
            return p.sub(targets(yTrue));
        }

        @Override
        public boolean hasHostOutputDelta(Activation outputActivation) {
            return hasOutputDelta(outputActivation);
        }

        @Override
        public void hostOutputDelta(float[] targets, int offset, float[] output, int rows, int cols,
                Activation outputActivation, float[] delta) {
            int n = hostProbabilities(output, rows, cols, fromLogits ? Activation.SIGMOID : null, delta);
            for (int i = 0; i < n; i++) {
                delta[i] -= (float) target(targets[offset + i]);
            }
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / ((double) rows * cols);
        }
    }

    /**
     * -sum(y log p) over a sample's outputs, p first divided by its row sum and clipped to [1e-7, 1 - 1e-7]
     * (Keras' {@code categorical_crossentropy}). With {@code from_logits}, {@code log p = log_softmax(z)},
     * unclipped; with {@code label_smoothing} s the targets are first {@code y (1 - s) + s / classes}.
     */
    public static final class CategoricalCrossentropy extends SmoothedCrossentropy {

        public CategoricalCrossentropy() {
            this(false, 0);
        }

        public CategoricalCrossentropy(boolean fromLogits) {
            this(fromLogits, 0);
        }

        /**
         * @param fromLogits whether the model's outputs are logits (a linear last layer)
         * @param labelSmoothing in [0, 1]: targets move towards 1 / classes by this much
         */
        public CategoricalCrossentropy(boolean fromLogits, double labelSmoothing) {
            super("categorical_crossentropy", "CategoricalCrossentropy", fromLogits, labelSmoothing);
        }

        private NDArray targets(NDArray yTrue) {
            if (labelSmoothing == 0) {
                return yTrue;
            }
            long classes = yTrue.getShape().get(yTrue.getShape().dimension() - 1);
            return yTrue.mul((float) (1 - labelSmoothing)).add((float) labelSmoothing / classes);
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return targets(yTrue).mul(logProbabilities(yPred, fromLogits)).sum(new int[] {-1}).neg();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            double sum = 0;
            double[] logp = new double[cols];
            for (int r = 0; r < rows; r++) {
                hostLogProbabilities(yPred, r, cols, fromLogits, logp);
                for (int c = 0; c < cols; c++) {
                    float y = yTrue[r * cols + c];
                    double t = labelSmoothing == 0 ? y : (float) ((float) (y * (float) (1 - labelSmoothing))
                            + (float) labelSmoothing / cols);
                    sum -= t * logp[c];
                }
            }
            return sum;
        }

        /** A softmax output, or a linear one with {@code from_logits}: then dL/dz is the logits gradient. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation == (fromLogits ? Activation.LINEAR : Activation.SOFTMAX);
        }

        /**
         * {@code p sum(y) - y} per row (just {@code p - y} for targets that sum to 1, as one-hot rows do, smoothed
         * or not), p = softmax(z), times 1 / rows: the logits gradient, as for binary cross-entropy.
         */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            NDArray y = targets(yTrue);
            NDArray p = fromLogits ? yPred.softmax(-1) : yPred;
            return p.mul(y.sum(new int[] {-1}, true)).subi(y);
        }

        @Override
        public boolean hasHostOutputDelta(Activation outputActivation) {
            return hasOutputDelta(outputActivation);
        }

        @Override
        public void hostOutputDelta(float[] targets, int offset, float[] output, int rows, int cols,
                Activation outputActivation, float[] delta) {
            int n = hostProbabilities(output, rows, cols, fromLogits ? Activation.SOFTMAX : null, delta);
            float keep = (float) (1 - labelSmoothing);
            float spread = (float) labelSmoothing / cols;
            for (int r = 0; r < n; r += cols) {
                float sum = 0;
                for (int c = 0; c < cols; c++) {
                    float y = targets[offset + r + c];
                    sum += labelSmoothing == 0 ? y : y * keep + spread;
                }
                for (int c = 0; c < cols; c++) {
                    float y = targets[offset + r + c];
                    delta[r + c] = delta[r + c] * sum - (labelSmoothing == 0 ? y : y * keep + spread);
                }
            }
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / rows;
        }
    }

    /**
     * Keras' {@code sparse_categorical_crossentropy}: categorical cross-entropy with the target of each sample an
     * integer class index (one column, or a flat array given to fit) instead of a one-hot row: {@code -log p[y]},
     * p divided by its row sum and clipped to [1e-7, 1 - 1e-7], or {@code -log_softmax(z)[y]} with
     * {@code from_logits}. Indices outside [0, classes) or not integers are refused before training (Keras' JAX
     * backend would silently give such a row the loss 0).
     */
    public static final class SparseCategoricalCrossentropy extends KerasLoss {
        private final boolean fromLogits;

        public SparseCategoricalCrossentropy() {
            this(false);
        }

        /** @param fromLogits whether the model's outputs are logits (a linear last layer) */
        public SparseCategoricalCrossentropy(boolean fromLogits) {
            super("sparse_categorical_crossentropy", "SparseCategoricalCrossentropy");
            this.fromLogits = fromLogits;
        }

        @Override
        public boolean fromLogits() {
            return fromLogits;
        }

        /** One class index per sample, whatever the number of outputs. */
        @Override
        public int targetWidth(int outputUnits) {
            return 1;
        }

        @Override
        public void checkTargets(String argument, float[][] y, int outputUnits) {
            for (int r = 0; r < y.length; r++) {
                float v = y[r][0];
                if (v != Math.rint(v) || v < 0 || v >= outputUnits) {
                    throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + v
                            + " at row " + r + ". Expected an integer class index in [0, " + outputUnits + ") for"
                            + " sparse_categorical_crossentropy (the last layer has " + outputUnits + " unit(s))"
                            + (v == Math.rint(v) ? "" : "; class labels are whole numbers") + ".");
                }
            }
        }

        private static NDArray oneHot(NDArray yTrue, long classes) {
            NDArray index = yTrue.toType(DataType.INT64, false).reshape(-1);
            return index.oneHot((int) classes).toType(DataType.FLOAT32, false);
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            long classes = yPred.getShape().get(yPred.getShape().dimension() - 1);
            return oneHot(yTrue, classes).mul(logProbabilities(yPred, fromLogits)).sum(new int[] {-1}).neg();
        }

        /** {@code yTrue} holds one class index per row. */
        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            double sum = 0;
            double[] logp = new double[cols];
            for (int r = 0; r < rows; r++) {
                hostLogProbabilities(yPred, r, cols, fromLogits, logp);
                sum -= logp[(int) yTrue[r]];
            }
            return sum;
        }

        /** A softmax output, or a linear one with {@code from_logits}: dL/dz is then {@code p - onehot(y)}. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation == (fromLogits ? Activation.LINEAR : Activation.SOFTMAX);
        }

        /** {@code softmax(z) - onehot(y)}, times 1 / rows. */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            NDArray p = fromLogits ? yPred.softmax(-1) : yPred;
            return p.sub(oneHot(yTrue, yPred.getShape().get(yPred.getShape().dimension() - 1)));
        }

        @Override
        public boolean hasHostOutputDelta(Activation outputActivation) {
            return hasOutputDelta(outputActivation);
        }

        /** {@code targets} holds one class index a row. */
        @Override
        public void hostOutputDelta(float[] targets, int offset, float[] output, int rows, int cols,
                Activation outputActivation, float[] delta) {
            hostProbabilities(output, rows, cols, fromLogits ? Activation.SOFTMAX : null, delta);
            for (int r = 0; r < rows; r++) {
                delta[r * cols + (int) targets[offset + r]] -= 1f;
            }
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / rows;
        }

        @Override
        public Map<String, Object> arguments() {
            return crossentropyArguments(fromLogits, 0);
        }
    }

    // ------------------------------------------------------------------ hinge

    /** Keras' rule: when every target of the batch is 0 or 1, targets become {@code 2 y - 1} (-1 or 1). */
    private static NDArray hingeTargets(NDArray yTrue) {
        boolean binary = yTrue.eq(0f).logicalOr(yTrue.eq(1f)).all().getBoolean();
        return binary ? yTrue.mul(2f).sub(1f) : yTrue;
    }

    /** {@code mean(max(1 - y p, 0))} over a sample's outputs, targets -1/1 (0/1 converted, see Keras). */
    public static final class Hinge extends KerasLoss {
        public Hinge() {
            super("hinge", "Hinge");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return hingeTargets(yTrue).mul(yPred).neg().add(1f).maximum(0f).mean(new int[] {-1});
        }
    }

    /** {@code mean(max(1 - y p, 0)^2)} over a sample's outputs, targets as for {@link Hinge}. */
    public static final class SquaredHinge extends KerasLoss {
        public SquaredHinge() {
            super("squared_hinge", "SquaredHinge");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return hingeTargets(yTrue).mul(yPred).neg().add(1f).maximum(0f).square().mean(new int[] {-1});
        }
    }

    /** {@code max(max((1 - y) p) - sum(y p) + 1, 0)} per sample, for one-hot targets. */
    public static final class CategoricalHinge extends KerasLoss {
        public CategoricalHinge() {
            super("categorical_hinge", "CategoricalHinge");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray pos = yTrue.mul(yPred).sum(new int[] {-1});
            NDArray neg = yTrue.neg().add(1f).mul(yPred).max(new int[] {-1});
            return neg.sub(pos).add(1f).maximum(0f);
        }
    }

    // ------------------------------------------------------------------ shared

    private static double checkSmoothing(double labelSmoothing) {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("Invalid value for argument `label_smoothing`: " + labelSmoothing
                    + ". Expected a number in [0, 1].");
        }
        return labelSmoothing;
    }

    private static Map<String, Object> crossentropyArguments(boolean fromLogits, double labelSmoothing) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (fromLogits) {
            args.put("from_logits", true);
        }
        if (labelSmoothing != 0) {
            args.put("label_smoothing", labelSmoothing);
        }
        return java.util.Collections.unmodifiableMap(args);
    }

    /** log p per output: {@code log_softmax(z)} for logits, else {@code log(clip(p / rowsum(p)))} as Keras. */
    private static NDArray logProbabilities(NDArray yPred, boolean fromLogits) {
        if (fromLogits) {
            return yPred.logSoftmax(-1);
        }
        return yPred.div(yPred.sum(new int[] {-1}, true)).clip(Loss.EPSILON, 1 - Loss.EPSILON).log();
    }

    /** {@link #logProbabilities} of row {@code r} on the host, into {@code out}. */
    private static void hostLogProbabilities(float[] yPred, int r, int cols, boolean fromLogits, double[] out) {
        if (fromLogits) {
            double max = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < cols; c++) {
                max = Math.max(max, yPred[r * cols + c]);
            }
            double sumExp = 0;
            for (int c = 0; c < cols; c++) {
                sumExp += Math.exp(yPred[r * cols + c] - max);
            }
            double logSum = max + Math.log(sumExp);
            for (int c = 0; c < cols; c++) {
                out[c] = yPred[r * cols + c] - logSum;
            }
            return;
        }
        double rowSum = 0;
        for (int c = 0; c < cols; c++) {
            rowSum += yPred[r * cols + c];
        }
        for (int c = 0; c < cols; c++) {
            out[c] = Math.log(clip((float) (yPred[r * cols + c] / rowSum)));
        }
    }

    /** {@code log(1 + exp(x))}, computed stably as PyTorch does. */
    private static NDArray softplus(NDArray x) {
        return ai.djl.nn.Activation.softPlus(x);
    }

    /** {@code log sigmoid(x) = -softplus(-x)}. */
    private static NDArray logSigmoid(NDArray x) {
        return softplus(x.neg()).neg();
    }

    private static double logSigmoid(double x) {
        return -(Math.max(-x, 0) + Math.log1p(Math.exp(-Math.abs(x))));
    }

    /** Clips a probability to [EPSILON, 1 - EPSILON] in float32, as the engine does. */
    private static double clip(float p) {
        return Math.min(Math.max(p, Loss.EPSILON), 1 - Loss.EPSILON);
    }

    /** Sum over samples of mean((y - p)^2) over each sample's {@code cols} outputs (row-major arrays). */
    public static double squaredErrorSum(float[] yTrue, float[] yPred, int cols) {
        double sum = 0;
        for (int i = 0; i < yPred.length; i++) {
            double d = (double) yPred[i] - yTrue[i];
            sum += d * d;
        }
        return sum / cols;
    }

    /** Sum over samples of mean(|y - p|) over each sample's {@code cols} outputs (row-major arrays). */
    public static double absoluteErrorSum(float[] yTrue, float[] yPred, int cols) {
        double sum = 0;
        for (int i = 0; i < yPred.length; i++) {
            sum += Math.abs((double) yPred[i] - yTrue[i]);
        }
        return sum / cols;
    }
}
