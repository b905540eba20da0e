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
        if (yTrue.length != rows * cols || yPred.length != rows * cols) {
            throw new IllegalArgumentException("metric " + name + ": expected " + rows + " x " + cols
                    + " values, got " + yTrue.length + " targets and " + yPred.length + " predictions");
        }
        total += batchSum(yTrue, yPred, rows, cols);
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
