package io.github.kerasdjl.metrics;

/**
 * Keras' {@code MeanMetricWrapper}: the sample-weighted mean of a per-sample value, {@code sum(w * v) / sum(w)}
 * over every batch since the reset (0 when the weights sum to 0, Keras' {@code divide_no_nan}; NaN before any
 * sample). A custom metric implements {@link #value}.
 */
public abstract class MeanMetric extends Metric {

    private double total;
    private double count;
    private long seen;

    protected MeanMetric(String name) {
        super(name);
    }

    /**
     * The metric of one sample: its targets are {@code yTrue[trueOffset .. trueOffset + trueCols)}, its predictions
     * {@code yPred[predOffset .. predOffset + predCols)}.
     */
    protected abstract double value(float[] yTrue, int trueOffset, int trueCols, float[] yPred, int predOffset,
            int predCols);

    /** Checks the target width against the prediction width: the same by default. */
    protected void checkWidths(int trueCols, int predCols) {
        requireSameWidth(trueCols, predCols);
    }

    @Override
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        checkBatch(yTrue, trueCols, yPred, predCols, rows, sampleWeight);
        checkWidths(trueCols, predCols);
        for (int r = 0; r < rows; r++) {
            double v = value(yTrue, r * trueCols, trueCols, yPred, r * predCols, predCols);
            double w = sampleWeight == null ? 1 : sampleWeight[r];
            total += w * v;
            count += w;
        }
        seen += rows;
    }

    /** The weighted mean so far (NaN before any sample), for metrics built on it (root mean squared error). */
    protected final double mean() {
        return seen == 0 ? Double.NaN : divideNoNan(total, count);
    }

    @Override
    public double result() {
        return mean();
    }

    @Override
    public void reset() {
        total = 0;
        count = 0;
        seen = 0;
    }
}
