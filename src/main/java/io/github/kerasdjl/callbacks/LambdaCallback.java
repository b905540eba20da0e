package io.github.kerasdjl.callbacks;

import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Keras' LambdaCallback: a callback made of lambdas, any of which may be null (nothing happens at that hook). The
 * hooks are Keras' {@code on_train_begin(logs)} (here with the model), {@code on_epoch_begin(epoch, logs)},
 * {@code on_train_batch_begin(batch, logs)}, {@code on_train_batch_end(batch, logs)},
 * {@code on_epoch_end(epoch, logs)} and {@code on_train_end(logs)}; epochs and batches count from 0.
 *
 * <pre>{@code
 * new LambdaCallback().onEpochEnd((epoch, logs) -> System.out.println(epoch + " " + logs.get("loss")))
 * }</pre>
 */
public final class LambdaCallback implements Callback {

    private Consumer<ModelView> onTrainBegin;
    private IntConsumer onEpochBegin;
    private IntConsumer onBatchBegin;
    private BiConsumer<Integer, Map<String, Double>> onBatchEnd;
    private BiConsumer<Integer, Map<String, Double>> onEpochEnd;
    private Consumer<Map<String, Double>> onTrainEnd;

    /** A callback that does nothing until hooks are given. */
    public LambdaCallback() {
    }

    /** Keras' {@code on_train_begin}, given the model. */
    public LambdaCallback onTrainBegin(Consumer<ModelView> hook) {
        this.onTrainBegin = hook;
        return this;
    }

    /** Keras' {@code on_epoch_begin}, given the epoch. */
    public LambdaCallback onEpochBegin(IntConsumer hook) {
        this.onEpochBegin = hook;
        return this;
    }

    /** Keras' {@code on_train_batch_begin}, given the batch within its epoch. */
    public LambdaCallback onBatchBegin(IntConsumer hook) {
        this.onBatchBegin = hook;
        return this;
    }

    /** Keras' {@code on_train_batch_end}, given the batch and the epoch's running logs. */
    public LambdaCallback onBatchEnd(BiConsumer<Integer, Map<String, Double>> hook) {
        this.onBatchEnd = hook;
        return this;
    }

    /** Keras' {@code on_epoch_end}, given the epoch and its logs. */
    public LambdaCallback onEpochEnd(BiConsumer<Integer, Map<String, Double>> hook) {
        this.onEpochEnd = hook;
        return this;
    }

    /** Keras' {@code on_train_end}, given the last epoch's logs. */
    public LambdaCallback onTrainEnd(Consumer<Map<String, Double>> hook) {
        this.onTrainEnd = hook;
        return this;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        if (onTrainBegin != null) {
            onTrainBegin.accept(model);
        }
    }

    @Override
    public void onEpochBegin(int epoch) {
        if (onEpochBegin != null) {
            onEpochBegin.accept(epoch);
        }
    }

    /** When the program gave a function per batch: it may use the weights. */
    @Override
    public boolean usesWeightsPerBatch() {
        return onBatchBegin != null || onBatchEnd != null;
    }

    @Override
    public void onBatchBegin(int batch) {
        if (onBatchBegin != null) {
            onBatchBegin.accept(batch);
        }
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        if (onBatchEnd != null) {
            onBatchEnd.accept(batch, logs);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (onEpochEnd != null) {
            onEpochEnd.accept(epoch, logs);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (onTrainEnd != null) {
            onTrainEnd.accept(logs);
        }
    }
}
