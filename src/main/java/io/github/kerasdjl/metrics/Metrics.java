package io.github.kerasdjl.metrics;

import io.github.kerasdjl.util.Registry;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.losses.Losses;
import java.util.List;

/** The metrics known by name, with Keras' formulas. */
public final class Metrics {

    static final Registry<Metric> REGISTRY = new Registry<Metric>("metric")
            .register("accuracy", Accuracy::new, "acc")
            .register("binary_accuracy", BinaryAccuracy::new)
            .register("categorical_accuracy", CategoricalAccuracy::new)
            .register("mean_squared_error", MeanSquaredError::new, "mse")
            .register("mean_absolute_error", MeanAbsoluteError::new, "mae");

    private Metrics() {
    }

    /** Every accepted name, aliases included. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /**
     * Keras' {@code "accuracy"}: binary accuracy (threshold 0.5) when the model has one output unit or the loss is
     * binary, categorical accuracy (argmax) otherwise. Not DJL's Accuracy, which is always 1.0 on one column.
     */
    public static final class Accuracy extends Metric {
        private Metric resolved;

        public Accuracy() {
            super("accuracy");
        }

        @Override
        public void configure(int outputUnits, Loss loss) {
            resolved = outputUnits == 1 || loss.isBinary() ? new BinaryAccuracy() : new CategoricalAccuracy();
        }

        /** Whether "accuracy" was resolved to binary accuracy (null before configure). */
        public Boolean isBinary() {
            return resolved == null ? null : resolved instanceof BinaryAccuracy;
        }

        @Override
        protected double batchSum(float[] yTrue, float[] yPred, int rows, int cols) {
            if (resolved == null) {
                // Used outside a compiled model: decide by the output width alone.
                resolved = cols == 1 ? new BinaryAccuracy() : new CategoricalAccuracy();
            }
            return resolved.batchSum(yTrue, yPred, rows, cols);
        }
    }

    /** Per sample, the share of outputs where (p > threshold) equals y; Keras' threshold is 0.5. */
    public static final class BinaryAccuracy extends Metric {
        private final float threshold;

        public BinaryAccuracy() {
            this(0.5f);
        }

        public BinaryAccuracy(float threshold) {
            super("binary_accuracy");
            this.threshold = threshold;
        }

        @Override
        protected double batchSum(float[] yTrue, float[] yPred, int rows, int cols) {
            long hits = 0;
            for (int i = 0; i < yPred.length; i++) {
                float predicted = yPred[i] > threshold ? 1f : 0f;
                if (predicted == yTrue[i]) {
                    hits++;
                }
            }
            return hits / (double) cols;
        }
    }

    /** Whether argmax(p) equals argmax(y) (first index on ties, as argmax), summed over samples. */
    public static final class CategoricalAccuracy extends Metric {
        public CategoricalAccuracy() {
            super("categorical_accuracy");
        }

        @Override
        protected double batchSum(float[] yTrue, float[] yPred, int rows, int cols) {
            long hits = 0;
            for (int r = 0; r < rows; r++) {
                if (argMax(yTrue, r * cols, cols) == argMax(yPred, r * cols, cols)) {
                    hits++;
                }
            }
            return hits;
        }

        private static int argMax(float[] v, int offset, int n) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (v[offset + i] > v[offset + best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    /** mean((y - p)^2) over a sample's outputs, summed over samples. */
    public static final class MeanSquaredError extends Metric {
        public MeanSquaredError() {
            super("mean_squared_error");
        }

        @Override
        protected double batchSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return Losses.squaredErrorSum(yTrue, yPred, cols);
        }
    }

    /** mean(|y - p|) over a sample's outputs, summed over samples. */
    public static final class MeanAbsoluteError extends Metric {
        public MeanAbsoluteError() {
            super("mean_absolute_error");
        }

        @Override
        protected double batchSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return Losses.absoluteErrorSum(yTrue, yPred, cols);
        }
    }
}
