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
import io.github.kerasdjl.optimizers.AdamW;
import io.github.kerasdjl.optimizers.Adamax;
import io.github.kerasdjl.optimizers.LearningRateSchedule;
import io.github.kerasdjl.optimizers.LearningRateSchedules;
import io.github.kerasdjl.optimizers.Nadam;
import io.github.kerasdjl.optimizers.RMSprop;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.tensorboard.TensorBoard; // TensorBoard (issue 13)

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

    /** RMSprop with Keras' defaults (0.001, rho 0.9, momentum 0, epsilon 1e-7, not centered). */
    public static RMSprop RMSprop() {
        return new RMSprop();
    }

    /** Adagrad with Keras' defaults (0.001, initial accumulator 0.1, epsilon 1e-7). */
    public static Adagrad Adagrad() {
        return new Adagrad();
    }

    /** AdamW with Keras' defaults (0.001, weight_decay 0.004, 0.9, 0.999, 1e-7). */
    public static AdamW AdamW() {
        return new AdamW();
    }

    /** AdamW(learning_rate, weight_decay) with Keras' other defaults. */
    public static AdamW AdamW(double learningRate, double weightDecay) {
        return new AdamW(learningRate, weightDecay);
    }

    /** AdamW(learning_rate=schedule, weight_decay). */
    public static AdamW AdamW(LearningRateSchedule learningRate, double weightDecay) {
        return new AdamW(learningRate, weightDecay);
    }

    /** AdamW(learning_rate, weight_decay, beta_1, beta_2, epsilon). */
    public static AdamW AdamW(double learningRate, double weightDecay, double beta1, double beta2, double epsilon) {
        return new AdamW(learningRate, weightDecay, beta1, beta2, epsilon);
    }

    /** Adamax with Keras' defaults (0.001, 0.9, 0.999, 1e-7). */
    public static Adamax Adamax() {
        return new Adamax();
    }

    /** Adamax(learning_rate). */
    public static Adamax Adamax(double learningRate) {
        return new Adamax(learningRate);
    }

    /** Adamax(learning_rate, beta_1, beta_2, epsilon). */
    public static Adamax Adamax(double learningRate, double beta1, double beta2, double epsilon) {
        return new Adamax(learningRate, beta1, beta2, epsilon);
    }

    /** Nadam with Keras' defaults (0.001, 0.9, 0.999, 1e-7). */
    public static Nadam Nadam() {
        return new Nadam();
    }

    /** Nadam(learning_rate). */
    public static Nadam Nadam(double learningRate) {
        return new Nadam(learningRate);
    }

    /** Nadam(learning_rate, beta_1, beta_2, epsilon). */
    public static Nadam Nadam(double learningRate, double beta1, double beta2, double epsilon) {
        return new Nadam(learningRate, beta1, beta2, epsilon);
    }

    /** SGD(learning_rate=schedule). */
    public static SGD SGD(LearningRateSchedule learningRate) {
        return new SGD(learningRate);
    }

    /** SGD(learning_rate=schedule, momentum, nesterov). */
    public static SGD SGD(LearningRateSchedule learningRate, double momentum, boolean nesterov) {
        return new SGD(learningRate, momentum, nesterov);
    }

    /** Adam(learning_rate=schedule). */
    public static Adam Adam(LearningRateSchedule learningRate) {
        return new Adam(learningRate);
    }

    /** RMSprop(learning_rate=schedule). */
    public static RMSprop RMSprop(LearningRateSchedule learningRate) {
        return new RMSprop(learningRate);
    }

    /** Adagrad(learning_rate=schedule). */
    public static Adagrad Adagrad(LearningRateSchedule learningRate) {
        return new Adagrad(learningRate);
    }

    /** Adamax(learning_rate=schedule). */
    public static Adamax Adamax(LearningRateSchedule learningRate) {
        return new Adamax(learningRate);
    }

    /** Nadam(learning_rate=schedule). */
    public static Nadam Nadam(LearningRateSchedule learningRate) {
        return new Nadam(learningRate);
    }

    // Learning-rate schedules (keras.optimizers.schedules), accepted wherever a learning rate is.

    /** ExponentialDecay(initial_learning_rate, decay_steps, decay_rate). */
    public static LearningRateSchedules.ExponentialDecay ExponentialDecay(double initialLearningRate,
            long decaySteps, double decayRate) {
        return new LearningRateSchedules.ExponentialDecay(initialLearningRate, decaySteps, decayRate);
    }

    /** ExponentialDecay(initial_learning_rate, decay_steps, decay_rate, staircase). */
    public static LearningRateSchedules.ExponentialDecay ExponentialDecay(double initialLearningRate,
            long decaySteps, double decayRate, boolean staircase) {
        return new LearningRateSchedules.ExponentialDecay(initialLearningRate, decaySteps, decayRate, staircase);
    }

    /** PiecewiseConstantDecay(boundaries, values). */
    public static LearningRateSchedules.PiecewiseConstantDecay PiecewiseConstantDecay(long[] boundaries,
            double[] values) {
        return new LearningRateSchedules.PiecewiseConstantDecay(boundaries, values);
    }

    /** InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate). */
    public static LearningRateSchedules.InverseTimeDecay InverseTimeDecay(double initialLearningRate,
            long decaySteps, double decayRate) {
        return new LearningRateSchedules.InverseTimeDecay(initialLearningRate, decaySteps, decayRate);
    }

    /** InverseTimeDecay(initial_learning_rate, decay_steps, decay_rate, staircase). */
    public static LearningRateSchedules.InverseTimeDecay InverseTimeDecay(double initialLearningRate,
            long decaySteps, double decayRate, boolean staircase) {
        return new LearningRateSchedules.InverseTimeDecay(initialLearningRate, decaySteps, decayRate, staircase);
    }

    /** PolynomialDecay(initial_learning_rate, decay_steps) with Keras' defaults (end 1e-4, power 1, no cycle). */
    public static LearningRateSchedules.PolynomialDecay PolynomialDecay(double initialLearningRate, long decaySteps) {
        return new LearningRateSchedules.PolynomialDecay(initialLearningRate, decaySteps);
    }

    /** PolynomialDecay(initial_learning_rate, decay_steps, end_learning_rate, power, cycle). */
    public static LearningRateSchedules.PolynomialDecay PolynomialDecay(double initialLearningRate, long decaySteps,
            double endLearningRate, double power, boolean cycle) {
        return new LearningRateSchedules.PolynomialDecay(initialLearningRate, decaySteps, endLearningRate, power,
                cycle);
    }

    /** CosineDecay(initial_learning_rate, decay_steps) with Keras' defaults (alpha 0, no warm-up). */
    public static LearningRateSchedules.CosineDecay CosineDecay(double initialLearningRate, long decaySteps) {
        return new LearningRateSchedules.CosineDecay(initialLearningRate, decaySteps);
    }

    /** CosineDecay(initial_learning_rate, decay_steps, alpha). */
    public static LearningRateSchedules.CosineDecay CosineDecay(double initialLearningRate, long decaySteps,
            double alpha) {
        return new LearningRateSchedules.CosineDecay(initialLearningRate, decaySteps, alpha);
    }

    /** CosineDecay(initial_learning_rate, decay_steps, alpha, warmup_target, warmup_steps). */
    public static LearningRateSchedules.CosineDecay CosineDecay(double initialLearningRate, long decaySteps,
            double alpha, double warmupTarget, long warmupSteps) {
        return new LearningRateSchedules.CosineDecay(initialLearningRate, decaySteps, alpha, warmupTarget,
                warmupSteps);
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

    // ---- TensorBoard (issue 13)

    /**
     * TensorBoard(log_dir): event files of the epochs' loss, metrics and learning rate under logDir/train and
     * logDir/validation; histograms, batch summaries and the decision boundary through its other forms.
     */
    public static TensorBoard TensorBoard(java.nio.file.Path logDir) {
        return new TensorBoard(logDir);
    }

    /** TensorBoard(log_dir, histogram_freq): also every weight's histogram every histogramFreq epochs. */
    public static TensorBoard TensorBoard(java.nio.file.Path logDir, int histogramFreq) {
        return new TensorBoard(logDir, histogramFreq);
    }

    // ---- losses (keras.losses classes with arguments) and keras.utils.to_categorical

    /** Keras' BinaryCrossentropy(from_logits, label_smoothing). */
    public static io.github.kerasdjl.losses.Losses.BinaryCrossentropy BinaryCrossentropy(boolean fromLogits,
            double labelSmoothing) {
        return new io.github.kerasdjl.losses.Losses.BinaryCrossentropy(fromLogits, labelSmoothing);
    }

    /** Keras' CategoricalCrossentropy(from_logits, label_smoothing). */
    public static io.github.kerasdjl.losses.Losses.CategoricalCrossentropy CategoricalCrossentropy(
            boolean fromLogits, double labelSmoothing) {
        return new io.github.kerasdjl.losses.Losses.CategoricalCrossentropy(fromLogits, labelSmoothing);
    }

    /** Keras' SparseCategoricalCrossentropy(from_logits): targets are integer class indices. */
    public static io.github.kerasdjl.losses.Losses.SparseCategoricalCrossentropy SparseCategoricalCrossentropy(
            boolean fromLogits) {
        return new io.github.kerasdjl.losses.Losses.SparseCategoricalCrossentropy(fromLogits);
    }

    /** Keras' Huber(delta). */
    public static io.github.kerasdjl.losses.Losses.Huber Huber(double delta) {
        return new io.github.kerasdjl.losses.Losses.Huber(delta);
    }

    /** Keras' keras.utils.to_categorical(labels, num_classes): one-hot rows of integer class indices. */
    public static float[][] toCategorical(int[] labels, int numClasses) {
        return io.github.kerasdjl.util.Labels.toCategorical(labels, numClasses);
    }

    /** to_categorical for class indices held as floats (whole numbers). */
    public static float[][] toCategorical(float[] labels, int numClasses) {
        return io.github.kerasdjl.util.Labels.toCategorical(labels, numClasses);
    }

    // Callbacks (issue 13): LearningRateScheduler, ReduceLROnPlateau, CSVLogger, LambdaCallback, EarlyStopping's
    // fuller form.

    /** EarlyStopping(monitor, min_delta, patience, verbose, mode, baseline, restore_best_weights, start_from_epoch). */
    public static EarlyStopping EarlyStopping(String monitor, double minDelta, int patience, int verbose, String mode,
            Double baseline, boolean restoreBestWeights, int startFromEpoch) {
        return new EarlyStopping(monitor, minDelta, patience, verbose, mode, baseline, restoreBestWeights,
                startFromEpoch);
    }

    /** LearningRateScheduler(schedule): {@code (epoch, lr) -> lr} sets the rate before each epoch. */
    public static io.github.kerasdjl.callbacks.LearningRateScheduler LearningRateScheduler(
            io.github.kerasdjl.callbacks.LearningRateScheduler.Schedule schedule) {
        return new io.github.kerasdjl.callbacks.LearningRateScheduler(schedule);
    }

    /** LearningRateScheduler(schedule, verbose). */
    public static io.github.kerasdjl.callbacks.LearningRateScheduler LearningRateScheduler(
            io.github.kerasdjl.callbacks.LearningRateScheduler.Schedule schedule, int verbose) {
        return new io.github.kerasdjl.callbacks.LearningRateScheduler(schedule, verbose);
    }

    /** ReduceLROnPlateau() with Keras' defaults (val_loss, factor 0.1, patience 10, min_delta 1e-4). */
    public static io.github.kerasdjl.callbacks.ReduceLROnPlateau ReduceLROnPlateau() {
        return new io.github.kerasdjl.callbacks.ReduceLROnPlateau();
    }

    /** ReduceLROnPlateau(monitor, factor, patience). */
    public static io.github.kerasdjl.callbacks.ReduceLROnPlateau ReduceLROnPlateau(String monitor, double factor,
            int patience) {
        return new io.github.kerasdjl.callbacks.ReduceLROnPlateau(monitor, factor, patience);
    }

    /** ReduceLROnPlateau(monitor, factor, patience, verbose, mode, min_delta, cooldown, min_lr). */
    public static io.github.kerasdjl.callbacks.ReduceLROnPlateau ReduceLROnPlateau(String monitor, double factor,
            int patience, int verbose, String mode, double minDelta, int cooldown, double minLr) {
        return new io.github.kerasdjl.callbacks.ReduceLROnPlateau(monitor, factor, patience, verbose, mode, minDelta,
                cooldown, minLr);
    }

    /** CSVLogger(filename): one row per epoch, separator ",", overwriting. */
    public static io.github.kerasdjl.callbacks.CSVLogger CSVLogger(String filename) {
        return new io.github.kerasdjl.callbacks.CSVLogger(filename);
    }

    /** CSVLogger(filename, separator, append). */
    public static io.github.kerasdjl.callbacks.CSVLogger CSVLogger(String filename, String separator,
            boolean append) {
        return new io.github.kerasdjl.callbacks.CSVLogger(filename, separator, append);
    }

    /** LambdaCallback(): give its hooks with onEpochEnd(...), onBatchEnd(...) and so on. */
    public static io.github.kerasdjl.callbacks.LambdaCallback LambdaCallback() {
        return new io.github.kerasdjl.callbacks.LambdaCallback();
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

    /** FBetaScore(average, beta, threshold): the F-beta score, logged as {@code fbeta_score}. */
    public static io.github.kerasdjl.metrics.F1Score FBetaScore(String average, double beta, Double threshold) {
        return new io.github.kerasdjl.metrics.F1Score().average(average).beta(beta).threshold(threshold);
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

    // ------------------------------------------------------------------ [layers] Input, N-D layers (issue 14)

    /** keras.Input(shape): the shape of one sample, without the batch axis, channels last: Input(8, 8, 1). */
    public static io.github.kerasdjl.layers.InputLayer Input(long... shape) {
        return new io.github.kerasdjl.layers.InputLayer(shape);
    }

    /** Flatten(): each sample's values as one axis, (None, 3, 3, 16) to (None, 144). */
    public static io.github.kerasdjl.layers.Flatten Flatten() {
        return new io.github.kerasdjl.layers.Flatten();
    }

    /** Reshape(target_shape): one axis may be -1. */
    public static io.github.kerasdjl.layers.Reshape Reshape(long... targetShape) {
        return new io.github.kerasdjl.layers.Reshape(targetShape);
    }

    /** Activation(name): the activation as a layer of its own. */
    public static io.github.kerasdjl.layers.ActivationLayer Activation(String activation) {
        return new io.github.kerasdjl.layers.ActivationLayer(activation);
    }

    /** Dropout(rate): inverted dropout in training, seeded from the model's seed. */
    public static io.github.kerasdjl.layers.Dropout Dropout(double rate) {
        return new io.github.kerasdjl.layers.Dropout(rate);
    }

    /** Dropout(rate, seed). */
    public static io.github.kerasdjl.layers.Dropout Dropout(double rate, long seed) {
        return new io.github.kerasdjl.layers.Dropout(rate, seed);
    }

    /** Conv2D(filters, kernel_size): square kernels, padding valid, strides 1, linear. */
    public static io.github.kerasdjl.layers.Conv2D Conv2D(int filters, int kernelSize) {
        return new io.github.kerasdjl.layers.Conv2D(filters, kernelSize);
    }

    /** Conv2D(filters, kernel_size, activation=...). */
    public static io.github.kerasdjl.layers.Conv2D Conv2D(int filters, int kernelSize, String activation) {
        return new io.github.kerasdjl.layers.Conv2D(filters, kernelSize, activation);
    }

    /** MaxPooling2D(pool_size): strides the pool size, padding valid. */
    public static io.github.kerasdjl.layers.Pooling2D MaxPooling2D(int poolSize) {
        return io.github.kerasdjl.layers.Pooling2D.max(poolSize);
    }

    /** AveragePooling2D(pool_size): strides the pool size, padding valid. */
    public static io.github.kerasdjl.layers.Pooling2D AveragePooling2D(int poolSize) {
        return io.github.kerasdjl.layers.Pooling2D.average(poolSize);
    }

    /** BatchNormalization(): momentum 0.99, epsilon 1e-3, over the last axis. */
    public static io.github.kerasdjl.layers.BatchNormalization BatchNormalization() {
        return new io.github.kerasdjl.layers.BatchNormalization();
    }

    /** LayerNormalization(): epsilon 1e-3, over the last axis. */
    public static io.github.kerasdjl.layers.LayerNormalization LayerNormalization() {
        return new io.github.kerasdjl.layers.LayerNormalization();
    }

    /** Normalization(): standardizes each feature of the last axis with the statistics of adapt(data). */
    public static io.github.kerasdjl.layers.Normalization Normalization() {
        return new io.github.kerasdjl.layers.Normalization();
    }

    /** Embedding(input_dim, output_dim): integer indices to trainable vectors. */
    public static io.github.kerasdjl.layers.Embedding Embedding(int inputDim, int outputDim) {
        return new io.github.kerasdjl.layers.Embedding(inputDim, outputDim);
    }

    /** GlobalAveragePooling2D(): the mean of each channel, (None, h, w, c) to (None, c). */
    public static io.github.kerasdjl.layers.GlobalAveragePooling2D GlobalAveragePooling2D() {
        return new io.github.kerasdjl.layers.GlobalAveragePooling2D();
    }

    /** Fit options with Keras' defaults. */
    public static FitOptions FitOptions() {
        return new FitOptions();
    }
}
