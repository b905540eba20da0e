package io.github.kerasdjl.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.backend.Constants;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.util.RandomSeed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keras' training loop (keras/src/trainers): the epochs, batching, shuffling, validation, the metrics accumulated
 * over an epoch, the callbacks, and the evaluate loop. One step of training is a {@link TrainingStep}, chosen by
 * {@link TrainingSteps}. The data are checked by the model before a trainer sees them.
 */
public final class Trainer {

    private static final Logger LOG = LoggerFactory.getLogger(Trainer.class);

    private final Network network;
    private final Optimizer optimizer;
    private final Loss loss;
    private final List<Metric> metrics;
    private final boolean fastPath;
    /** Whether a fit of tiny steps may train on JVM arrays ({@link HostDenseStep}). */
    private final boolean hostStep;
    private volatile boolean stopTraining;
    /** Whether this fit has warned that the loss is not a finite number (once a fit). */
    private boolean warnedNonFinite;

    /**
     * @param network the built model
     * @param optimizer, loss, metrics what the model was compiled with
     * @param fastPath whether the hand-written step may be used
     */
    public Trainer(Network network, Optimizer optimizer, Loss loss, List<Metric> metrics, boolean fastPath) {
        this(network, optimizer, loss, metrics, fastPath, true);
    }

    /**
     * @param hostStep whether a fit whose steps are tiny may train the hand-written step on JVM arrays
     *     ({@link TrainingSteps#onHost})
     */
    public Trainer(Network network, Optimizer optimizer, Loss loss, List<Metric> metrics, boolean fastPath,
            boolean hostStep) {
        this.hostStep = hostStep;
        this.network = network;
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.copyOf(metrics);
        this.fastPath = fastPath;
        for (Metric m : metrics) {
            m.configure(network.outputDim(), loss);
        }
    }

    /** Which step {@link #fit} uses. */
    public TrainingSteps.Kind stepKind() {
        return TrainingSteps.choose(network.layers(), loss, network.devices().size(), fastPath);
    }

    /** Whether {@link #fit} in batches of {@code batchSize} trains on JVM arrays. */
    public boolean trainsOnHost(int batchSize) {
        return hostStep && TrainingSteps.onHost(network, loss, optimizer, fastPath, batchSize);
    }

    /** Ends a running {@link #fit} after the current epoch. */
    public void stop() {
        stopTraining = true;
    }

    /**
     * The keys of the epoch logs a fit with these metrics writes: {@code loss}, each metric's name, and their
     * {@code val_} forms when there is validation data.
     */
    public static java.util.Set<String> epochLogKeys(List<Metric> metrics, boolean validation) {
        return epochLogKeys(metrics, validation, -1);
    }

    /**
     * The keys of the epoch logs for a model of {@code outputUnits} outputs: a metric with one value per class or
     * per threshold logs {@code name_0}, {@code name_1}, ... (see {@link Metric#keys(int)}).
     */
    public static java.util.Set<String> epochLogKeys(List<Metric> metrics, boolean validation, int outputUnits) {
        java.util.Set<String> keys = new java.util.LinkedHashSet<>();
        keys.add("loss");
        for (Metric m : metrics) {
            keys.addAll(outputUnits < 0 ? List.of(m.name()) : m.keys(outputUnits));
        }
        if (validation) {
            for (String k : List.copyOf(keys)) {
                keys.add("val_" + k);
            }
        }
        return java.util.Collections.unmodifiableSet(keys);
    }

    /**
     * Training data and the data held out for validation (null when none), with their sample weights (null for
     * weights of 1).
     */
    public record Split(float[][] x, float[][] y, float[] sampleWeight, float[][] valX, float[][] valY,
            float[] valSampleWeight) {
        /** Data without sample weights. */
        public Split(float[][] x, float[][] y, float[][] valX, float[][] valY) {
            this(x, y, null, valX, valY, null);
        }
    }

    /**
     * Keras' {@code validation_split}: the last {@code fraction} of the rows, before any shuffling, held out.
     *
     * @throws IllegalArgumentException when either part would be empty
     */
    public static Split split(float[][] x, float[][] y, double fraction) {
        return split(x, y, null, fraction);
    }

