package io.github.kerasdjl;

import io.github.kerasdjl.callbacks.BackupAndRestore;
import io.github.kerasdjl.callbacks.EarlyStopping;
import io.github.kerasdjl.callbacks.ModelCheckpoint;
import io.github.kerasdjl.callbacks.TerminateOnNaN;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.util.RandomSeed;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.optimizers.Adagrad;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.RMSprop;
import io.github.kerasdjl.optimizers.SGD;

/**
 * Factory methods named like Keras' classes, for {@code import static io.github.kerasdjl.Keras.*;}:
 *
 * <pre>{@code
 * Sequential model = Sequential()
 *     .add(Dense(8, "relu", 2)).add(Dense(8, "relu")).add(Dense(8, "relu"))
 *     .add(Dense(1, "sigmoid"));
 * model.compile(SGD(0.05), "mse", "accuracy");
 * History history = model.fit(x, y, 5000, 10);
 * }</pre>
 */
@SuppressWarnings("checkstyle:MethodName")
public final class Keras {

    private Keras() {
    }

    /** {@code keras.utils.set_random_seed}: models created afterwards draw their seeds from this one. */
    public static void setRandomSeed(long seed) {
        RandomSeed.set(seed);
    }

    /**
     * Keras' {@code keras.saving.load_model}: the model in a Keras 3 {@code .keras} file (written by
     * {@link Sequential#save} or by real Keras 3 for a Sequential of Dense layers), built, with its weights, compiled
     * as it was and with its optimizer's state, so that {@code fit} continues where the saved model stopped; or the
     * model in a folder of DJL's format ({@link Sequential#saveDjl}).
     * Anything the library does not have is an error that names it and the file, before any weight is made.
     */
    public static Sequential loadModel(java.nio.file.Path file) {
        return ModelFiles.load(file);
    }

    /** An empty Sequential model. */
    public static Sequential Sequential() {
        return new Sequential();
    }

    /** A Sequential model of these layers. */
    public static Sequential Sequential(Layer... layers) {
        Sequential model = new Sequential();
        for (Layer l : layers) {
            model.add(l);
        }
        return model;
    }

    /** Dense(units), linear. */
    public static Dense Dense(int units) {
        return new Dense(units);
    }

    /** Dense(units, activation). */
    public static Dense Dense(int units, String activation) {
        return new Dense(units, activation);
    }

    /** Dense(units, activation, input_dim). */
    public static Dense Dense(int units, String activation, int inputDim) {
        return new Dense(units, activation, inputDim);
    }

    /** SGD with Keras' defaults (learning_rate 0.01). */
    public static SGD SGD() {
        return new SGD();
    }

    /** SGD(learning_rate). */
    public static SGD SGD(double learningRate) {
        return new SGD(learningRate);
    }

    /** SGD(learning_rate, momentum). */
    public static SGD SGD(double learningRate, double momentum) {
        return new SGD(learningRate, momentum, false);
    }

    /** SGD(learning_rate, momentum, nesterov). */
    public static SGD SGD(double learningRate, double momentum, boolean nesterov) {
        return new SGD(learningRate, momentum, nesterov);
    }

    /** Adam with Keras' defaults (0.001, 0.9, 0.999, 1e-7). */
    public static Adam Adam() {
        return new Adam();
    }

    /** Adam(learning_rate). */
    public static Adam Adam(double learningRate) {
        return new Adam(learningRate);
    }

