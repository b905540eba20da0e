package io.github.kerasdjl.metrics;

import java.util.Arrays;

/**
 * True/false positives and negatives per threshold, summed (sample-weighted) over batches, with Keras' rules from
 * {@code metrics_utils.update_confusion_matrix_variables}: targets are cast to bool (nonzero is positive), every
 * element of a row carries that row's weight, thresholds are float32 and a prediction is positive when it is
 * strictly above one. Evenly spaced thresholds (Keras' {@code is_evenly_distributed_thresholds}) take Keras'
 * bucketed path: predictions clipped to [0, 1], bucket {@code ceil(p * (T - 1)) - 1} in float32 (at least 0 when
 * the end thresholds carry Keras' epsilon), so a value exactly on a threshold falls where Keras puts it.
 */
final class Confusion {

    /** Keras' {@code thresholds} argument checked: one or more values in [0, 1], in the order given. */
    static java.util.List<Double> checkedThresholds(double... values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException("Invalid value for argument `thresholds`: "
                    + (values == null ? "null" : "[]") + ". Expected one or more values in [0, 1].");
        }
        java.util.List<Double> list = new java.util.ArrayList<>();
        for (double v : values) {
            if (!(v >= 0 && v <= 1)) {
                throw new IllegalArgumentException("Invalid value for argument `thresholds`: " + v
                        + ". Expected values in [0, 1].");
            }
            list.add(v);
        }
        return list;
    }

    /** Keras' NEG_INF, the threshold when only {@code top_k} decides, and the value of predictions outside it. */
    static final float NEG_INF = -1e10f;

    final float[] thresholds;
    final boolean evenly;
    final boolean withEpsilon;
    final double[] tp;
    final double[] fp;
    final double[] tn;
    final double[] fn;

    Confusion(double[] thresholds, boolean evenly) {
        int n = thresholds.length;
        this.thresholds = new float[n];
        for (int i = 0; i < n; i++) {
            this.thresholds[i] = (float) thresholds[i];
        }
        this.evenly = evenly;
        this.withEpsilon = evenly && (thresholds[0] < 0 || thresholds[n - 1] > 1);
        tp = new double[n];
        fp = new double[n];
        tn = new double[n];
        fn = new double[n];
    }

    /** numpy's {@code allclose(t, arange(n) / (n - 1), atol=1e-7)} (rtol 1e-5), for n >= 3, as Keras decides. */
    static boolean evenlyDistributed(double[] t) {
        int n = t.length;
        if (n < 3) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            double even = (float) i / (float) (n - 1);
            even = (float) even;
            if (!(Math.abs(t[i] - even) <= 1e-7 + 1e-5 * Math.abs(even))) {
                return false;
            }
        }
        return true;
    }

    void reset() {
        Arrays.fill(tp, 0);
        Arrays.fill(fp, 0);
        Arrays.fill(tn, 0);
        Arrays.fill(fn, 0);
    }

    /** Adds one (target, prediction) element with its weight. */
    void add(float label, float pred, double w) {
        boolean positive = label != 0;
        int n = thresholds.length;
        if (evenly) {
            float p = Math.min(1f, Math.max(0f, pred)); // Keras clips here (NaN stays NaN: no bucket)
            int bucket = (int) ((float) Math.ceil(p * (float) (n - 1)) - 1f);
            if (Float.isNaN(p)) {
                bucket = withEpsilon ? 0 : -1; // jnp casts NaN to int 0
            }
            if (withEpsilon) {
                bucket = Math.max(bucket, 0);
            }
            for (int i = 0; i < n; i++) {
                boolean above = i <= bucket;
                count(positive, above, i, w);
            }
        } else {
            for (int i = 0; i < n; i++) {
                count(positive, pred > thresholds[i], i, w);
            }
        }
    }

    private void count(boolean positive, boolean predictedPositive, int i, double w) {
        if (positive) {
            if (predictedPositive) {
                tp[i] += w;
            } else {
                fn[i] += w;
            }
        } else if (predictedPositive) {
            fp[i] += w;
        } else {
            tn[i] += w;
        }
    }

    /**
     * Feeds a batch as Keras' Precision and Recall do: the top {@code topK} of each row kept (the rest set to
     * NEG_INF), then only column {@code classId} when it is at least 0, else every element.
     */
    void addBatch(float[] yTrue, float[] yPred, int rows, int cols, float[] sampleWeight, int topK, int classId) {
        float[] kept = new float[cols];
        for (int r = 0; r < rows; r++) {
            double w = sampleWeight == null ? 1 : sampleWeight[r];
            System.arraycopy(yPred, r * cols, kept, 0, cols);
            if (topK > 0) {
                filterTopK(kept, topK);
            }
            if (classId >= 0) {
                add(yTrue[r * cols + classId], kept[classId], w);
            } else {
                for (int c = 0; c < cols; c++) {
                    add(yTrue[r * cols + c], kept[c], w);
                }
            }
        }
    }

    /** Keras' {@code _filter_top_k} on one row: lax.top_k's k largest (the lower index first on ties) kept. */
    static void filterTopK(float[] row, int k) {
        int n = row.length;
        boolean[] keep = new boolean[n];
        for (int j = 0; j < Math.min(k, n); j++) {
            int best = -1;
            for (int i = 0; i < n; i++) {
                if (!keep[i] && (best < 0 || row[i] > row[best])) {
                    best = i;
                }
            }
            keep[best] = true;
        }
        for (int i = 0; i < n; i++) {
            row[i] = keep[i] ? row[i] : NEG_INF;
        }
    }
}
