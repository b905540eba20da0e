package io.github.kerasdjl.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Keras' Precision and Recall share: {@code thresholds} (one or several in [0, 1]; 0.5 by default, Keras'
 * NEG_INF when only {@code top_k} is set), {@code top_k} (keep the k largest predictions of each row) and
 * {@code class_id} (only that column), the confusion counts summed over the epoch. Several thresholds give one value
 * per threshold, logged as {@code name_0}, {@code name_1}, ...
 */
public abstract class PrecisionRecall<T extends PrecisionRecall<T>> extends Metric {

    private Object initThresholds; // null, a Double or a List<Double>: Keras' init_thresholds, saved as given
    private Integer topK;
    private Integer classId;
    private Confusion counts;

    PrecisionRecall(String name) {
        super(name);
        rebuild();
    }

    /** Keras' {@code thresholds}: one or several values in [0, 1]. */
    public T thresholds(double... values) {
        List<Double> list = Confusion.checkedThresholds(values);
        initThresholds = values.length == 1 ? (Object) values[0] : List.copyOf(list);
        rebuild();
        return self();
    }

    /** Keras' {@code top_k}: only the k largest predictions of a row count as predicted positive. */
    public T topK(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("Invalid value for argument `top_k`: " + k
                    + ". Expected an integer >= 1.");
        }
        topK = k;
        rebuild();
        return self();
    }

    /** Keras' {@code class_id}: the binary metric of that column alone. */
    public T classId(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("Invalid value for argument `class_id`: " + id
                    + ". Expected a class index >= 0.");
        }
        classId = id;
        return self();
    }

    @Override
    public T named(String newName) {
        super.named(newName);
        return self();
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }

    private void rebuild() {
        double[] t;
        if (initThresholds == null) {
            t = new double[] {topK == null ? 0.5 : Confusion.NEG_INF};
        } else if (initThresholds instanceof Double d) {
            t = new double[] {d};
        } else {
            @SuppressWarnings("unchecked")
            List<Double> list = (List<Double>) initThresholds;
            t = list.stream().mapToDouble(Double::doubleValue).toArray();
        }
        counts = new Confusion(t, Confusion.evenlyDistributed(t));
    }

    /** The counts so far. */
    Confusion counts() {
        return counts;
    }

    @Override
    public void update(float[] yTrue, int trueCols, float[] yPred, int predCols, int rows, float[] sampleWeight) {
        checkBatch(yTrue, trueCols, yPred, predCols, rows, sampleWeight);
        requireSameWidth(trueCols, predCols);
        if (classId != null && classId >= predCols) {
            throw new IllegalArgumentException("Invalid value for argument `class_id` of metric " + name() + ": "
                    + classId + ". Expected a class index in [0, " + predCols + ").");
        }
        if (topK != null && topK > predCols) {
            throw new IllegalArgumentException("Invalid value for argument `top_k` of metric " + name() + ": "
                    + topK + ". Expected at most the prediction width (" + predCols + ").");
        }
        counts.addBatch(yTrue, yPred, rows, predCols, sampleWeight, topK == null ? 0 : topK,
                classId == null ? -1 : classId);
    }

    /** The value at threshold {@code i}. */
    abstract double valueAt(int i);

    @Override
    public double result() {
        if (counts.thresholds.length != 1) {
            throw new IllegalStateException("metric " + name() + " has one value per threshold ("
                    + counts.thresholds.length + "): read results()");
        }
        return valueAt(0);
    }

    @Override
    public double[] results() {
        double[] r = new double[counts.thresholds.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = valueAt(i);
        }
        return r;
    }

    @Override
    protected int resultSize(int outputUnits) {
        return counts.thresholds.length == 1 ? -1 : counts.thresholds.length;
    }

    @Override
    public void reset() {
        counts.reset();
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name());
        c.put("dtype", "float32");
        c.put("thresholds", initThresholds);
        c.put("top_k", topK);
        c.put("class_id", classId);
        return c;
    }

    /** Sets the arguments from a Keras config (the keys of {@link #config()}). */
    void configureFrom(Map<String, Object> c) {
        Object t = c.get("thresholds");
        if (t instanceof Number n) {
            thresholds(n.doubleValue());
        } else if (t instanceof List<?> list) {
            thresholds(list.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray());
        } else if (t != null) {
            throw new IllegalArgumentException("Invalid value for argument `thresholds`: " + t
                    + ". Expected a number or a list of numbers in [0, 1].");
        }
        if (c.get("top_k") != null) {
            topK(Metrics.integer(c.get("top_k"), "top_k"));
        }
        if (c.get("class_id") != null) {
            classId(Metrics.integer(c.get("class_id"), "class_id"));
        }
    }
}
