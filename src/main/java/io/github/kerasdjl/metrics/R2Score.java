package io.github.kerasdjl.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras' {@code R2Score}: per output column, the (sample-weighted) sums of y, y^2 and (y - p)^2 over the epoch, then
 * {@code 1 - residual / (sum(y^2) - sum(y) mean(y))} (an infinite score becomes 0, as Keras'). {@code
 * class_aggregation}: "uniform_average" (default), "variance_weighted_average" or null (one value per column, logged
 * as {@code r2_score_0}, ...). {@code num_regressors} > 0 gives the adjusted score, with Keras' sample count (every
 * target value seen, unweighted) and its fallback to the plain score, with a warning, when there are too few.
 */
public final class R2Score extends Metric {

    private static final Logger LOG = LoggerFactory.getLogger(R2Score.class);

    private String classAggregation = "uniform_average";
    private int numRegressors;
    private int cols = -1;
    private double[] sum;
    private double[] squaredSum;
    private double[] residual;
    private double[] count;
    private double numSamples;

    public R2Score() {
        super("r2_score");
    }

    /** Keras' {@code class_aggregation}: "uniform_average", "variance_weighted_average" or null. */
    public R2Score classAggregation(String value) {
        if (value != null && !value.equals("uniform_average") && !value.equals("variance_weighted_average")) {
            throw new IllegalArgumentException("Invalid value for argument `class_aggregation`: " + value
                    + ". Expected one of: null, uniform_average, variance_weighted_average.");
        }
        classAggregation = value;
        return this;
    }

    /** Keras' {@code num_regressors}: >= 0; above 0 the adjusted R2 score. */
    public R2Score numRegressors(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Invalid value for argument `num_regressors`: " + value
                    + ". Expected a value >= 0.");
        }
        numRegressors = value;
        return this;
    }

    @Override
    public R2Score named(String newName) {
        super.named(newName);
        return this;
    }

    @Override
    public void configure(int outputUnits, io.github.kerasdjl.losses.Loss loss) {
        build(outputUnits);
    }

    private void build(int width) {
        if (cols != width) {
            cols = width;
            sum = new double[width];
            squaredSum = new double[width];
            residual = new double[width];
            count = new double[width];
            numSamples = 0;
        }
    }

    @Override
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        checkBatch(yTrue, trueCols, yPred, predCols, rows, sampleWeight);
        requireSameWidth(trueCols, predCols);
        if (cols >= 0 && cols != predCols) {
            throw new IllegalArgumentException("metric " + name() + " was built for " + cols
                    + " outputs, got predictions of width " + predCols);
        }
        build(predCols);
        for (int r = 0; r < rows; r++) {
            double w = sampleWeight == null ? 1 : sampleWeight[r];
            for (int c = 0; c < predCols; c++) {
                double y = yTrue[r * predCols + c];
                double d = y - yPred[r * predCols + c];
                sum[c] += w * y;
                squaredSum[c] += y * (w * y);
                residual[c] += d * d * w;
                count[c] += w;
            }
        }
        numSamples += (double) rows * predCols;
    }

    @Override
    public double[] results() {
        if (cols < 0) {
            return classAggregation == null ? new double[0] : new double[] {Double.NaN};
        }
        double[] raw = new double[cols];
        double[] total = new double[cols];
        for (int c = 0; c < cols; c++) {
            double mean = sum[c] / count[c];
            total[c] = squaredSum[c] - sum[c] * mean;
            raw[c] = 1 - residual[c] / total[c];
            if (Double.isInfinite(raw[c])) {
                raw[c] = 0;
            }
        }
        if (classAggregation == null) {
            double[] out = raw.clone();
            for (int c = 0; c < cols; c++) {
                out[c] = adjust(out[c]);
            }
            return out;
        }
        double score;
        if (classAggregation.equals("uniform_average")) {
            score = Arrays.stream(raw).average().orElse(Double.NaN);
        } else {
            double weighted = 0;
            double weights = 0;
            for (int c = 0; c < cols; c++) {
                weighted += total[c] * raw[c];
                weights += total[c];
            }
            score = weighted / weights;
        }
        return new double[] {adjust(score)};
    }

    private double adjust(double r2) {
        if (numRegressors == 0) {
            return r2;
        }
        if (numRegressors > numSamples - 1) {
            LOG.warn("More independent predictors than datapoints in adjusted R2 score. Falling back to standard R2"
                    + " score.");
            return r2;
        }
        if (numRegressors == numSamples - 1) {
            LOG.warn("Division by zero in Adjusted R2 score. Falling back to standard R2 score.");
            return r2;
        }
        double n = numSamples;
        double p = numRegressors;
        return 1 - (1 - r2) * (n - 1) / (n - p - 1);
    }

    @Override
    public double result() {
        if (classAggregation == null) {
            throw new IllegalStateException("metric " + name() + " (class_aggregation=null) has one value per"
                    + " output: read results()");
        }
        return results()[0];
    }

    @Override
    protected int resultSize(int outputUnits) {
        return classAggregation == null ? outputUnits : -1;
    }

    @Override
    public void reset() {
        if (cols >= 0) {
            Arrays.fill(sum, 0);
            Arrays.fill(squaredSum, 0);
            Arrays.fill(residual, 0);
            Arrays.fill(count, 0);
        }
        numSamples = 0;
    }

    @Override
    public String kerasClassName() {
        return "R2Score";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("dtype", "float32");
        c.put("class_aggregation", classAggregation);
        c.put("num_regressors", numRegressors);
        return c;
    }

    void configureFrom(Map<String, Object> c) {
        classAggregation(c.get("class_aggregation") == null ? null : String.valueOf(c.get("class_aggregation")));
        if (c.get("num_regressors") != null) {
            numRegressors(Metrics.integer(c.get("num_regressors"), "num_regressors"));
        }
    }
}
