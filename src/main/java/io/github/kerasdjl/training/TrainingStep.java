package io.github.kerasdjl.training;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * One training step: forward on a batch, gradients, optimizer update. Two kinds exist, DJL's autograd over one or
 * more devices ({@link AutogradStep}) and the hand-written backward pass of a Dense stack
 * ({@link DenseBackpropStep}); {@link TrainingSteps} decides which one a fit uses.
 *
 * <p>Arrays a step makes belong to the caller's scope; what it keeps across steps it frees on {@link #close()}.
 */
public interface TrainingStep extends AutoCloseable {

    /**
     * One step on rows [start, end) of {@code xs} and {@code ys}.
     *
     * @param targets the host copy of {@code ys}, row-major, in the same order
     * @return the batch loss before the update, and the predictions of the forward pass that trained the batch
     *     (row-major; null when the step was told they are not needed)
     */
    Result train(NDArray xs, NDArray ys, float[] targets, int start, int end);

    /**
     * The gradient of the batch loss (the mean over the batch, plus penalties) with respect to each weight, in
     * {@link Network#variables()}'s order and the engine's layout. Nothing is updated.
     */
    List<NDArray> gradients(NDArray x, NDArray y);

    /** Frees what the step keeps across steps and restores what it changed on the weights. */
    @Override
    void close();

    /**
     * @param loss the batch loss, with penalties
     * @param predictions the outputs of the batch, row-major, or null
     */
    record Result(double loss, float[] predictions) {
    }
}
