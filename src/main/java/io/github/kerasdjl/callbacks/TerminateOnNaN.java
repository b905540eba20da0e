package io.github.kerasdjl.callbacks;

import java.io.PrintStream;
import java.util.Map;

/**
 * Keras' TerminateOnNaN: ends training at the first batch whose loss is NaN or infinite, printing
 * {@code Batch N: Invalid loss, terminating training}. {@code fit} then ends normally after that batch.
 */
public final class TerminateOnNaN implements Callback {

    private final PrintStream out;
    private ModelView model;
    private int stoppedAtBatch = -1;

    /** Prints to standard output, as Keras does. */
    public TerminateOnNaN() {
        this(System.out);
    }

    /** Prints to {@code out}. */
    public TerminateOnNaN(PrintStream out) {
        if (out == null) {
            throw new IllegalArgumentException("Invalid value for argument `out`: null.");
        }
        this.out = out;
    }

    @Override
    public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
        this.model = model;
        this.stoppedAtBatch = -1;
    }

    /** Only the logs per batch. */
    @Override
    public boolean usesWeightsPerBatch() {
        return false;
    }

    @Override
    public void onBatchEnd(int batch, Map<String, Double> logs) {
        Double loss = logs.get("loss");
        if (loss != null && !Double.isFinite(loss)) {
            out.println("Batch " + batch + ": Invalid loss, terminating training");
            stoppedAtBatch = batch;
            model.stopTraining();
        }
    }

    /** The batch (within its epoch) at which training was ended, or -1. */
    public int stoppedAtBatch() {
        return stoppedAtBatch;
    }
}