    /** {@link #split(float[][], float[][], double)}, the sample weights (or null) split the same way, as Keras. */
    public static Split split(float[][] x, float[][] y, float[] sampleWeight, double fraction) {
        if (fraction <= 0) {
            return new Split(x, y, sampleWeight, null, null, null);
        }
        int splitAt = (int) Math.floor(x.length * (1.0 - fraction));
        if (splitAt == 0 || splitAt == x.length) {
            throw new IllegalArgumentException("Invalid value for argument `validation_split`: " + fraction
                    + ". The training data has " + x.length
                    + " samples, too few to split into a training and a validation set.");
        }
        return new Split(Arrays.copyOfRange(x, 0, splitAt), Arrays.copyOfRange(y, 0, splitAt),
                sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, 0, splitAt),
                Arrays.copyOfRange(x, splitAt, x.length), Arrays.copyOfRange(y, splitAt, y.length),
                sampleWeight == null ? null : Arrays.copyOfRange(sampleWeight, splitAt, x.length));
    }

    /**
     * Trains on {@code data} for the epochs of {@code options}, shuffling with {@code shuffle}, and returns the
     * history. The optimizer's state is made on the first fit and kept.
     *
     * @param model what the callbacks see
     */
    public History fit(Split data, FitOptions options, java.util.function.Supplier<Random> shuffle,
            ModelView model) {
        int numBatches = (data.x().length + options.batchSize() - 1) / options.batchSize();
        // Keras' EpochIterator: with steps_per_epoch, an epoch runs that many batches of the current pass, which goes
        // on into the next epoch; a new (shuffled) pass begins when one is used up.
        int steps = options.stepsPerEpoch() > 0 ? options.stepsPerEpoch() : numBatches;
        History history = new History();
        // Keras' CallbackList: the user's callbacks, then History, then the progress bar, so that what a callback
        // puts into the epoch logs (LearningRateScheduler's learning_rate) is recorded and printed.
        List<Callback> callbacks = new ArrayList<>(options.callbacks());
        callbacks.add(history);
        if (options.verbose() > 0) {
            callbacks.add(new ProgressLogger(options.verbose()));
        }
        boolean batchLogs = !options.callbacks().isEmpty() || options.verbose() == 1;
        warnAboutSetup(data.y());
        warnedNonFinite = false;
        NDManager manager = network.manager();
        List<NDArray> variables = network.variables();
        if (!optimizer.isBuiltFor(variables)) {
            optimizer.build(variables, manager);
        }
        stopTraining = false;
        // A fit that throws after a callback's onTrainBegin tells it (onTrainAborted), so that it frees what it
        // opened; onTrainEnd is not called then, as in Keras.
        List<Callback> begun = new ArrayList<>();
        try {
            for (Callback c : callbacks) {
                c.onTrainBegin(model, options.epochs(), steps);
                begun.add(c);
            }
            int firstEpoch = options.initialEpoch();
            for (Callback c : callbacks) {
                firstEpoch = Math.max(firstEpoch, c.resumeEpoch(options.initialEpoch()));
            }
            Map<String, Double> logs = trainEpochs(data, options, shuffle, callbacks, firstEpoch, steps, batchLogs);
            for (Callback c : callbacks) {
                c.onTrainEnd(logs);
            }
            return history;
        } catch (RuntimeException | Error e) {
            for (Callback c : begun) {
                try {
                    c.onTrainAborted(e);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /**
     * The epochs of a fit whose callbacks have begun: the data copied to the engine once, a pass at a time, each
     * epoch's and batch's callbacks; returns the last epoch's logs (empty when no epoch ran).
     */
    private Map<String, Double> trainEpochs(Split data, FitOptions options, java.util.function.Supplier<Random> shuffle,
            List<Callback> callbacks, int firstEpoch, int steps, boolean batchLogs) {
        float[][] x = data.x();
        float[][] y = data.y();
        int n = x.length;
        int cols = y[0].length;
        int batchSize = options.batchSize();
        int numBatches = (n + batchSize - 1) / batchSize;
        float[] weights = data.sampleWeight();
        Map<String, Double> logs = new LinkedHashMap<>();
        try (NDManager fitData = network.manager().newSubManager();
                Constants constants = new Constants(fitData);
                TrainingStep step = TrainingSteps.create(network, loss, optimizer, fastPath,
                        hostStep ? Math.min(batchSize, n) : 0, constants, !metrics.isEmpty())) {
            // A step that trains a copy of the weights (on the JVM) writes it back before callbacks and validation
            // look at the model and takes the model's weights after them; per batch only for callbacks that ask.
            boolean syncPerBatch = callbacks.stream().anyMatch(Callback::usesWeightsPerBatch);
            // Over buffers kept from the last fit: closed with fitData before the next fit fills them again.
            NDArray xAll = network.xStaging().toArray(fitData, x);
            NDArray yAll = network.yStaging().toArray(fitData, y);
            NDArray wAll = weights == null ? null : fitData.create(weights, new ai.djl.ndarray.types.Shape(n, 1));
            boolean warnedRanOut = false;
            try (Passes passes = new Passes()) {
                for (int epoch = firstEpoch; epoch < options.epochs() && !stopTraining; epoch++) {
                    int e = epoch;
                    callbacksRound(step, true, () -> callbacks.forEach(c -> c.onEpochBegin(e)));
                    resetMetrics();
                    double lossSum = 0;
                    long seen = 0;
                    Pass pass = passes.current(numBatches, () -> new Pass(fitData, xAll, yAll, wAll, y, weights,
                            options.shuffle() ? RandomSeed.permutation(n, shuffle.get()) : null));
                    try (NDScope epochScope = Autograd.scope()) {
                        for (int s = 0; s < steps; s++) {
                            if (pass.next >= numBatches) {
                                if (!warnedRanOut) {
                                    warnedRanOut = true;
                                    LOG.warn("Your input ran out of data; interrupting the epoch: steps_per_epoch={}"
                                            + " does not divide the {} batches of a pass over the data, so some"
                                            + " epochs end early (as Keras 3 does).", steps, numBatches);
                                }
                                break;
                            }
                            int start = pass.next * batchSize;
                            int end = Math.min(n, start + batchSize);
                            pass.next++;
                            int batch = s;
                            callbacksRound(step, syncPerBatch, () -> callbacks.forEach(c -> c.onBatchBegin(batch)));
                            lossSum += trainBatch(step, pass, start, end, cols, epoch, s) * (end - start);
                            seen += end - start;
                            if (batchLogs) {
                                Map<String, Double> running = logs(lossSum / seen);
                                callbacksRound(step, syncPerBatch,
                                        () -> callbacks.forEach(c -> c.onBatchEnd(batch, running)));
                                if (stopTraining) {
                                    break; // as Keras 3: a callback may end training within an epoch (TerminateOnNaN)
                                }
                            }
                        }
                    }
                    Map<String, Double> epochLogs = logs(lossSum / seen);
                    logs = epochLogs;
                    callbacksRound(step, true, () -> {
                        if (data.valX() != null && (e + 1) % options.validationFreq() == 0) {
                            Map<String, Double> val = evaluate(data.valX(), data.valY(),
                                    options.validationBatchSize(), data.valSampleWeight());
                            for (Map.Entry<String, Double> v : val.entrySet()) {
                                epochLogs.put("val_" + v.getKey(), v.getValue());
                            }
                        }
                        callbacks.forEach(c -> c.onEpochEnd(e, epochLogs));
                    });
                }
            }
        }
        return logs;
    }

    /**
     * One round of callbacks (and validation) that may look at or set the weights: with {@code sync}, a step that
     * trains a copy of them writes it back first and takes the model's weights for its next step after.
     */
    private static void callbacksRound(TrainingStep step, boolean sync, Runnable round) {
        if (sync) {
            step.toModel();
        }
        round.run();
        if (sync) {
            step.fromModel();
        }
    }

    /**
     * One step on rows [start, end) of the pass, in a scope that frees what it made; feeds the metrics and returns
     * the batch loss (warning once per fit when it is not a finite number).
     */
    private double trainBatch(TrainingStep step, Pass pass, int start, int end, int cols, int epoch, int batch) {
        try (NDScope stepScope = Autograd.scope()) {
            TrainingStep.Result result = step.train(pass.xs, pass.ys, pass.ws, pass.targets, pass.weights, start,
                    end);
            if (!warnedNonFinite && !Double.isFinite(result.loss())) {
                warnedNonFinite = true;
                LOG.warn("The loss is {} at epoch {}, batch {}: training has diverged and the weights are no longer"
                        + " finite numbers. Lower the learning rate ({}), or end such runs with the TerminateOnNaN"
                        + " callback.", ProgressLogger.format(result.loss()), epoch + 1, batch + 1, optimizer);
            }
            updateMetrics(pass.targets, result.predictions(), start, end, cols);
            return result.loss();
        }
    }

    /** The passes of one fit: the current one, replaced by a new one when its batches are used up; the last closed. */
    private static final class Passes implements AutoCloseable {
        private Pass current;

        Pass current(int numBatches, java.util.function.Supplier<Pass> next) {
            if (current == null || current.next >= numBatches) {
                close();
                current = next.get();
            }
            return current;
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }

    /**
     * Keras' warnings for losses that cannot learn in the given setting: categorical cross-entropy on one output unit
     * (its loss is 0 whatever the weights), binary cross-entropy with labels outside [0, 1] (the loss goes negative).
     */
    private void warnAboutSetup(float[][] y) {
        String name = loss.name();
        if (name.equals("categorical_crossentropy") && network.outputDim() == 1) {
            LOG.warn("categorical_crossentropy on a model with one output unit: its loss is 0 whatever the weights,"
                    + " so nothing is learnt. Use binary_crossentropy with a sigmoid output, or a softmax output of"
                    + " two units with one-hot labels.");
        }
        // [losses] Keras' warning (its TensorFlow backend's _get_logits) for from_logits=True on an output that a
        // sigmoid or softmax already turned into probabilities: the loss applies a second one.
        if (loss.fromLogits() && network.layers().get(network.layers().size() - 1)
                instanceof io.github.kerasdjl.layers.Dense last) {
            io.github.kerasdjl.activations.Activation a = last.activation();
            if (a == io.github.kerasdjl.activations.Activation.SIGMOID
                    || a == io.github.kerasdjl.activations.Activation.SOFTMAX) {
                LOG.warn("\"`{}` received `from_logits=True`, but the `output` argument was produced by a {}"
                        + " activation and thus does not represent logits. Was this intended?\" (layer '{}': use a"
                        + " linear output with from_logits=True, or from_logits=False with {}.)", name,
                        a == io.github.kerasdjl.activations.Activation.SIGMOID ? "Sigmoid" : "Softmax",
                        last.getName(), a.kerasName());
            }
        }
        if (name.equals("binary_crossentropy")) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (float[] row : y) {
                for (float v : row) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
            if (min < 0 || max > 1) {
                LOG.warn("binary_crossentropy expects labels in [0, 1], but y holds values from {} to {}: the loss"
                        + " can go negative and training does not mean what it should. Use labels 0 and 1.", min,
                        max);
            }
        }
    }

    /**
     * The gradient of the batch loss with respect to every weight, from the step {@link #stepKind()} names (or
     * autograd, with {@code handWritten} false), in the engine's layout; copied to the host. No weight is updated; on
     * autograd the forward pass runs in training mode, so BatchNormalization's moving statistics move and Dropout
     * draws its next mask, as one training step would.
     */
    public List<float[]> gradients(float[][] x, float[][] y, boolean handWritten) {
        List<float[]> result = new ArrayList<>();
        try (NDManager m = network.manager().newSubManager();
                Constants constants = new Constants(m);
                TrainingStep step = TrainingSteps.create(network, loss, optimizer, fastPath && handWritten,
                        constants, false);
                NDScope scope = Autograd.scope()) {
            for (NDArray g : step.gradients(Tensors.toArray(m, x), Tensors.toArray(m, y))) {
                result.add(g.toFloatArray());
            }
        }
        return result;
    }

    /**
     * One pass over the training data in the order a fit takes it: the rows (shuffled or not) on the engine, their
     * host copies, and how many batches of it were used. Its arrays live in a manager of their own, freed when the
     * pass is done (so that a pass may go on over several epochs, with steps_per_epoch).
     */
    private static final class Pass implements AutoCloseable {
        final NDManager manager;
        final NDArray xs;
        final NDArray ys;
        final NDArray ws;
        final float[] targets;
        final float[] weights;
        int next;

        Pass(NDManager parent, NDArray xAll, NDArray yAll, NDArray wAll, float[][] y, float[] w, long[] order) {
            manager = parent.newSubManager();
            if (order == null) {
                xs = xAll;
                ys = yAll;
                ws = wAll;
                weights = w;
            } else {
                NDArray index = keep(manager.create(order));
                xs = keep(xAll.get(index));
                ys = keep(yAll.get(index));
                ws = wAll == null ? null : keep(wAll.get(index));
                float[] shuffled = null;
                if (w != null) {
                    shuffled = new float[w.length];
                    for (int i = 0; i < order.length; i++) {
                        shuffled[i] = w[(int) order[i]];
                    }
                }
                weights = shuffled;
            }
            targets = rows(y, order);
        }

        private NDArray keep(NDArray a) {
            a.attach(manager);
            NDScope.unregister(a);
            return a;
        }

        @Override
        public void close() {
            manager.close();
        }
    }

    /**
     * Keras' {@code train_on_batch}: one step on all of {@code x} (no shuffling), the metrics reset first; the
     * batch's loss (before the update) and metrics.
     */
    public Map<String, Double> trainOnBatch(float[][] x, float[][] y, float[] sampleWeight) {
        NDManager manager = network.manager();
        List<NDArray> variables = network.variables();
        if (!optimizer.isBuiltFor(variables)) {
            optimizer.build(variables, manager);
        }
        resetMetrics();
        int n = x.length;
        try (NDManager m = manager.newSubManager();
                Constants constants = new Constants(m);
                TrainingStep step = TrainingSteps.create(network, loss, optimizer, fastPath, hostStep ? n : 0,
                        constants, !metrics.isEmpty());
                NDScope scope = Autograd.scope()) {
            NDArray ws = sampleWeight == null ? null : m.create(sampleWeight, new ai.djl.ndarray.types.Shape(n, 1));
            float[] targets = rows(y, null);
            TrainingStep.Result result = step.train(Tensors.toArray(m, x), Tensors.toArray(m, y), ws, targets,
                    sampleWeight, 0, n);
            updateMetrics(targets, result.predictions(), 0, n, y[0].length);
            Map<String, Double> logs = logs(result.loss());
            resetMetrics();
            return logs;
        }
    }

    /** Keras' evaluate: loss (with penalties) and metrics as sample-weighted means over the batches. */
    public Map<String, Double> evaluate(float[][] x, float[][] y, int batchSize) {
        return evaluate(x, y, batchSize, null);
    }

    /**
     * Keras' evaluate with {@code sample_weight}: the loss is {@code sum(w * loss) / samples} (plus the penalties);
     * the metrics are not weighted, as Keras' compile metrics are not.
     */
    public Map<String, Double> evaluate(float[][] x, float[][] y, int batchSize, float[] sampleWeight) {
        resetMetrics();
        double lossSum = 0;
        int cols = y[0].length;
        float[] targets = rows(y, null);
        try (NDManager m = network.manager().newSubManager()) {
            NDArray xa = Tensors.toArray(m, x);
            NDArray ya = Tensors.toArray(m, y);
            for (int start = 0; start < x.length; start += batchSize) {
                int end = Math.min(x.length, start + batchSize);
                try (NDScope scope = Autograd.scope()) {
                    NDIndex rows = new NDIndex().addSliceDim(start, end);
                    NDArray prediction = network.forward(xa.get(rows), false);
                    if (sampleWeight == null) {
                        lossSum += loss.compute(ya.get(rows), prediction).getFloat() * (double) (end - start);
                    } else {
                        NDArray w = m.create(Arrays.copyOfRange(sampleWeight, start, end));
                        lossSum += loss.perSample(ya.get(rows), prediction).mul(w).sum().getFloat();
                    }
                    if (!metrics.isEmpty()) {
                        updateMetrics(targets, prediction.toFloatArray(), start, end, cols);
                    }
                }
            }
        }
        // Keras adds the regularization penalties (fixed during an evaluation) to the reported loss.
        Map<String, Double> result = logs(lossSum / x.length + network.hostPenalty());
        resetMetrics();
        return result;
    }

    private Map<String, Double> logs(double meanLoss) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", meanLoss);
        for (Metric m : metrics) {
            List<String> keys = m.keys(network.outputDim());
            double[] values = m.results();
            for (int i = 0; i < keys.size(); i++) {
                logs.put(keys.get(i), i < values.length ? values[i] : Double.NaN);
            }
        }
        return logs;
    }

    private void resetMetrics() {
        for (Metric m : metrics) {
            m.reset();
        }
    }

    /**
     * Feeds rows [start, end) of the targets and their predictions to every metric. Without sample weights even
     * when fit has them: Keras 3 updates compile's {@code metrics} unweighted and only {@code weighted_metrics} with
     * sample_weight/class_weight (trainers/compile_utils.py, CompileMetrics.update_state).
     */
    private void updateMetrics(float[] targets, float[] predicted, int start, int end, int cols) {
        if (metrics.isEmpty()) {
            return;
        }
        float[] expected = Arrays.copyOfRange(targets, start * cols, end * cols);
        int predCols = network.outputDim();
        for (Metric m : metrics) {
            m.update(expected, cols, predicted, predCols, end - start, null);
        }
    }

    /** The rows of {@code y}, in {@code order} when given, as one row-major array. */
    private static float[] rows(float[][] y, long[] order) {
        int cols = y[0].length;
        float[] flat = new float[y.length * cols];
        for (int i = 0; i < y.length; i++) {
            int row = order == null ? i : (int) order[i];
            System.arraycopy(y[row], 0, flat, i * cols, cols);
        }
        return flat;
    }
}
