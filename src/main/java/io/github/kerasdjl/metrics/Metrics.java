package io.github.kerasdjl.metrics;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.util.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The metrics known by name, with Keras' formulas, and their Keras configs (as a {@code .keras} file holds them). */
public final class Metrics {

    static final Registry<Metric> REGISTRY = new Registry<Metric>("metric")
            .register("accuracy", Accuracy::new, "acc")
            .register("binary_accuracy", BinaryAccuracy::new, "BinaryAccuracy")
            .register("categorical_accuracy", CategoricalAccuracy::new, "CategoricalAccuracy")
            .register("sparse_categorical_accuracy", SparseCategoricalAccuracy::new, "SparseCategoricalAccuracy")
            .register("top_k_categorical_accuracy", TopKCategoricalAccuracy::new, "TopKCategoricalAccuracy")
            .register("precision", Precision::new)
            .register("recall", Recall::new)
            .register("auc", AUC::new)
            .register("f1_score", F1Score::new, "F1Score")
            .register("mean_squared_error", MeanSquaredError::new, "mse", "MeanSquaredError")
            .register("mean_absolute_error", MeanAbsoluteError::new, "mae", "MeanAbsoluteError")
            .register("root_mean_squared_error", RootMeanSquaredError::new, "RootMeanSquaredError")
            .register("r2_score", R2Score::new, "R2Score");

    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private Metrics() {
    }

