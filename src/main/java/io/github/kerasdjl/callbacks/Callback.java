package io.github.kerasdjl.callbacks;

import java.util.Map;

/**
 * Hooks into {@code fit}, as Keras' callbacks. The logs hold the values of the epoch or batch so far:
 * {@code loss}, the metrics, and {@code val_...} at the end of an epoch with validation data. To stop training,
 * call {@link ModelView#stopTraining()} on the model given to {@link #onTrainBegin}: {@code fit} ends normally after the current epoch.
 */
public interface Callback {

    /**
     * Before anything trains (before the optimizer's state is made and the first step), with the keys the epoch
     * logs will hold ({@code loss}, the metrics, and their {@code val_} forms with validation data): a callback
     * checks here what Keras would fail on later (a monitor whose direction cannot be known in mode auto, a file
     * that cannot be written) and throws, so that a bad argument changes nothing. A monitored key that the logs will
     * lack is not an error: as Keras, the callback warns once and goes on.
     */
    default void checkLogKeys(java.util.Set<String> epochLogKeys) {
    }

    /**
     * {@link #checkLogKeys(java.util.Set)} with the direction of each metric key the model knows (true: higher is
     * better), as Keras' callbacks read a metric's {@code _direction}: what {@code fit} calls.
     */
    default void checkLogKeys(java.util.Set<String> epochLogKeys, Map<String, Boolean> maximize) {
        checkLogKeys(epochLogKeys);
    }

    /** Before the first epoch. */
    default void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
    }

    /**
     * After {@link #onTrainBegin}: the epoch (counting from 0) the fit should start at; a fit starts at the largest
     * any callback asks for. {@code BackupAndRestore} asks for the epoch after its backup's.
     *
     * @param requested the fit's {@code initial_epoch}
     */
    default int resumeEpoch(int requested) {
        return requested;
    }

    /** Before an epoch (counting from 0). */
    default void onEpochBegin(int epoch) {
    }

    /** Before a training batch of an epoch (counting from 0), Keras' {@code on_train_batch_begin}. */
    default void onBatchBegin(int batch) {
    }

    /**
     * Whether {@link #onBatchBegin} or {@link #onBatchEnd} may read or set the model's weights: {@code fit} then
     * makes the model's arrays current around each batch's callbacks, which costs a step that trains a copy of the
     * weights on the JVM (the seeds' tiny networks) a copy each way. True when the callback overrides either
     * method (a program's own callback); the library's callbacks that only read the logs say false.
     */
    default boolean usesWeightsPerBatch() {
        try {
            return getClass().getMethod("onBatchBegin", int.class).getDeclaringClass() != Callback.class
                    || getClass().getMethod("onBatchEnd", int.class, Map.class).getDeclaringClass() != Callback.class;
        } catch (NoSuchMethodException e) {
            return true;
        }
    }

    /** After a training batch of an epoch, with the epoch's running means. */
    default void onBatchEnd(int batch, Map<String, Double> logs) {
    }

    /** After an epoch, with its loss and metrics (and validation values). */
    default void onEpochEnd(int epoch, Map<String, Double> logs) {
    }

    /** After the last epoch (or a stop). */
    default void onTrainEnd(Map<String, Double> logs) {
    }

    /**
     * Instead of {@link #onTrainEnd}, when {@code fit} ends by an exception after this callback's
     * {@link #onTrainBegin} (another callback, a schedule, the training itself threw): the callback frees what it
     * opened (TensorBoard's event files). Keras has no such hook and leaves that to the garbage collector;
     * {@code fit} then throws the exception, with anything this method throws attached as suppressed.
     */
    default void onTrainAborted(Throwable cause) {
    }
}
