package io.github.kerasdjl.training;

import io.github.kerasdjl.callbacks.Callback;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything Keras' {@code fit} takes besides the data, with Keras' defaults: epochs 1, batch_size 32,
 * verbose 1, shuffle true, no validation.
 */
public final class FitOptions {

    /** Keras' default batch size. */
    public static final int DEFAULT_BATCH_SIZE = 32;

    private int epochs = 1;
    private int batchSize = DEFAULT_BATCH_SIZE;
    private int verbose = 1;
    private boolean shuffle = true;
    private double validationSplit;
    private float[][] validationX;
    private float[][] validationY;
    private int initialEpoch;
    private final List<Callback> callbacks = new ArrayList<>();

    /** Options with Keras' defaults. */
    public FitOptions() {
    }

    /** Number of epochs (>= 0). */
    public FitOptions epochs(int value) {
        this.epochs = value;
        return this;
    }

    /** Samples per step (>= 1); the last batch of an epoch may be smaller. */
    public FitOptions batchSize(int value) {
        this.batchSize = value;
        return this;
    }

    /** 0 silent, 1 progress bar (sparse lines when not a terminal), 2 one line per epoch. */
    public FitOptions verbose(int value) {
        this.verbose = value;
        return this;
    }

    /** Whether to shuffle the training samples before each epoch (with the model's seeded generator). */
    public FitOptions shuffle(boolean value) {
        this.shuffle = value;
        return this;
    }

    /** The fraction of the data, taken from its end before any shuffling, held out for validation (Keras). */
    public FitOptions validationSplit(double value) {
        this.validationSplit = value;
        return this;
    }

    /** Data to evaluate at the end of each epoch (overrides validationSplit, as in Keras). */
    public FitOptions validationData(float[][] x, float[][] y) {
        this.validationX = x;
        this.validationY = y;
        return this;
    }

    /** The epoch to start counting from (Keras' {@code initial_epoch}); runs epochs initialEpoch..epochs-1. */
    public FitOptions initialEpoch(int value) {
        this.initialEpoch = value;
        return this;
    }

    /** Adds callbacks. */
    public FitOptions callbacks(Callback... values) {
        if (values == null) {
            throw new IllegalArgumentException("Invalid value for argument `callbacks`: null. Expected callbacks, or"
                    + " none.");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new IllegalArgumentException("Invalid value for argument `callbacks`: element " + i
                        + " is null. Expected a Callback.");
            }
        }
        callbacks.addAll(List.of(values));
        return this;
    }

    public int epochs() {
        return epochs;
    }

    public int batchSize() {
        return batchSize;
    }

    public int verbose() {
        return verbose;
    }

    public boolean shuffle() {
        return shuffle;
    }

    public double validationSplit() {
        return validationSplit;
    }

    public float[][] validationX() {
        return validationX;
    }

    public float[][] validationY() {
        return validationY;
    }

    public int initialEpoch() {
        return initialEpoch;
    }

    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    /** Checks every option, naming the first one that is out of range. */
    public void validate() {
        if (epochs < 0) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `epochs`: " + epochs + ". Expected an integer >= 0.");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `batch_size`: " + batchSize + ". Expected an integer >= 1.");
        }
        if (verbose < 0 || verbose > 2) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `verbose`: " + verbose + ". Expected 0, 1 or 2.");
        }
        if (!(validationSplit >= 0 && validationSplit < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `validation_split`: " + validationSplit
                    + ". Expected a fraction in [0, 1).");
        }
        if ((validationX == null) != (validationY == null)) {
            throw new IllegalArgumentException("Invalid value for argument `validation_data`: give both x and y.");
        }
        if (initialEpoch < 0 || initialEpoch > epochs) {
            throw new IllegalArgumentException("Invalid value for argument `initial_epoch`: " + initialEpoch
                    + ". Expected an integer in [0, epochs=" + epochs + "].");
        }
    }
}