    /** Adam(learning_rate, beta_1, beta_2, epsilon). */
    public static Adam Adam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adam(learningRate, beta1, beta2, epsilon);
    }

    /** RMSprop(learning_rate) with Keras' other defaults (rho 0.9, momentum 0, epsilon 1e-7, not centered). */
    public static RMSprop RMSprop(double learningRate) {
        return new RMSprop(learningRate);
    }

    /** RMSprop(learning_rate, rho, momentum, epsilon, centered). */
    public static RMSprop RMSprop(double learningRate, double rho, double momentum, double epsilon,
            boolean centered) {
        return new RMSprop(learningRate, rho, momentum, epsilon, centered);
    }

    /** Adagrad(learning_rate) with Keras' other defaults (initial accumulator 0.1, epsilon 1e-7). */
    public static Adagrad Adagrad(double learningRate) {
        return new Adagrad(learningRate);
    }

    /** Adagrad(learning_rate, initial_accumulator_value, epsilon). */
    public static Adagrad Adagrad(double learningRate, double initialAccumulatorValue, double epsilon) {
        return new Adagrad(learningRate, initialAccumulatorValue, epsilon);
    }

    /** EarlyStopping(monitor, min_delta, patience, restore_best_weights). */
    public static EarlyStopping EarlyStopping(String monitor, double minDelta, int patience,
            boolean restoreBestWeights) {
        return new EarlyStopping(monitor, minDelta, patience, restoreBestWeights);
    }

    /** ModelCheckpoint(filepath): the whole model after every epoch; fields such as {epoch:02d} in the path. */
    public static ModelCheckpoint ModelCheckpoint(String filepath) {
        return new ModelCheckpoint(filepath);
    }

    /** ModelCheckpoint(filepath, monitor, mode, save_best_only, save_weights_only). */
    public static ModelCheckpoint ModelCheckpoint(String filepath, String monitor, String mode, boolean saveBestOnly,
            boolean saveWeightsOnly) {
        return new ModelCheckpoint(filepath, monitor, mode, saveBestOnly, saveWeightsOnly);
    }

    /** BackupAndRestore(backup_dir): a fit interrupted and started again continues from its last epoch. */
    public static BackupAndRestore BackupAndRestore(java.nio.file.Path backupDir) {
        return new BackupAndRestore(backupDir);
    }

    /** TerminateOnNaN(): ends training at the first batch whose loss is not a finite number. */
    public static TerminateOnNaN TerminateOnNaN() {
        return new TerminateOnNaN();
    }

    // ---- metrics (issue 13): Keras' metric classes, to configure and pass to compile(optimizer, loss, metrics...)

    /** Precision(): tp / (tp + fp) over the epoch; {@code .thresholds(..)}, {@code .topK(k)}, {@code .classId(i)}. */
    public static io.github.kerasdjl.metrics.Precision Precision() {
        return new io.github.kerasdjl.metrics.Precision();
    }

    /** Recall(): tp / (tp + fn) over the epoch; {@code .thresholds(..)}, {@code .topK(k)}, {@code .classId(i)}. */
    public static io.github.kerasdjl.metrics.Recall Recall() {
        return new io.github.kerasdjl.metrics.Recall();
    }

    /** AUC(): ROC (or {@code .curve("PR")}) with 200 thresholds and Keras' interpolation. */
    public static io.github.kerasdjl.metrics.AUC AUC() {
        return new io.github.kerasdjl.metrics.AUC();
    }

    /** F1Score(average, threshold): average null (one value per class), "micro", "macro" or "weighted". */
    public static io.github.kerasdjl.metrics.F1Score F1Score(String average, Double threshold) {
        return new io.github.kerasdjl.metrics.F1Score().average(average).threshold(threshold);
    }

    /** R2Score(): the coefficient of determination over the epoch, averaged over the outputs. */
    public static io.github.kerasdjl.metrics.R2Score R2Score() {
        return new io.github.kerasdjl.metrics.R2Score();
    }

    /** RootMeanSquaredError(): sqrt of the mean squared error over the epoch. */
    public static io.github.kerasdjl.metrics.Metrics.RootMeanSquaredError RootMeanSquaredError() {
        return new io.github.kerasdjl.metrics.Metrics.RootMeanSquaredError();
    }

    /** SparseCategoricalAccuracy(): argmax of the predictions against one integer class index per sample. */
    public static io.github.kerasdjl.metrics.Metrics.SparseCategoricalAccuracy SparseCategoricalAccuracy() {
        return new io.github.kerasdjl.metrics.Metrics.SparseCategoricalAccuracy();
    }

    /** TopKCategoricalAccuracy(k): whether the target class is among the k largest predictions (Keras' k = 5). */
    public static io.github.kerasdjl.metrics.Metrics.TopKCategoricalAccuracy TopKCategoricalAccuracy(int k) {
        return new io.github.kerasdjl.metrics.Metrics.TopKCategoricalAccuracy(k);
    }

    /** Fit options with Keras' defaults. */
    public static FitOptions FitOptions() {
        return new FitOptions();
    }
}
