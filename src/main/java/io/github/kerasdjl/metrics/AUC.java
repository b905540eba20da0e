package io.github.kerasdjl.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Keras' {@code AUC}: the area under the ROC, precision-recall or precision-recall-gain curve from confusion counts
 * at fixed thresholds, summed over the epoch. Keras' thresholds: {@code num_thresholds} (200) evenly spaced,
 * {@code i / (n - 1)}, with the ends moved to {@code -epsilon} and {@code 1 + epsilon} (epsilon 1e-7), or the given
 * {@code thresholds} with those two ends added. {@code summation_method} "interpolation" (Keras' default: the
 * trapezoid for ROC, Davis and Goadrich's interpolation of true and false positives for PR), "minoring" or
 * "majoring". With {@code multi_label=False} (Keras' default) every output column is one more element of a single
 * binary problem ({@code label_weights} weigh the columns' elements); with {@code multi_label=True} each column has
 * its own curve and the result is their mean ({@code label_weights}-weighted when given). {@code from_logits}
 * applies a sigmoid first.
 */
public final class AUC extends Metric {

    /** Keras' backend epsilon at the ends of the thresholds. */
    static final double EPSILON = 1e-7;

    private int numThresholds = 200;
    private String curve = "ROC";
    private String summationMethod = "interpolation";
    private List<Double> givenThresholds;
    private boolean fromLogits;
    private boolean multiLabel;
    private Integer numLabels;
    private double[] labelWeights;
    private Confusion counts;
    private Confusion[] perLabel;

    public AUC() {
        super("auc");
        rebuild();
    }

    /** Keras' {@code num_thresholds}: an integer > 1, 200 by default. */
    public AUC numThresholds(int n) {
        if (n <= 1) {
            throw new IllegalArgumentException("Invalid value for argument `num_thresholds`: " + n
                    + ". Expected an integer > 1.");
        }
        numThresholds = n;
        givenThresholds = null;
        rebuild();
        return this;
    }

    /** Keras' {@code curve}: "ROC" (default), "PR" or "PRGAIN". */
    public AUC curve(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!v.equals("ROC") && !v.equals("PR") && !v.equals("PRGAIN")) {
            throw new IllegalArgumentException("Invalid value for argument `curve`: " + value
                    + ". Expected one of: ROC, PR, PRGAIN.");
        }
        curve = v;
        return this;
    }

    /** Keras' {@code summation_method}: "interpolation" (default), "minoring" or "majoring". */
    public AUC summationMethod(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        if (!List.of("interpolation", "minoring", "majoring").contains(v)) {
            throw new IllegalArgumentException("Invalid value for argument `summation_method`: " + value
                    + ". Expected one of: interpolation, minoring, majoring.");
        }
        summationMethod = v;
        return this;
    }

    /** Keras' {@code thresholds}: values in [0, 1], sorted here; {@code num_thresholds} becomes their count + 2. */
    public AUC thresholds(double... values) {
        List<Double> list = Confusion.checkedThresholds(values);
        list.sort(null);
        givenThresholds = List.copyOf(list);
        numThresholds = list.size() + 2;
        rebuild();
        return this;
    }

    /**
     * Keras' {@code multi_label}: one curve per output column, the result their mean; {@code numLabels} (or null)
     * fixes the number of columns in advance, as Keras' {@code num_labels}.
     */
    public AUC multiLabel(boolean value, Integer numLabels) {
        if (numLabels != null && !value) {
            throw new IllegalArgumentException("Invalid value for argument `num_labels`: " + numLabels
                    + ". Expected null: `num_labels` is needed only when `multi_label` is True.");
        }
        if (numLabels != null && numLabels < 1) {
            throw new IllegalArgumentException("Invalid value for argument `num_labels`: " + numLabels
                    + ". Expected an integer >= 1.");
        }
        multiLabel = value;
        this.numLabels = numLabels;
        perLabel = null;
        return this;
    }

    /** Keras' {@code label_weights}: non-negative weights, one per output column (null for none). */
    public AUC labelWeights(double... weights) {
        if (weights != null) {
            for (double w : weights) {
                if (!(w >= 0) || Double.isInfinite(w)) {
                    throw new IllegalArgumentException("Invalid value for argument `label_weights`: " + w
                            + ". Expected non-negative finite weights, one per output column.");
                }
            }
        }
        labelWeights = weights == null ? null : weights.clone();
        return this;
    }

    /** Keras' {@code from_logits}: the predictions are logits (a sigmoid is applied before counting). */
    public AUC fromLogits(boolean value) {
        fromLogits = value;
        return this;
    }

    @Override
    public AUC named(String newName) {
        super.named(newName);
        return this;
    }

    /** The thresholds as Keras holds them (the two ends included). */
    public double[] thresholdList() {
        double[] t = new double[numThresholds];
        t[0] = 0.0 - EPSILON;
        for (int i = 1; i < numThresholds - 1; i++) {
            t[i] = givenThresholds != null ? givenThresholds.get(i - 1) : i * 1.0 / (numThresholds - 1);
        }
        t[numThresholds - 1] = 1.0 + EPSILON;
        return t;
    }

    private void rebuild() {
        boolean evenly;
        if (givenThresholds == null) {
            evenly = true;
        } else {
            double[] check = new double[numThresholds];
            for (int i = 1; i < numThresholds - 1; i++) {
                check[i] = givenThresholds.get(i - 1);
            }
            check[numThresholds - 1] = 1.0;
            evenly = Confusion.evenlyDistributed(check);
        }
        counts = new Confusion(thresholdList(), evenly);
        perLabel = null;
    }

    private Confusion[] labels(int cols) {
        if (perLabel == null || perLabel.length != cols) {
            perLabel = new Confusion[cols];
            for (int c = 0; c < cols; c++) {
                perLabel[c] = new Confusion(thresholdList(), counts.evenly);
            }
        }
        return perLabel;
    }

    @Override
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        checkBatch(yTrue, trueCols, yPred, predCols, rows, sampleWeight);
        requireSameWidth(trueCols, predCols);
        if (labelWeights != null && labelWeights.length != predCols) {
            throw new IllegalArgumentException("Invalid value for argument `label_weights` of metric " + name()
                    + ": " + labelWeights.length + " weights. Expected one per output column (" + predCols + ").");
        }
        if (multiLabel && numLabels != null && numLabels != predCols) {
            throw new IllegalArgumentException("Invalid value for argument `num_labels` of metric " + name() + ": "
                    + numLabels + ". Expected the prediction width (" + predCols + ").");
        }
        Confusion[] byLabel = multiLabel ? labels(predCols) : null;
        for (int r = 0; r < rows; r++) {
            double w = sampleWeight == null ? 1 : sampleWeight[r];
            for (int c = 0; c < predCols; c++) {
                float p = yPred[r * predCols + c];
                if (fromLogits) {
                    p = (float) (1.0 / (1.0 + Math.exp(-p)));
                }
                if (multiLabel) {
                    byLabel[c].add(yTrue[r * trueCols + c], p, w);
                } else {
                    counts.add(yTrue[r * trueCols + c], p, labelWeights == null ? w : w * labelWeights[c]);
                }
            }
        }
    }

    @Override
    public double result() {
        if (!multiLabel) {
            return area(counts);
        }
        if (perLabel == null) {
            return Double.NaN;
        }
        double sum = 0;
        double weights = 0;
        for (int c = 0; c < perLabel.length; c++) {
            double lw = labelWeights == null ? 1 : labelWeights[c];
            sum += area(perLabel[c]) * lw;
            weights += lw;
        }
        return labelWeights == null ? sum / perLabel.length : divideNoNan(sum, weights);
    }

    /** The area under one curve of counts. */
    private double area(Confusion counts) {
        int n = numThresholds;
        double[] tp = counts.tp;
        double[] fp = counts.fp;
        double[] tn = counts.tn;
        double[] fn = counts.fn;
        if (curve.equals("PR") && summationMethod.equals("interpolation")) {
            double sum = 0;
            for (int i = 0; i < n - 1; i++) {
                double dtp = tp[i] - tp[i + 1];
                double pA = tp[i] + fp[i];
                double pB = tp[i + 1] + fp[i + 1];
                double dp = pA - pB;
                double slope = divideNoNan(dtp, Math.max(dp, 0));
                double intercept = tp[i + 1] - slope * pB;
                double ratio = pA > 0 && pB > 0 ? divideNoNan(pA, Math.max(pB, 0)) : 1;
                sum += divideNoNan(slope * (dtp + intercept * Math.log(ratio)), Math.max(tp[i + 1] + fn[i + 1], 0));
            }
            return sum;
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double recall = divideNoNan(tp[i], tp[i] + fn[i]);
            if (curve.equals("ROC")) {
                x[i] = divideNoNan(fp[i], fp[i] + tn[i]);
                y[i] = recall;
            } else if (curve.equals("PRGAIN")) {
                double scaling = divideNoNan(tp[i] + fn[i], tn[i] + fp[i]);
                double recallGain = tp[i] == 0 ? 0 : 1 - scaling * divideNoNan(fn[i], tp[i]);
                x[i] = Math.max(recallGain, 0);
                y[i] = tp[i] == 0 ? 1 : 1 - scaling * divideNoNan(fp[i], tp[i]);
            } else {
                x[i] = recall;
                y[i] = divideNoNan(tp[i], tp[i] + fp[i]);
            }
        }
        double sum = 0;
        for (int i = 0; i < n - 1; i++) {
            double h = switch (summationMethod) {
                case "interpolation" -> (y[i] + y[i + 1]) / 2.0;
                case "minoring" -> Math.min(y[i], y[i + 1]);
                default -> Math.max(y[i], y[i + 1]);
            };
            sum += (x[i] - x[i + 1]) * h;
        }
        return sum;
    }

    @Override
    public void reset() {
        counts.reset();
        if (perLabel != null) {
            for (Confusion c : perLabel) {
                c.reset();
            }
        }
    }

    @Override
    public String kerasClassName() {
        return "AUC";
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("dtype", "float32");
        c.put("num_thresholds", numThresholds);
        c.put("curve", curve);
        c.put("summation_method", summationMethod);
        c.put("multi_label", multiLabel);
        c.put("num_labels", numLabels);
        c.put("label_weights", labelWeights == null ? null
                : java.util.Arrays.stream(labelWeights).boxed().toList());
        c.put("from_logits", fromLogits);
        if (givenThresholds != null) {
            c.put("thresholds", givenThresholds);
        }
        return c;
    }

    void configureFrom(Map<String, Object> c) {
        multiLabel(Boolean.TRUE.equals(c.get("multi_label")),
                c.get("num_labels") == null ? null : Metrics.integer(c.get("num_labels"), "num_labels"));
        Object lw = c.get("label_weights");
        if (lw instanceof Map<?, ?> tensor && tensor.get("config") instanceof Map<?, ?> tc) {
            lw = tc.get("value"); // Keras writes an array as {"class_name": "__tensor__", "config": {"value": [..]}}
        }
        if (lw instanceof List<?> list) {
            labelWeights(list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
        } else if (lw != null) {
            throw new IllegalArgumentException("Invalid value for argument `label_weights`: " + lw
                    + ". Expected a list of non-negative numbers, one per output column.");
        }
        if (c.get("thresholds") instanceof List<?> list) {
            thresholds(list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
        } else if (c.get("thresholds") != null) {
            throw new IllegalArgumentException("Invalid value for argument `thresholds`: " + c.get("thresholds")
                    + ". Expected a list of numbers in [0, 1].");
        } else if (c.get("num_thresholds") != null) {
            numThresholds(Metrics.integer(c.get("num_thresholds"), "num_thresholds"));
        }
        if (c.get("curve") != null) {
            curve(String.valueOf(c.get("curve")));
        }
        if (c.get("summation_method") != null) {
            summationMethod(String.valueOf(c.get("summation_method")));
        }
        if (c.get("from_logits") != null) {
            fromLogits(Boolean.TRUE.equals(c.get("from_logits")));
        }
    }
}