    /** Every accepted name, aliases included. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * What a {@code .keras} file's compile config holds for {@code metric}, as Keras writes it: the name for a
     * metric given by name (or one with no Keras config, a custom metric), else Keras' serialized object
     * ({@code module}, {@code class_name}, {@code config}, {@code registered_name}) as JSON text.
     */
    public static String toKeras(Metric metric) {
        if (metric.isByName() || metric.kerasClassName() == null || metric.config() == null) {
            return metric.name();
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("module", "keras.metrics");
        o.put("class_name", metric.kerasClassName());
        o.put("config", metric.config());
        o.put("registered_name", null);
        return GSON.toJson(o);
    }

    /**
     * The metric a {@code .keras} file's compile config names: a name ({@link Metric#get}) or Keras' serialized
     * object as JSON text (see {@link #toKeras}). An unsupported class or argument is an error that names it.
     */
    public static Metric fromKeras(String entry) {
        if (entry == null) {
            throw new IllegalArgumentException("Invalid value for argument `metrics`: null. Expected a metric name"
                    + " or a Keras metric config.");
        }
        String text = entry.trim();
        if (!text.startsWith("{")) {
            return Metric.get(text);
        }
        JsonObject o = JsonParser.parseString(text).getAsJsonObject();
        JsonElement cls = o.get("class_name");
        if (cls == null || !cls.isJsonPrimitive()) {
            throw new IllegalArgumentException("Invalid metric config " + text + ": it has no class_name.");
        }
        Map<String, Object> config = o.has("config") && o.get("config").isJsonObject()
                ? GSON.fromJson(o.get("config"), new TypeToken<LinkedHashMap<String, Object>>() { }.getType())
                : new LinkedHashMap<>();
        return fromConfig(cls.getAsString(), config);
    }

    /** The metric of Keras class {@code className} with Keras' {@code get_config()} {@code config}. */
    public static Metric fromConfig(String className, Map<String, Object> config) {
        Metric m;
        Set<String> keys;
        switch (className) {
            case "BinaryAccuracy" -> {
                BinaryAccuracy b = new BinaryAccuracy(config.get("threshold") == null ? 0.5
                        : ((Number) config.get("threshold")).doubleValue());
                m = b;
                keys = Set.of("threshold");
            }
            case "CategoricalAccuracy" -> {
                m = new CategoricalAccuracy();
                keys = Set.of();
            }
            case "SparseCategoricalAccuracy" -> {
                m = new SparseCategoricalAccuracy();
                keys = Set.of();
            }
            case "TopKCategoricalAccuracy" -> {
                m = new TopKCategoricalAccuracy(config.get("k") == null ? 5 : integer(config.get("k"), "k"));
                keys = Set.of("k");
            }
            case "MeanSquaredError" -> {
                m = new MeanSquaredError();
                keys = Set.of();
            }
            case "MeanAbsoluteError" -> {
                m = new MeanAbsoluteError();
                keys = Set.of();
            }
            case "RootMeanSquaredError" -> {
                m = new RootMeanSquaredError();
                keys = Set.of();
            }
            case "Precision", "Recall" -> {
                PrecisionRecall<?> p = className.equals("Precision") ? new Precision() : new Recall();
                p.configureFrom(config);
                m = p;
                keys = Set.of("thresholds", "top_k", "class_id");
            }
            case "AUC" -> {
                AUC a = new AUC();
                a.configureFrom(config);
                m = a;
                keys = Set.of("num_thresholds", "curve", "summation_method", "multi_label", "num_labels",
                        "label_weights", "from_logits", "thresholds");
            }
            case "F1Score", "FBetaScore" -> {
                F1Score f = new F1Score();
                f.configureFrom(config);
                m = f;
                keys = className.equals("F1Score") ? Set.of("average", "threshold")
                        : Set.of("average", "threshold", "beta");
            }
            case "R2Score" -> {
                R2Score r = new R2Score();
                r.configureFrom(config);
                m = r;
                keys = Set.of("class_aggregation", "num_regressors");
            }
            default -> throw new IllegalArgumentException("Invalid value for argument `metrics`: the Keras metric"
                    + " class " + className + ". Expected one of: BinaryAccuracy, CategoricalAccuracy,"
                    + " SparseCategoricalAccuracy, TopKCategoricalAccuracy, MeanSquaredError, MeanAbsoluteError,"
                    + " RootMeanSquaredError, Precision, Recall, AUC, F1Score, FBetaScore, R2Score.");
        }
        for (Map.Entry<String, Object> e : config.entrySet()) {
            String k = e.getKey();
            if (k.equals("name")) {
                continue;
            }
            if (k.equals("dtype")) {
                if (e.getValue() != null && !"float32".equals(e.getValue())) {
                    throw new IllegalArgumentException("Invalid value for argument `dtype` of metric " + className
                            + ": " + e.getValue() + ". Expected float32.");
                }
                continue;
            }
            if (!keys.contains(k)) {
                throw new IllegalArgumentException("Invalid argument `" + k + "` of metric " + className
                        + ". Expected one of: " + new java.util.TreeSet<>(keys) + ".");
            }
        }
        if (config.get("name") != null) {
            m.named(String.valueOf(config.get("name")));
        }
        return m;
    }

    /** An integer argument of a config (JSON numbers read as doubles). */
    static int integer(Object value, String argument) {
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                && Math.abs(n.doubleValue()) < Integer.MAX_VALUE) {
            return n.intValue();
        }
        throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + value
                + ". Expected an integer.");
    }

    private static Map<String, Object> nameOnly(Metric m) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", m.name());
        c.put("dtype", "float32");
        return c;
    }

    /** argmax over {@code n} values from {@code offset}: the first index on ties, as jnp.argmax. */
    static int argMax(float[] v, int offset, int n) {
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (v[offset + i] > v[offset + best]) {
                best = i;
            }
        }
        return best;
    }

    /**
     * Keras' {@code "accuracy"}, decided by shapes as Keras 3's {@code compile_utils} decides it: binary accuracy
     * (threshold 0.5) when the model has one output unit, sparse categorical accuracy when the loss takes one
     * integer class index per sample (its target width is 1) and the model has several units, categorical accuracy
     * (argmax) otherwise, also for several sigmoid units with binary cross-entropy. Not DJL's Accuracy, which is
     * always 1.0 on one column.
     */
    public static final class Accuracy extends MeanMetric {
        private MeanMetric resolved;

        public Accuracy() {
            super("accuracy");
        }

        @Override
        public void configure(int outputUnits, Loss loss) {
            if (outputUnits == 1) {
                resolved = new BinaryAccuracy();
            } else if (loss.targetWidth(outputUnits) == 1) {
                resolved = new SparseCategoricalAccuracy();
            } else {
                resolved = new CategoricalAccuracy();
            }
        }

        /** Whether "accuracy" was resolved to binary accuracy (null before configure). */
        public Boolean isBinary() {
            return resolved == null ? null : resolved instanceof BinaryAccuracy;
        }

        /** The metric "accuracy" was resolved to (null before configure or the first batch). */
        public Metric resolved() {
            return resolved;
        }

        @Override
        protected void checkWidths(int trueCols, int predCols) {
            if (resolved == null) {
                // Used outside a compiled model: decide by the widths alone, as Keras' compile does.
                resolved = predCols == 1 ? new BinaryAccuracy()
                        : trueCols == 1 ? new SparseCategoricalAccuracy() : new CategoricalAccuracy();
            }
            resolved.checkWidths(trueCols, predCols);
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            return resolved.value(yTrue, t, trueCols, yPred, p, predCols);
        }
    }

    /** Per sample, the share of outputs where (p > threshold) equals y; Keras' threshold is 0.5. */
    public static final class BinaryAccuracy extends MeanMetric {
        private final float threshold;
        private final double given;

        public BinaryAccuracy() {
            this(0.5);
        }

        public BinaryAccuracy(float threshold) {
            this((double) threshold);
        }

        /** Keras' {@code threshold}, compared in float32 as Keras does. */
        public BinaryAccuracy(double threshold) {
            super("binary_accuracy");
            this.threshold = (float) threshold;
            this.given = threshold;
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            int hits = 0;
            for (int i = 0; i < predCols; i++) {
                float predicted = yPred[p + i] > threshold ? 1f : 0f;
                if (predicted == yTrue[t + i]) {
                    hits++;
                }
            }
            return hits / (double) predCols;
        }

        @Override
        public String kerasClassName() {
            return "BinaryAccuracy";
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = nameOnly(this);
            c.put("threshold", given);
            return c;
        }
    }

    /** Whether argmax(p) equals argmax(y) (first index on ties, as argmax). */
    public static final class CategoricalAccuracy extends MeanMetric {
        public CategoricalAccuracy() {
            super("categorical_accuracy");
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            return argMax(yTrue, t, trueCols) == argMax(yPred, p, predCols) ? 1 : 0;
        }

        @Override
        public String kerasClassName() {
            return "CategoricalAccuracy";
        }

        @Override
        public Map<String, Object> config() {
            return nameOnly(this);
        }
    }

    /** Keras' sparse categorical accuracy: whether argmax(p) equals the target, one class index per sample. */
    public static final class SparseCategoricalAccuracy extends MeanMetric {
        public SparseCategoricalAccuracy() {
            super("sparse_categorical_accuracy");
        }

        @Override
        protected void checkWidths(int trueCols, int predCols) {
            if (trueCols != 1) {
                throw new IllegalArgumentException("metric " + name() + " needs one integer class index per sample"
                        + " (targets of width 1), got " + trueCols + " per sample");
            }
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            return (float) argMax(yPred, p, predCols) == yTrue[t] ? 1 : 0;
        }

        @Override
        public String kerasClassName() {
            return "SparseCategoricalAccuracy";
        }

        @Override
        public Map<String, Object> config() {
            return nameOnly(this);
        }
    }

    /**
     * Keras' top-k categorical accuracy (k = 5 by default): whether the target class (argmax of the one-hot row)
     * ranks within the k largest predictions, its rank being 1 + the number of predictions strictly above it (so
     * ties count in its favour, as Keras' {@code in_top_k}).
     */
    public static final class TopKCategoricalAccuracy extends MeanMetric {
        private final int k;

        public TopKCategoricalAccuracy() {
            this(5);
        }

        public TopKCategoricalAccuracy(int k) {
            super("top_k_categorical_accuracy");
            if (k < 1) {
                throw new IllegalArgumentException("Invalid value for argument `k`: " + k
                        + ". Expected an integer >= 1.");
            }
            this.k = k;
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            float atLabel = yPred[p + argMax(yTrue, t, trueCols)];
            if (Float.isNaN(atLabel)) {
                atLabel = Float.NEGATIVE_INFINITY;
            }
            int rank = 1;
            for (int i = 0; i < predCols; i++) {
                if (yPred[p + i] > atLabel) {
                    rank++;
                }
            }
            return rank <= k ? 1 : 0;
        }

        @Override
        public String kerasClassName() {
            return "TopKCategoricalAccuracy";
        }

        @Override
        public Map<String, Object> config() {
            Map<String, Object> c = nameOnly(this);
            c.put("k", k);
            return c;
        }
    }

    /** mean((y - p)^2) over a sample's outputs. */
    public static final class MeanSquaredError extends MeanMetric {
        public MeanSquaredError() {
            super("mean_squared_error");
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            return squaredError(yTrue, t, yPred, p, predCols);
        }

        @Override
        public String kerasClassName() {
            return "MeanSquaredError";
        }

        @Override
        public Map<String, Object> config() {
            return nameOnly(this);
        }
    }

    /** mean(|y - p|) over a sample's outputs. */
    public static final class MeanAbsoluteError extends MeanMetric {
        public MeanAbsoluteError() {
            super("mean_absolute_error");
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            double s = 0;
            for (int i = 0; i < predCols; i++) {
                s += Math.abs((double) yTrue[t + i] - yPred[p + i]);
            }
            return s / predCols;
        }

        @Override
        public String kerasClassName() {
            return "MeanAbsoluteError";
        }

        @Override
        public Map<String, Object> config() {
            return nameOnly(this);
        }
    }

    /** Keras' RootMeanSquaredError: the square root of the sample-weighted mean squared error over the epoch. */
    public static final class RootMeanSquaredError extends MeanMetric {
        public RootMeanSquaredError() {
            super("root_mean_squared_error");
        }

        @Override
        protected double value(float[] yTrue, int t, int trueCols, float[] yPred, int p, int predCols) {
            return squaredError(yTrue, t, yPred, p, predCols);
        }

        @Override
        public double result() {
            return Math.sqrt(mean());
        }

        @Override
        public String kerasClassName() {
            return "RootMeanSquaredError";
        }

        @Override
        public Map<String, Object> config() {
            return nameOnly(this);
        }
    }

    private static double squaredError(float[] yTrue, int t, float[] yPred, int p, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) yTrue[t + i] - yPred[p + i];
            s += d * d;
        }
        return s / n;
    }
}
