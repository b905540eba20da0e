package io.github.kerasdjl.losses;

import ai.djl.ndarray.NDArray;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.util.Registry;
import java.util.List;

/** The losses known by name, each written as Keras 3 computes it. */
public final class Losses {

    static final Registry<Loss> REGISTRY = new Registry<Loss>("loss")
            .register("mean_squared_error", MeanSquaredError::new, "mse")
            .register("mean_absolute_error", MeanAbsoluteError::new, "mae")
            .register("binary_crossentropy", BinaryCrossentropy::new, "bce")
            .register("categorical_crossentropy", CategoricalCrossentropy::new, "cce");

    private Losses() {
    }

    /** Every accepted name, aliases included. */
    public static List<String> names() {
        return REGISTRY.names();
    }

    /** mean((y - p)^2) over the outputs of a sample; not DJL's l2Loss, which halves it. */
    public static final class MeanSquaredError extends Loss {
        public MeanSquaredError() {
            super("mean_squared_error");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).square().mean(new int[] {-1});
        }

        @Override
        public NDArray compute(NDArray yTrue, NDArray yPred) {
            // Every sample has the same number of outputs, so the mean of the per-sample means is the plain mean.
            return yPred.sub(yTrue).square().mean();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return squaredErrorSum(yTrue, yPred, cols);
        }

        /** Any activation with a derivative from its output. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation.hasDerivativeFromOutput();
        }

        /** {@code (p - y) f'(z)}, times 2 / (rows cols). */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return outputDerivative.timesDerivative(yPred.sub(yTrue), yPred);
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 2.0 / ((double) rows * cols);
        }
    }

    /** mean(|y - p|) over the outputs of a sample. */
    public static final class MeanAbsoluteError extends Loss {
        public MeanAbsoluteError() {
            super("mean_absolute_error");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).abs().mean(new int[] {-1});
        }

        @Override
        public NDArray compute(NDArray yTrue, NDArray yPred) {
            return yPred.sub(yTrue).abs().mean();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            return absoluteErrorSum(yTrue, yPred, cols);
        }

        /** Any activation with a derivative from its output. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation.hasDerivativeFromOutput();
        }

        /** {@code sign(p - y) f'(z)}, times 1 / (rows cols). */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return outputDerivative.timesDerivative(yPred.sub(yTrue).sign(), yPred);
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / ((double) rows * cols);
        }
    }

    /**
     * -(y log p + (1 - y) log(1 - p)) on probabilities clipped to [1e-7, 1 - 1e-7], averaged over the outputs of a
     * sample (Keras' {@code binary_crossentropy} with {@code from_logits=False}).
     */
    public static final class BinaryCrossentropy extends Loss {
        public BinaryCrossentropy() {
            super("binary_crossentropy");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray p = yPred.clip(EPSILON, 1 - EPSILON);
            NDArray positive = yTrue.mul(p.log());
            NDArray negative = yTrue.neg().add(1).mul(p.neg().add(1).log());
            return positive.add(negative).neg().mean(new int[] {-1});
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            double sum = 0;
            for (int i = 0; i < yPred.length; i++) {
                double p = clip(yPred[i]);
                sum -= yTrue[i] * Math.log(p) + (1 - yTrue[i]) * Math.log(1 - p);
            }
            return sum / cols;
        }

        @Override
        public boolean isBinary() {
            return true;
        }

        /** A sigmoid output only: then dL/dz is the logits gradient. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation == Activation.SIGMOID;
        }

        /**
         * {@code p - y}, times 1 / (rows cols): the gradient of the cross-entropy of the logits, as Keras' TensorFlow
         * backend computes it. It differs from the gradient through the clipped probabilities (autograd) only where
         * an output is within 1e-7 of 0 or 1.
         */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return yPred.sub(yTrue);
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / ((double) rows * cols);
        }
    }

    /**
     * -sum(y log p) over a sample's outputs, p first divided by its row sum and clipped to [1e-7, 1 - 1e-7]
     * (Keras' {@code categorical_crossentropy} with {@code from_logits=False}).
     */
    public static final class CategoricalCrossentropy extends Loss {
        public CategoricalCrossentropy() {
            super("categorical_crossentropy");
        }

        @Override
        public NDArray perSample(NDArray yTrue, NDArray yPred) {
            NDArray p = yPred.div(yPred.sum(new int[] {-1}, true)).clip(EPSILON, 1 - EPSILON);
            return yTrue.mul(p.log()).sum(new int[] {-1}).neg();
        }

        @Override
        public double hostSum(float[] yTrue, float[] yPred, int rows, int cols) {
            double sum = 0;
            for (int r = 0; r < rows; r++) {
                double rowSum = 0;
                for (int c = 0; c < cols; c++) {
                    rowSum += yPred[r * cols + c];
                }
                for (int c = 0; c < cols; c++) {
                    int i = r * cols + c;
                    sum -= yTrue[i] * Math.log(clip((float) (yPred[i] / rowSum)));
                }
            }
            return sum;
        }

        /** A softmax output only: then dL/dz is the logits gradient. */
        @Override
        public boolean hasOutputDelta(Activation outputActivation) {
            return outputActivation == Activation.SOFTMAX;
        }

        /**
         * {@code p sum(y) - y} per row (just {@code p - y} for targets that sum to 1, as one-hot rows do), times
         * 1 / rows: the logits gradient, as for binary cross-entropy.
         */
        @Override
        public NDArray outputDelta(NDArray yTrue, NDArray yPred, Activation.Derivative outputDerivative) {
            return yPred.mul(yTrue.sum(new int[] {-1}, true)).subi(yTrue);
        }

        @Override
        public double outputDeltaScale(int rows, int cols) {
            return 1.0 / rows;
        }
    }

    /** Clips a probability to [EPSILON, 1 - EPSILON] in float32, as the engine does. */
    private static double clip(float p) {
        return Math.min(Math.max(p, Loss.EPSILON), 1 - Loss.EPSILON);
    }

    /** Sum over samples of mean((y - p)^2) over each sample's {@code cols} outputs (row-major arrays). */
    public static double squaredErrorSum(float[] yTrue, float[] yPred, int cols) {
        double sum = 0;
        for (int i = 0; i < yPred.length; i++) {
            double d = (double) yPred[i] - yTrue[i];
            sum += d * d;
        }
        return sum / cols;
    }

    /** Sum over samples of mean(|y - p|) over each sample's {@code cols} outputs (row-major arrays). */
    public static double absoluteErrorSum(float[] yTrue, float[] yPred, int cols) {
        double sum = 0;
        for (int i = 0; i < yPred.length; i++) {
            sum += Math.abs((double) yPred[i] - yTrue[i]);
        }
        return sum / cols;
    }
}
