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
    private ai.djl.ndarray.types.Shape validationShape;
    private int initialEpoch;
    private float[] sampleWeight;
    private java.util.Map<Integer, Double> classWeight;
    private int validationBatchSize;
    private int validationFreq = 1;
    private int stepsPerEpoch;
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
        this.validationShape = null;
        return this;
    }

    /** Validation images (samples, height, width, channels), for a model with an N-D input. */
    public FitOptions validationData(float[][][][] x, float[][] y) {
        return validationData(io.github.kerasdjl.backend.Samples.of("validation_data x", x), y);
    }

    /** Validation samples of rank 2, for a model with an N-D input. */
    public FitOptions validationData(float[][][] x, float[][] y) {
        return validationData(io.github.kerasdjl.backend.Samples.of("validation_data x", x), y);
    }

    private FitOptions validationData(io.github.kerasdjl.backend.Samples x, float[][] y) {
        this.validationX = x.rows();
        this.validationY = y;
        this.validationShape = x.shape();
        return this;
    }

    /** The shape of one validation sample when it was given N-D; null for rows. */
    public ai.djl.ndarray.types.Shape validationShape() {
        return validationShape;
    }

    /** The epoch to start counting from (Keras' {@code initial_epoch}); runs epochs initialEpoch..epochs-1. */
    public FitOptions initialEpoch(int value) {
        this.initialEpoch = value;
        return this;
    }

    /**
     * Keras' {@code sample_weight}: one weight per training sample, which scales that sample's loss (the batch loss
     * is {@code sum(w * loss) / rows}). The metrics given to {@code compile} are not weighted, as in Keras. With
     * {@code validationSplit}, the held-out rows' weights weight the validation loss.
     */
    public FitOptions sampleWeight(float[] value) {
        this.sampleWeight = value == null ? null : value.clone();
        return this;
    }

    /**
     * Keras' {@code class_weight}: a weight per class index, applied to each sample by its class (the argmax of a
     * one-hot row, or the rounded value of a one-column target: a sparse class index or a binary label); classes
     * not named keep weight 1. Not together with {@link #sampleWeight}.
     */
    public FitOptions classWeight(java.util.Map<Integer, Double> value) {
        if (value != null && value.keySet().stream().anyMatch(java.util.Objects::isNull)) {
            throw new IllegalArgumentException("Invalid value for argument `class_weight`: " + value + " holds a null"
                    + " class. Expected class indices mapped to finite weights >= 0.");
        }
        this.classWeight = value == null ? null : new java.util.TreeMap<>(value);
        return this;
    }

    /** Keras' {@code validation_batch_size}: the batch size of the validation pass (default: the batch size). */
    public FitOptions validationBatchSize(int value) {
        this.validationBatchSize = value;
        return this;
    }

    /** Keras' {@code validation_freq}: validate after every {@code value}-th epoch (1, 2, ... counted from 1). */
    public FitOptions validationFreq(int value) {
        this.validationFreq = value;
        return this;
    }

    /**
     * Keras' {@code steps_per_epoch}: each epoch runs this many batches, continuing the pass over the data where the
     * previous epoch stopped (a new shuffled pass begins when one is used up; an epoch that reaches the end of a pass
     * ends there, as Keras 3 does with arrays). 0 (the default) is one whole pass per epoch.
     */
    public FitOptions stepsPerEpoch(int value) {
        this.stepsPerEpoch = value;
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

    public float[] sampleWeight() {
        return sampleWeight == null ? null : sampleWeight.clone();
    }

    public java.util.Map<Integer, Double> classWeight() {
        return classWeight == null ? null : java.util.Collections.unmodifiableMap(classWeight);
    }

    /** The validation batch size: the one set, else {@link #batchSize()}. */
    public int validationBatchSize() {
        return validationBatchSize > 0 ? validationBatchSize : batchSize;
    }

    public int validationFreq() {
        return validationFreq;
    }

    /** Batches per epoch, 0 for one whole pass. */
    public int stepsPerEpoch() {
        return stepsPerEpoch;
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
        if (validationBatchSize < 0) {
            throw new IllegalArgumentException("Invalid value for argument `validation_batch_size`: "
                    + validationBatchSize + ". Expected an integer >= 1.");
        }
        if (validationFreq < 1) {
            throw new IllegalArgumentException("Invalid value for argument `validation_freq`: " + validationFreq
                    + ". Expected an integer >= 1 (validate every N epochs).");
        }
        if (stepsPerEpoch < 0) {
            throw new IllegalArgumentException("Invalid value for argument `steps_per_epoch`: " + stepsPerEpoch
                    + ". Expected an integer >= 1, or 0 for one whole pass over the data.");
        }
        if (sampleWeight != null && classWeight != null) {
            throw new IllegalArgumentException("Invalid value for argument `class_weight`: " + classWeight
                    + ". You cannot give `class_weight` and `sample_weight` at the same time (Keras neither).");
        }
        if (sampleWeight != null) {
            checkWeights("sample_weight", sampleWeight);
        }
        if (classWeight != null) {
            for (java.util.Map.Entry<Integer, Double> e : classWeight.entrySet()) {
                if (e.getKey() == null || e.getValue() == null || !(e.getValue() >= 0)
                        || Double.isInfinite(e.getValue())) {
                    throw new IllegalArgumentException("Invalid value for argument `class_weight`: " + e.getKey()
                            + " -> " + e.getValue() + ". Expected class indices mapped to finite weights >= 0.");
                }
            }
        }
        if (initialEpoch < 0 || initialEpoch > epochs) {
            throw new IllegalArgumentException("Invalid value for argument `initial_epoch`: " + initialEpoch
                    + ". Expected an integer in [0, epochs=" + epochs + "].");
        }
    }

    /** Sample weights must be finite numbers >= 0. */
    public static void checkWeights(String argument, float[] weights) {
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Float.isInfinite(weights[i])) {
                throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + weights[i]
                        + " at row " + i + ". Expected finite weights >= 0.");
            }
        }
    }
}
