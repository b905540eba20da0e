package io.github.kerasdjl.losses;

import ai.djl.ndarray.NDArray;
import io.github.kerasdjl.activations.Activation;
import java.util.Map;

/**
 * A loss as Keras computes it: a value per sample, then the mean over the batch ("sum_over_batch_size").
 * Subclass it for a custom loss and pass the object to {@code compile}.
 */
public abstract class Loss {

    /** Keras' backend epsilon: probabilities are clipped to [EPSILON, 1 - EPSILON] before a log. */
    public static final float EPSILON = 1e-7f;

    private final String name;

    protected Loss(String name) {
        this.name = name;
    }

    /** The name Keras uses, e.g. {@code mean_squared_error}. */
    public String name() {
        return name;
    }

    /** One loss value per sample: shape (batch). */
    public abstract NDArray perSample(NDArray yTrue, NDArray yPred);

    /** The batch loss: the mean of {@link #perSample}, a scalar. */
    public NDArray compute(NDArray yTrue, NDArray yPred) {
        return perSample(yTrue, yPred).mean();
    }

    /**
     * The sum over a batch's samples of {@link #perSample}, computed on the host from row-major copies of the
     * targets and predictions; NaN when this loss has no host form (then the engine computes it). The training
     * step's fast path uses it, so that the loss costs no engine call.
     */
    public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
        return Double.NaN;
    }

    /**
     * Whether {@link #outputDelta} is written out for this loss after {@code outputActivation} (a hand-written
     * backward pass can then start from it). None by default: a custom loss trains through autograd.
     */
    public boolean hasOutputDelta(Activation outputActivation) {
        return false;
    }

    /**
     * dL/dz of the output layer (z its input, before the activation), up to the constant factor
     * {@link #outputDeltaScale}: where a hand-written backward pass starts.
     *
     * @param yTrue the batch's targets
     * @param yPred the output layer's activations for the batch
     * @param outputDerivative the output activation's derivative from its output
     */
    public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
        throw new UnsupportedOperationException("Loss '" + name + "' has no hand-written output delta");
    }

    /**
     * Whether {@link #hostOutputDelta} is written out for this loss after {@code outputActivation}: the output delta
     * on JVM arrays, for the hand-written step that trains a tiny Dense stack on the host. None by default.
     */
    public boolean hasHostOutputDelta(Activation outputActivation) {
        return false;
    }

    /**
     * {@link #outputDelta} on JVM arrays, without its scale, in the same float32 operations: for the {@code rows}
     * rows of {@code output} ({@code cols} wide, row-major; the output layer's activations, or its logits with
     * {@code from_logits}), their targets {@link #targetWidth} a row from {@code targets[offset]}, into
     * {@code delta} (at least {@code rows * cols} long).
     */
    public void hostOutputDelta(float[] targets, int offset, float[] output, int rows, int cols,
            Activation outputActivation, float[] delta) {
        throw new UnsupportedOperationException("Loss '" + name + "' has no host output delta");
    }

    /** The constant factor of {@link #outputDelta} for a batch of {@code rows} samples of {@code cols} outputs. */
    public double outputDeltaScale(int rows, int cols) {
        throw new UnsupportedOperationException("Loss '" + name + "' has no hand-written output delta");
    }

    /**
     * How many target values a sample has for a model with {@code outputUnits} outputs: as many as the outputs for
     * every loss here but the sparse ones, whose target is one integer class index per sample.
     */
    public int targetWidth(int outputUnits) {
        return outputUnits;
    }

    /**
     * Checks a fit's or evaluate's targets before anything is built or trained, for a model with
     * {@code outputUnits} outputs; {@code argument} names them in the error. Nothing by default: the model has
     * already checked their shape against {@link #targetWidth}. The sparse loss checks that each is a class index.
     *
     * @throws IllegalArgumentException naming the row, the value and what is valid
     */
    public void checkTargets(String argument, float[][] y, int outputUnits) {
    }

    /** Whether this loss reads the model's outputs as logits (Keras' {@code from_logits=True}). */
    public boolean fromLogits() {
        return false;
    }

    /**
     * Keras' class name of this loss (e.g. {@code "Huber"}), under which a {@code .keras} file records a loss with
     * {@link #arguments}; null for a loss Keras has no class for (a custom one), which is saved by its name alone.
     */
    public String className() {
        return null;
    }

    /**
     * The arguments of this loss that differ from Keras' defaults, by Keras' config keys (e.g.
     * {@code from_logits -> true}, {@code delta -> 0.5}): empty when the name alone says what the loss is.
     * Values are Boolean or Double.
     */
    public Map<String, Object> arguments() {
        return Map.of();
    }

    /** Whether this loss treats each output as an independent probability (Keras' binary rule for accuracy). */
    public boolean isBinary() {
        return false;
    }

    @Override
    public String toString() {
        Map<String, Object> args = arguments();
        return args.isEmpty() ? name : name + args;
    }

    /** Looks a loss up by its Keras name or alias ({@code "mse"}, {@code "binary_crossentropy"}, ...). */
    public static Loss get(String name) {
        return Losses.REGISTRY.get(name);
    }
}
