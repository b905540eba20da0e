package io.github.kerasdjl.training;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * One training step: forward on a batch, gradients, optimizer update. Three kinds exist, DJL's autograd over one
 * or more devices ({@link AutogradStep}), the hand-written backward pass of a Dense stack on engine arrays
 * ({@link DenseBackpropStep}) and the same pass on JVM arrays for tiny steps ({@link HostDenseStep});
 * {@link TrainingSteps} decides which one a fit uses.
 *
 * <p>Arrays a step makes belong to the caller's scope; what it keeps across steps it frees on {@link #close()}.
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * One step on rows [start, end) of {@code xs} and {@code ys}, without sample weights.
     *
     * @param targets the host copy of {@code ys}, row-major, in the same order
     * @return the batch loss before the update, and the predictions of the forward pass that trained the batch
     *     (row-major; null when the step was told they are not needed)
     */
    default Result train(NDArray xs, NDArray ys, float[] targets, int start, int end) {
        return train(xs, ys, null, targets, null, start, end);
    }

    /**
     * One step on rows [start, end), with Keras' sample weights when {@code ws} is given: the batch loss is
     * {@code sum(w_i * loss_i) / rows} (Keras' "sum_over_batch_size" reduction, which divides by the rows, not by
     * the weights' sum).
     *
     * @param ws the sample weights, shape (samples, 1), in the rows' order; or null for weights of 1
     * @param weights the host copy of {@code ws}, or null
     */
    Result train(NDArray xs, NDArray ys, NDArray ws, float[] targets, float[] weights, int start, int end);

    /**
     * The gradient of the batch loss (the mean over the batch, plus penalties) with respect to each weight, in
     * {@link Network#variables()}'s order and the engine's layout. Nothing is updated.
     */
    List<NDArray> gradients(NDArray x, NDArray y);

    /**
     * Makes the model's weight arrays hold what the step has trained: a step that trains a copy of the weights
     * ({@link HostDenseStep}) writes it back. Called before anyone else looks at the weights (callbacks, validation);
     * nothing to do for a step that trains the model's arrays.
     */
    default void toModel() {
    }

    /**
     * Takes the model's weight arrays as they are now (a callback may have set them) as the weights to train from
     * the next step on; a step that trains a copy reads them before that step.
     */
    default void fromModel() {
    }

    /** Frees what the step keeps across steps, restores what it changed on the weights and writes back a copy. */
    @Override
    void close();

    /**
     * @param loss the batch loss, with penalties
     * @param predictions the outputs of the batch, row-major, or null
     */
    record Result(double loss, float[] predictions) {
    }
}
