package io.github.kerasdjl.metrics;

import io.github.kerasdjl.losses.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A metric that accumulates over batches, as Keras' stateful metrics: {@link #reset()}, {@link #update} per batch,
 * {@link #result()} for the value over everything seen since the reset (precision from the true and false positives
 * summed over the epoch, not a mean of batch precisions).
 *
 * <p>Metrics run on the host in plain Java on the batch's targets and the predictions of the same forward pass
 * that trained it (one copy off the device per step). A custom metric that is a mean of a per-sample value extends
 * {@link MeanMetric}; one with other state extends this class.
 *
 * <p>A metric whose Keras result is a vector (one value per threshold or per class) logs one key per element,
 * {@code name_0}, {@code name_1}, ... (see {@link #keys(int)}): a History holds one number per key and epoch.
 */
public abstract class Metric {

    private String name;
    private boolean byName;

    protected Metric(String name) {
        this.name = name;
    }

    /** The key under which the metric appears in a {@code History} and in {@code evaluate}'s map. */
    public String name() {
        return name;
    }

    /** Renames the metric (Keras keys a metric by the string given to {@code compile}). */
    public Metric named(String newName) {
        if (newName == null || newName.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `name`: " + (newName == null ? "null"
                    : "'" + newName + "'") + ". Expected a non-empty metric name.");
        }
        this.name = newName;
        return this;
    }

    /** Whether this metric was made from a name ({@link #get}); a model file then holds the name, as Keras'. */
    public boolean isByName() {
        return byName;
    }

    /** Called once the model's output width and loss are known; "accuracy" picks its kind here. */
    public void configure(int outputUnits, Loss loss) {
    }

    /**
     * Adds a batch: what the training loop calls. Targets are {@code rows x trueCols} (one column of integer class
     * indices for a sparse loss, else as wide as the predictions), predictions {@code rows x predCols}, both
     * row-major; {@code sampleWeight} is one weight per row, or null for weights of 1.
     */
    public abstract void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows,
            float[] sampleWeight);

    /** Adds a batch of {@code rows} samples with {@code cols} outputs each (row-major arrays), weights of 1. */
    public void update(float[] yTrue, float[] yPred, int rows, int cols) {
        update(yTrue, cols, yPred, cols, rows, null);
    }

    /** The value over everything seen since the last {@link #reset()}. */
    public abstract double result();

    /** Forgets what was seen. */
    public abstract void reset();

    /**
     * The log keys of this metric for a model of {@code outputUnits} outputs: its name, or for a vector result one
     * key per element, {@code name_i}.
     */
    public List<String> keys(int outputUnits) {
        int n = resultSize(outputUnits);
        if (n < 0) {
            return List.of(name);
        }
        List<String> keys = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            keys.add(name + "_" + i);
        }
        return keys;
    }

    /** The values for {@link #keys(int)}, in order. */
    public double[] results() {
        return new double[] {result()};
    }

    /** The length of a vector result for a model of {@code outputUnits} outputs, or -1 for a single number. */
    protected int resultSize(int outputUnits) {
        return -1;
    }

    /**
     * Keras' {@code _direction} of this metric: true when higher is better ("up": accuracies, precision, recall, AUC,
     * F-scores, R2), false when lower is ("down": the errors), null when unknown (a custom metric). Callbacks in mode
     * {@code auto} read it, so a built-in metric under a name of its own is still directed as Keras directs it.
     */
    public Boolean maximize() {
        String c = kerasClassName();
        if (c == null) {
            return null;
        }
        return switch (c) {
            case "Accuracy", "BinaryAccuracy", "CategoricalAccuracy", "SparseCategoricalAccuracy",
                    "TopKCategoricalAccuracy", "Precision", "Recall", "AUC", "F1Score", "FBetaScore", "R2Score" -> true;
            case "MeanSquaredError", "MeanAbsoluteError", "RootMeanSquaredError" -> false;
            default -> null;
        };
    }

    /**
     * The Keras class name of this metric ({@code "Precision"}) when it has a Keras config, null for a custom
     * metric. With {@link #config()} it is what a {@code .keras} file holds for a metric given as an object.
     */
    public String kerasClassName() {
        return null;
    }

    /**
     * Keras' {@code get_config()} of this metric: {@code name}, {@code dtype} and its arguments (numbers, strings,
     * booleans, lists of numbers, nulls), or null when it has none.
     */
    public Map<String, Object> config() {
        return null;
    }

    /** Checks a batch's array lengths and weights, as every update does first. */
    protected final void checkBatch(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows,
            float[] sampleWeight) {
        if (yTrue == null || yPred == null) {
            throw new IllegalArgumentException("metric " + name + ": targets and predictions must not be null");
        }
        if (rows < 0 || trueCols < 1 || predCols < 1 || yTrue.length != rows * trueCols
                || yPred.length != rows * predCols) {
            throw new IllegalArgumentException("metric " + name + ": expected " + rows + " x " + trueCols
                    + " targets and " + rows + " x " + predCols + " predictions, got " + yTrue.length
                    + " targets and " + yPred.length + " predictions");
        }
        if (sampleWeight != null && sampleWeight.length != rows) {
            throw new IllegalArgumentException("Invalid value for argument `sample_weight` of metric " + name
                    + ": " + sampleWeight.length + " weights. Expected one weight per sample (" + rows + ").");
        }
    }

    /** Refuses targets that are not as wide as the predictions. */
    protected final void requireSameWidth(int trueCols, int predCols) {
        if (trueCols != predCols) {
            throw new IllegalArgumentException("metric " + name + " needs targets as wide as the predictions ("
                    + predCols + "), got " + trueCols + " per sample");
        }
    }

    /** Keras' {@code divide_no_nan}: 0 where the denominator is 0. */
    static double divideNoNan(double a, double b) {
        return b == 0 ? 0 : a / b;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Looks a metric up by its Keras name or alias; the metric is keyed by the string given. */
    public static Metric get(String name) {
        Metric m = Metrics.REGISTRY.get(name).named(name.trim());
        m.byName = true;
        return m;
    }
}
