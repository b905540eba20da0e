package io.github.kerasdjl.callbacks;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * Keras' MonitorCallback (keras/src/callbacks/monitor_callback.py), shared by EarlyStopping, ReduceLROnPlateau and
 * ModelCheckpoint: the monitored log key, the mode ({@code min}, {@code max}, or {@code auto}: {@code loss} and
 * {@code val_loss} are minimized, a metric the model computes goes the way Keras' metric of that name goes, anything
 * else is an error asking for a mode), and Keras' improvement test {@code op(current - minDelta, reference)} with
 * {@code minDelta} negated for {@code min}. A monitored key the logs lack is warned about once per fit, as Python's
 * default warning filter shows Keras' warning once, and the epoch goes on without it.
 */
final class Monitor {

    /** Keras' {@code _direction} of its metrics, by the names Keras gives them ("up" is true). */
    private static final Map<String, Boolean> DIRECTIONS = directions();

    private final String callbackName;
    private final String monitor;
    private final String mode;
    private final double minDelta;
    /** Null until known: true to maximize. */
    private Boolean maximize;
    private boolean warned;

    /**
     * @param minDelta the magnitude of the change that counts (Keras takes its absolute value)
     * @throws IllegalArgumentException for a null or blank monitor, an unknown mode, a NaN or infinite minDelta
     */
    Monitor(String callbackName, String monitor, String mode, double minDelta) {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("Invalid value for argument `monitor`: " + (monitor == null ? "null"
                    : "'" + monitor + "'") + ". Expected a log key such as 'val_loss', 'loss' or 'val_accuracy'.");
        }
        String m = mode == null ? null : mode.toLowerCase(Locale.ROOT);
        if (m == null || !m.equals("min") && !m.equals("max") && !m.equals("auto")) {
            throw new IllegalArgumentException("Invalid value for argument `mode`: " + (mode == null ? "null"
                    : "'" + mode + "'") + ". Expected 'min', 'max' or 'auto'.");
        }
        if (!Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("Invalid value for argument `min_delta`: " + minDelta
                    + ". Expected a finite number.");
        }
        this.callbackName = callbackName;
        this.monitor = monitor;
        this.mode = m;
        this.minDelta = Math.abs(minDelta);
        if (m.equals("min")) {
            maximize = false;
        } else if (m.equals("max")) {
            maximize = true;
        } else if (monitor.startsWith("val_") ? monitor.substring(4).equals("loss") : monitor.equals("loss")) {
            maximize = false;
        }
    }

    String key() {
        return monitor;
    }

    String mode() {
        return mode;
    }

    /**
     * In {@code auto} mode, the direction of a metric the epoch logs will hold ({@code loss}, the model's metrics
     * and their {@code val_} forms). As Keras, a name that is neither {@code loss} nor a metric of the model (with a
     * known direction) is an error, found here before anything trains (Keras finds it after the first epoch).
     */
    void resolve(Set<String> epochLogKeys) {
        resolve(epochLogKeys, Map.of());
    }

    /** {@link #resolve(Set)}, a metric's own direction ({@code Metric.maximize()}, by key) first. */
    void resolve(Set<String> epochLogKeys, Map<String, Boolean> directions) {
        if (maximize != null) {
            return;
        }
        String metric = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        Boolean direction = !epochLogKeys.contains(metric) ? null
                : directions.containsKey(metric) ? directions.get(metric) : DIRECTIONS.get(metric);
        if (direction == null) {
            throw new IllegalArgumentException("Invalid value for argument `monitor`: '" + monitor + "'. "
                    + callbackName + " cannot tell whether it should be maximized or minimized: it is not 'loss' nor"
                    + " a metric of the model whose direction Keras knows (the epoch logs will hold " + epochLogKeys
                    + "). Pass mode 'max' to monitor the highest value or 'min' for the lowest.");
        }
        maximize = direction;
    }

    /** Whether the direction is known (it is after {@link #resolve}). */
    boolean maximize() {
        if (maximize == null) {
            throw new IllegalStateException(callbackName + " on '" + monitor + "' was not resolved");
        }
        return maximize;
    }

    /** Keras' {@code _is_improvement}: true when there is no reference yet. */
    boolean isImprovement(double current, Double reference) {
        if (reference == null) {
            return true;
        }
        // Keras' ops.less / ops.greater take the Python floats to float32 tensors before comparing.
        return maximize() ? (float) (current - minDelta) > (float) (double) reference
                : (float) (current + minDelta) < (float) (double) reference;
    }

    /**
     * The monitored value of the logs, or null (after one warning per fit, in Keras' words: {@code message}, then
     * {@code Available metrics are: } and the keys there are, comma-separated, then {@code end}) when they do not
     * hold it.
     */
    Double value(Map<String, Double> logs, Logger log, String message, String end) {
        Double value = logs.get(monitor);
        if (value == null && !warned) {
            warned = true;
            log.warn("{} Available metrics are: {}{}", message, String.join(",", logs.keySet()), end);
        }
        return value;
    }

    /** Makes the next missing key warn again (a new fit). */
    void reset() {
        warned = false;
    }

    private static Map<String, Boolean> directions() {
        Map<String, Boolean> d = new java.util.HashMap<>();
        for (String up : new String[] {"accuracy", "acc", "auc", "binary_accuracy", "categorical_accuracy",
            "sparse_categorical_accuracy", "top_k_categorical_accuracy", "sparse_top_k_categorical_accuracy",
            "precision", "recall", "f1_score", "fbeta_score", "r2_score", "cosine_similarity", "binary_io_u", "io_u",
            "mean_io_u", "one_hot_io_u", "one_hot_mean_io_u", "precision_at_recall", "recall_at_precision",
            "sensitivity_at_specificity", "specificity_at_sensitivity", "pearson_correlation",
            "concordance_correlation"}) {
            d.put(up, true);
        }
        for (String down : new String[] {"mean_squared_error", "mse", "mean_absolute_error", "mae",
            "mean_absolute_percentage_error", "mape", "mean_squared_logarithmic_error", "msle",
            "root_mean_squared_error", "binary_crossentropy", "categorical_crossentropy",
            "sparse_categorical_crossentropy", "kl_divergence", "poisson", "hinge", "squared_hinge",
            "categorical_hinge", "logcosh", "log_cosh"}) {
            d.put(down, false);
        }
        return Map.copyOf(d);
    }
}
