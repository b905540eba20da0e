package io.github.kerasdjl.metrics;

import io.github.kerasdjl.losses.Loss;

/**
 * A metric that accumulates over batches, as Keras' stateful metrics: {@link #reset()}, {@link #update} per batch,
 * {@link #result()} for the sample-weighted mean so far.
 *
 * <p>Metrics run on the host in plain Java on the batch's targets and the predictions of the same forward pass
 * that trained it (one copy off the device per step), so a custom metric is a few lines of Java.
 */
public abstract class Metric {

    private String name;
    private double total;
    private long count;

    protected Metric(String name) {
        this.name = name;
    }

    /** The key under which the metric appears in a {@code History} and in {@code evaluate}'s map. */
    public String name() {
        return name;
    }

    /** Renames the metric (Keras keys a metric by the string given to {@code compile}). */
    public Metric named(String newName) {
        this.name = newName;
        return this;
    }

    /** Called once the model's output width and loss are known; "accuracy" picks binary or categorical here. */
    public void configure(int outputUnits, Loss loss) {
    }

    /**
     * The sum over a batch's samples of the per-sample metric.
     *
     * @param yTrue targets, row-major, {@code rows x cols}
     * @param yPred predictions, row-major, {@code rows x cols}
     */
    protected abstract double batchSum(float[] yTrue, float[] yPred, int rows, int cols);

    /** Adds a batch of {@code rows} samples with {@code cols} outputs each (row-major arrays). */
    public void update(float[] yTrue, float[] yPred, int rows, int cols) {
        update(yTrue, cols, yPred, cols, rows, null);
    }

    /**
     * Adds a batch: what the training loop calls. Targets are {@code rows x trueCols} (one column of integer class
     * indices for a sparse loss, else as wide as the predictions), predictions {@code rows x predCols}, both
     * row-major; {@code sampleWeight} is one weight per row, or null for weights of 1. A stateful metric (precision,
     * AUC) overrides this and {@link #result()}.
     */
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        if (yTrue.length != rows * trueCols || yPred.length != rows * predCols) {
            throw new IllegalArgumentException("metric " + name + ": expected " + rows + " x " + trueCols
                    + " targets and " + rows + " x " + predCols + " predictions, got " + yTrue.length
                    + " targets and " + yPred.length + " predictions");
        }
        if (trueCols != predCols) {
            throw new IllegalArgumentException("metric " + name + " needs targets as wide as the predictions ("
                    + predCols + "), got " + trueCols + " per sample");
        }
        if (sampleWeight != null) {
            throw new UnsupportedOperationException("metric " + name + " does not take sample weights yet");
        }
        total += batchSum(yTrue, yPred, rows, predCols);
        count += rows;
    }

    /** The mean over all samples seen since the last {@link #reset()}; NaN before any. */
    public double result() {
        return count == 0 ? Double.NaN : total / count;
    }

    /** Forgets what was seen. */
    public void reset() {
        total = 0;
        count = 0;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Looks a metric up by its Keras name or alias; the metric is keyed by the string given. */
    public static Metric get(String name) {
        return Metrics.REGISTRY.get(name).named(name.trim());
    }
}
