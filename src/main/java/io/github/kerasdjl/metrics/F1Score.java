package io.github.kerasdjl.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code F1Score} (and {@code FBetaScore} through {@link #beta}): true positives, false positives, false
 * negatives and the support per class summed over the epoch, then {@code (1 + b^2) p r / (b^2 p + r)} with Keras'
 * epsilon (1e-7) in each division. A prediction is 1 where it is above {@code threshold}, or, with no threshold,
 * where it is its row's maximum (and not 0). {@code average}: null (Keras' default: one value per class, logged as
 * {@code f1_score_0}, {@code f1_score_1}, ... since a History holds one number per key), "micro" (counts over all
 * classes), "macro" (the mean of the classes' scores) or "weighted" (weighted by each class's support).
 */
public final class F1Score extends Metric {

    private static final double EPSILON = 1e-7;

    private String average;
    private double beta = 1.0;
    private Double threshold;
    private int classes = -1;
    private double[] tp;
    private double[] fp;
    private double[] fn;
    private double[] support;

    public F1Score() {
        super("f1_score");
    }

    /** Keras' {@code average}: null, "micro", "macro" or "weighted". */
    public F1Score average(String value) {
        if (value != null && !value.equals("micro") && !value.equals("macro") && !value.equals("weighted")) {
            throw new IllegalArgumentException("Invalid value for argument `average`: " + value
                    + ". Expected one of: null, micro, macro, weighted.");
        }
        average = value;
        return this;
    }

    /** Keras' {@code threshold}: in (0, 1]; null for the row's maximum. */
    public F1Score threshold(Double value) {
        if (value != null && !(value > 0 && value <= 1)) {
            throw new IllegalArgumentException("Invalid value for argument `threshold`: " + value
                    + ". Expected 0 < threshold <= 1, or null for the row's maximum.");
        }
        threshold = value;
        return this;
    }

    /**
     * Keras' FBetaScore's {@code beta} (> 0); 1 for the F1 score. A metric still under its default name is renamed
     * as Keras names it: {@code fbeta_score} for an F-beta score, {@code f1_score} for beta 1.
     */
    public F1Score beta(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("Invalid value for argument `beta`: " + value
                    + ". Expected a number > 0.");
        }
        beta = value;
        if (value != 1.0 && name().equals("f1_score")) {
            named("fbeta_score");
        } else if (value == 1.0 && name().equals("fbeta_score")) {
            named("f1_score");
        }
        return this;
    }

    @Override
    public F1Score named(String newName) {
        super.named(newName);
        return this;
    }

    @Override
    public void configure(int outputUnits, io.github.kerasdjl.losses.Loss loss) {
        build(outputUnits);
    }

    private void build(int cols) {
        if (classes != cols) {
            classes = cols;
            tp = new double[cols];
            fp = new double[cols];
            fn = new double[cols];
            support = new double[cols];
        }
    }

    @Override
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        checkBatch(yTrue, trueCols, yPred, predCols, rows, sampleWeight);
        requireSameWidth(trueCols, predCols);
        if (classes >= 0 && classes != predCols) {
            throw new IllegalArgumentException("metric " + name() + " was built for " + classes
                    + " classes, got predictions of width " + predCols);
        }
        build(predCols);
        for (int r = 0; r < rows; r++) {
            double w = sampleWeight == null ? 1 : sampleWeight[r];
            int o = r * predCols;
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < predCols; c++) {
                max = Math.max(max, yPred[o + c]);
            }
            for (int c = 0; c < predCols; c++) {
                float p = yPred[o + c];
                double predicted = threshold == null ? (p >= max && Math.abs(p) > 1e-9f ? 1 : 0)
                        : (p > (float) (double) threshold ? 1 : 0);
                double y = yTrue[o + c];
                tp[c] += w * predicted * y;
                fp[c] += w * predicted * (1 - y);
                fn[c] += w * (1 - predicted) * y;
                support[c] += w * y;
            }
        }
    }

    /** The score per class (average null), or the averaged score as a one-element array. */
    @Override
    public double[] results() {
        if (classes < 0) {
            return average == null ? new double[0] : new double[] {Double.NaN};
        }
        double b2 = beta * beta;
        if ("micro".equals(average)) {
            double t = Arrays.stream(tp).sum();
            return new double[] {score(t, Arrays.stream(fp).sum(), Arrays.stream(fn).sum(), b2)};
        }
        double[] f = new double[classes];
        for (int c = 0; c < classes; c++) {
            f[c] = score(tp[c], fp[c], fn[c], b2);
        }
        if (average == null) {
            return f;
        }
        if (average.equals("weighted")) {
            double total = Arrays.stream(support).sum() + EPSILON;
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += f[c] * (support[c] / total);
            }
            return new double[] {sum};
        }
        return new double[] {Arrays.stream(f).average().orElse(Double.NaN)};
    }

    private static double score(double tp, double fp, double fn, double b2) {
        double precision = tp / (tp + fp + EPSILON);
        double recall = tp / (tp + fn + EPSILON);
        return precision * recall / (b2 * precision + recall + EPSILON) * (1 + b2);
    }

    @Override
    public double result() {
        if (average == null) {
            throw new IllegalStateException("metric " + name() + " (average=null) has one value per class: read"
                    + " results()");
        }
        return results()[0];
    }

    @Override
    protected int resultSize(int outputUnits) {
        return average == null ? outputUnits : -1;
    }

    @Override
    public void reset() {
        if (classes >= 0) {
            Arrays.fill(tp, 0);
            Arrays.fill(fp, 0);
            Arrays.fill(fn, 0);
            Arrays.fill(support, 0);
        }
    }

    @Override
    public String kerasClassName() {
        return beta == 1.0 ? "F1Score" : "FBetaScore";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("dtype", "float32");
        c.put("average", average);
        if (beta != 1.0) {
            c.put("beta", beta);
        }
        c.put("threshold", threshold);
        return c;
    }

    void configureFrom(Map<String, Object> c) {
        average(c.get("average") == null ? null : String.valueOf(c.get("average")));
        if (c.get("beta") != null) {
            beta(((Number) c.get("beta")).doubleValue());
        }
        threshold(c.get("threshold") == null ? null : ((Number) c.get("threshold")).doubleValue());
    }
}
