package io.github.kerasdjl;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Optimizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Keras' Sequential model on DJL's PyTorch engine: a stack of layers, compiled with an optimizer, a loss and
 * metrics, trained with {@code fit}, used with {@code predict} and {@code evaluate}.
 *
 * <p>Weights live in native memory owned by the model: {@link #close()} frees them (or let the model be
 * collected). Every array a training step creates is freed at the end of that step.
 */
public class Sequential implements AutoCloseable {

    private final String name;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private long seed;
    private Random shuffleRandom;
    private String deviceSpec;
    private Device device;
    private List<Device> devices = List.of();
    /** For data-parallel training: the weights of replicas 1..n-1, per replica in variables() order. */
    private final List<List<NDArray>> replicas = new ArrayList<>();
    /** Layer i's weights are variables() [weightOffsets[i], weightOffsets[i + 1]); set when built. */
    private int[] weightOffsets;
    private NDManager manager;
    private int inputDim;
    private boolean closed;

    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private volatile boolean stopTraining;
    private boolean fastPath = true;

    /** An empty model named {@code sequential}, seeded from {@link RandomSeed}. */
    public Sequential() {
        this("sequential");
    }

    /** An empty model with a name, seeded from {@link RandomSeed}. */
    public Sequential(String name) {
        this.name = name;
        seed(RandomSeed.next());
    }

    /** The model's name. */
    public String name() {
        return name;
    }

    // ------------------------------------------------------------------ configuration

    /**
     * Sets the seed of this model's random choices (initial weights, shuffling). Call before the model is built.
     */
    public Sequential seed(long value) {
        requireNotBuilt("seed");
        this.seed = value;
        this.shuffleRandom = new Random(RandomSeed.mix(value ^ 0x5EED5EED5EEDL));
        return this;
    }

    /** The seed of this model. */
    public long seed() {
        return seed;
    }

    /**
     * Runs the model on a device: {@code "cpu"}, {@code "gpu"}, {@code "gpu:1"} or {@code "auto"} (the engine's
     * default). A GPU that is not usable is an error. Call before the model is built.
     */
    public Sequential device(String spec) {
        requireNotBuilt("device");
        List<Device> list = Devices.parseList(spec);
        this.device = list.get(0);
        this.devices = list;
        this.deviceSpec = spec;
        return this;
    }

    /** The device the model runs on (the engine's default unless one was named); the first of a list. */
    public Device device() {
        return device != null ? device : Devices.defaultDevice();
    }

    /**
     * The devices of data-parallel training: one replica on each, each step's batch split over them and their
     * gradients summed on the first (Keras' MirroredStrategy). A single device unless a list was named, e.g.
     * {@code device("gpu:0,gpu:1")}.
     */
    public List<Device> devices() {
        return devices.size() > 1 ? devices : List.of(device());
    }

    /** Appends a layer; unnamed layers get Keras' names ({@code dense}, {@code dense_1}, ...). */
    public Sequential add(Layer layer) {
        requireOpen();
        if (layer == null) {
            throw new IllegalArgumentException("Invalid value for argument `layer`: null.");
        }
        if (layers.contains(layer)) {
            throw new IllegalArgumentException("Layer '" + layer.getName() + "' is already in this model.");
        }
        if (manager != null) {
            throw new IllegalStateException("Cannot add a layer to model '" + name + "' after it is built");
        }
        if (!layers.isEmpty() && layer.declaredInputDim() != 0) {
            int previous = layers.get(layers.size() - 1).outputDim(0);
            if (previous != layer.declaredInputDim()) {
                throw new IllegalArgumentException("Invalid value for argument `input_dim` of " + layer + ": "
                        + layer.declaredInputDim() + ", but the previous layer has " + previous + " outputs.");
            }
        }
        if (layer.getName() == null) {
            String base = layer.typeName().toLowerCase(Locale.ROOT);
            int n = nameCounts.merge(base, 1, Integer::sum);
            layer.setName(n == 1 ? base : base + "_" + (n - 1));
        }
        for (Layer l : layers) {
            if (l.getName().equals(layer.getName())) {
                throw new IllegalArgumentException("Invalid value for argument `name`: '" + layer.getName()
                        + "'. A layer of that name is already in model '" + name + "'.");
            }
        }
        layers.add(layer);
        return this;
    }

    /**
     * Whether {@code fit} may train a stack of Dense layers with the hand-written backward pass (the default)
     * instead of DJL's autograd. It makes about half the native calls per step, which is most of a small
     * network's step time; the tests check that both paths reach the same weights. Off, every step uses autograd.
     */
    public Sequential fastPath(boolean enabled) {
        this.fastPath = enabled;
        return this;
    }

    /**
     * Whether {@code fit} will use the hand-written backward pass: it is enabled, every layer is a Dense with
     * linear, relu, sigmoid, tanh or leaky_relu (softmax last, with categorical cross-entropy), and the loss is
     * mse, mae, binary cross-entropy on a sigmoid output or categorical cross-entropy on a softmax output (whose
     * targets' rows must also sum to 1). Needs a compiled model.
     */
    public boolean usesFastPath() {
        requireCompiled("usesFastPath");
        return handWrittenAllowed() && DenseBackprop.supports(layers, loss);
    }

    /** The hand-written pass is on and the model trains on one device (data-parallel steps use autograd). */
    private boolean handWrittenAllowed() {
        return fastPath && devices().size() == 1;
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Whether the weights exist. */
    public boolean isBuilt() {
        return manager != null;
    }

    /** The number of inputs the model takes: declared by the first layer, or learnt when built; 0 if unknown. */
    public int inputDim() {
        if (inputDim != 0) {
            return inputDim;
        }
        return layers.isEmpty() ? 0 : layers.get(0).declaredInputDim();
    }

    /** The number of outputs (the last layer's units). */
    public int outputDim() {
        requireLayers();
        int width = inputDim();
        for (Layer l : layers) {
            width = l.outputDim(width);
        }
        return width;
    }

    /** Creates the weights for {@code inputs} inputs (done by the first fit/predict when not called). */
    public void build(int inputs) {
        requireOpen();
        requireLayers();
        if (inputs < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `input_dim`: " + inputs + ". Expected an integer >= 1.");
        }
        if (isBuilt()) {
            if (inputs != inputDim) {
                throw new IllegalArgumentException("Model '" + name + "' is built for " + inputDim
                        + " inputs, not " + inputs);
            }
            return;
        }
        int declared = layers.get(0).declaredInputDim();
        if (declared != 0 && declared != inputs) {
            throw new IllegalArgumentException("Invalid input width " + inputs + ": the first layer '"
                    + layers.get(0).getName() + "' declares input_dim " + declared + ".");
        }
        Device d = device();
        NDManager m = NDManager.newBaseManager(d);
        try {
            Random init = new Random(seed);
            int width = inputs;
            for (Layer l : layers) {
                l.build(m, width, init);
                width = l.outputDim(width);
            }
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
        this.device = d;
        this.manager = m;
        this.inputDim = inputs;
        weightOffsets = new int[layers.size() + 1];
        for (int i = 0; i < layers.size(); i++) {
            weightOffsets[i + 1] = weightOffsets[i] + layers.get(i).weights().size();
        }
        for (int r = 1; r < devices.size(); r++) {
            NDManager replicaManager = m.newSubManager(devices.get(r));
            List<NDArray> copies = new ArrayList<>();
            for (NDArray v : variables()) {
                NDArray copy = copyTo(v, devices.get(r));
                copy.attach(replicaManager);
                copy.setRequiresGradient(true);
                copies.add(copy);
            }
            replicas.add(copies);
        }
    }

    // ------------------------------------------------------------------ compile

    /** Keras' compile with names: {@code compile(SGD(0.05), "mse", "accuracy")}. */
    public Sequential compile(Optimizer optimizer, String loss, String... metrics) {
        Loss l = Loss.get(loss);
        List<Metric> m = new ArrayList<>();
        for (String metric : metrics) {
            m.add(Metric.get(metric));
        }
        return compile(optimizer, l, m.toArray(new Metric[0]));
    }

    /** Keras' compile with an optimizer by name ({@code "sgd"}, {@code "adam"}, Keras' defaults). */
    public Sequential compile(String optimizer, String loss, String... metrics) {
        return compile(Optimizer.get(optimizer), loss, metrics);
    }

    /** Keras' compile with objects, e.g. a custom {@link Loss} or {@link Metric}. */
    public Sequential compile(Optimizer optimizer, Loss loss, Metric... metrics) {
        requireOpen();
        if (optimizer == null) {
            throw new IllegalArgumentException("Invalid value for argument `optimizer`: null. Expected an optimizer"
                    + " such as SGD(0.01) or one of " + Optimizer.names() + ".");
        }
        if (loss == null) {
            throw new IllegalArgumentException("Invalid value for argument `loss`: null. Expected a loss such as"
                    + " 'mse'.");
        }
        List<Metric> m = new ArrayList<>();
        for (Metric metric : metrics) {
            if (metric == null) {
                throw new IllegalArgumentException("Invalid value for argument `metrics`: null element.");
            }
            for (Metric other : m) {
                if (other.name().equals(metric.name())) {
                    throw new IllegalArgumentException("Invalid value for argument `metrics`: '" + metric.name()
                            + "' is given twice.");
                }
            }
            m.add(metric);
        }
        this.optimizer = optimizer;
        this.loss = loss;
        this.metrics = List.copyOf(m);
        return this;
    }

    /** The compiled optimizer, or null. */
    public Optimizer optimizer() {
        return optimizer;
    }

    /** The compiled loss, or null. */
    public Loss loss() {
        return loss;
    }

    /** The compiled metrics. */
    public List<Metric> metrics() {
        return metrics;
    }

    // ------------------------------------------------------------------ fit

    /** Keras' {@code fit(x, y, epochs=..., batch_size=...)} with Keras' other defaults (verbose 1, shuffle). */
    public History fit(float[][] x, float[][] y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** fit for a model with one output: y holds one value per row of x. */
    public History fit(float[][] x, float[] y, int epochs, int batchSize) {
        return fit(x, Tensors.column("y", y), epochs, batchSize);
    }

    /** fit for a model with one input and one output (the beans): one value of x and of y per sample. */
    public History fit(float[] x, float[] y, int epochs, int batchSize) {
        return fit(Tensors.column("x", x), Tensors.column("y", y), epochs, batchSize);
    }

    /** fit for a model with one input and one output, with options. */
    public History fit(float[] x, float[] y, FitOptions options) {
        return fit(Tensors.column("x", x), Tensors.column("y", y), options);
    }

    /** fit on engine arrays of shape (samples, inputs) and (samples, outputs); they are copied once. */
    public History fit(NDArray x, NDArray y, FitOptions options) {
        return fit(Tensors.toRows(x), Tensors.toRows(y), options);
    }

    /** Keras' fit with every option. All input is checked before any training. */
    public History fit(float[][] x, float[][] y, FitOptions options) {
        requireCompiled("fit");
        if (options == null) {
            throw new IllegalArgumentException("Invalid value for argument `options`: null.");
        }
        options.validate();
        checkData("x", x, "y", y);
        float[][] trainX = x;
        float[][] trainY = y;
        float[][] valX = null;
        float[][] valY = null;
        if (options.validationX() != null) {
            checkData("validation_data x", options.validationX(), "validation_data y", options.validationY());
            valX = options.validationX();
            valY = options.validationY();
        } else if (options.validationSplit() > 0) {
            int splitAt = (int) Math.floor(x.length * (1.0 - options.validationSplit()));
            if (splitAt == 0 || splitAt == x.length) {
                throw new IllegalArgumentException("Invalid value for argument `validation_split`: "
                        + options.validationSplit() + ". The training data has " + x.length
                        + " samples, too few to split into a training and a validation set.");
            }
            trainX = java.util.Arrays.copyOfRange(x, 0, splitAt);
            trainY = java.util.Arrays.copyOfRange(y, 0, splitAt);
            valX = java.util.Arrays.copyOfRange(x, splitAt, x.length);
            valY = java.util.Arrays.copyOfRange(y, splitAt, y.length);
        }
        build(x[0].length);
        configureMetrics();
        return train(trainX, trainY, valX, valY, options);
    }

    /** Asks a running {@code fit} to end after the current epoch (Keras' {@code model.stop_training = True}). */
    public void stopTraining() {
        stopTraining = true;
    }

    private History train(float[][] x, float[][] y, float[][] valX, float[][] valY, FitOptions options) {
        int n = x.length;
        int batchSize = options.batchSize();
        int steps = (n + batchSize - 1) / batchSize;
        List<Callback> callbacks = new ArrayList<>(options.callbacks());
        if (options.verbose() > 0) {
            callbacks.add(new ProgressLogger(options.verbose()));
        }
        boolean batchLogs = !options.callbacks().isEmpty();
        List<NDArray> variables = variables();
        if (!optimizer.isBuiltFor(variables)) {
            optimizer.build(variables, manager);
        }
        History history = new History();
        stopTraining = false;
        syncReplicas(variables); // setWeights may have changed the weights since the last fit
        for (Callback c : callbacks) {
            c.onTrainBegin(this, options.epochs(), steps);
        }
        Map<String, Double> logs = new LinkedHashMap<>();
        try (NDManager data = manager.newSubManager();
                DenseBackprop hand = !handWrittenAllowed() ? null : DenseBackprop.plan(layers, loss, optimizer,
                        Tensors.flatten(y), y[0].length, data, Math.min(batchSize, n),
                        n % batchSize == 0 ? batchSize : n % batchSize)) {
            NDArray xAll = Tensors.toArray(data, x);
            NDArray yAll = Tensors.toArray(data, y);
            for (int epoch = options.initialEpoch(); epoch < options.epochs() && !stopTraining; epoch++) {
                for (Callback c : callbacks) {
                    c.onEpochBegin(epoch);
                }
                resetMetrics();
                double lossSum = 0;
                long seen = 0;
                try (NDScope epochScope = new NDScope()) {
                    epochScope.suppressNotUsedWarning();
                    NDArray xs = xAll;
                    NDArray ys = yAll;
                    long[] order = null;
                    if (options.shuffle()) {
                        order = permutation(n, shuffleRandom);
                        NDArray index = data.create(order);
                        xs = xAll.get(index);
                        ys = yAll.get(index);
                    }
                    float[] targets = metrics.isEmpty() && hand == null && replicas.isEmpty() ? null
                            : flatten(y, order);
                    for (int step = 0; step < steps; step++) {
                        int start = step * batchSize;
                        int end = Math.min(n, start + batchSize);
                        lossSum += (hand != null ? handStep(hand, xs, ys, targets, start, end)
                                : !replicas.isEmpty() ? parallelStep(xs, ys, targets, start, end, variables)
                                : trainStep(xs, ys, targets, start, end, variables)) * (end - start);
                        seen += end - start;
                        if (batchLogs) {
                            Map<String, Double> running = epochLogs(lossSum / seen);
                            for (Callback c : callbacks) {
                                c.onBatchEnd(step, running);
                            }
                        }
                    }
                }
                logs = epochLogs(lossSum / seen);
                if (valX != null) {
                    Map<String, Double> val = evaluateChecked(valX, valY, batchSize);
                    for (Map.Entry<String, Double> e : val.entrySet()) {
                        logs.put("val_" + e.getKey(), e.getValue());
                    }
                }
                history.append(epoch, logs);
                for (Callback c : callbacks) {
                    c.onEpochEnd(epoch, logs);
                }
            }
        }
        for (Callback c : callbacks) {
            c.onTrainEnd(logs);
        }
        return history;
    }

    /** A step of the hand-written backward pass; loss and metrics from the same forward pass, on the host. */
    private double handStep(DenseBackprop hand, NDArray xs, NDArray ys, float[] targets, int start, int end) {
        try (NDScope stepScope = new NDScope()) {
            stepScope.suppressNotUsedWarning();
            float[] predicted = hand.step(xs, ys, start, end);
            float[] expected = updateMetrics(targets, predicted, start, end);
            return loss.hostSum(expected, predicted, end - start, predicted.length / (end - start)) / (end - start);
        }
    }

    /**
     * One SGD step on rows [start, end): forward, loss, backward, metrics from the same forward pass (as Keras
     * reports them), optimizer update, gradients zeroed. Returns the batch loss before the update.
     */
    private float trainStep(NDArray xs, NDArray ys, float[] targets, int start, int end, List<NDArray> variables) {
        try (NDScope stepScope = new NDScope()) {
            stepScope.suppressNotUsedWarning();
            NDIndex rows = new NDIndex().addSliceDim(start, end);
            NDArray xb = xs.get(rows);
            NDArray yb = ys.get(rows);
            Backward pass = backward(xb, yb);
            updateMetrics(targets, pass.prediction(), start, end);
            List<NDArray> gradients = new ArrayList<>(variables.size());
            for (NDArray v : variables) {
                gradients.add(v.getGradient());
            }
            optimizer.apply(variables, gradients);
            for (NDArray g : gradients) {
                g.subi(g); // PyTorch accumulates gradients and DJL's collector does not zero them.
            }
            return pass.loss().getFloat();
        }
    }

    /**
     * A data-parallel step: rows [start, end) split into one near-equal part per device, each replica's forward and
     * backward on its part with its loss weighted by its share of the rows, the gradients summed on the first
     * device, one optimizer update there, and the new weights copied to the replicas. The same step as on one
     * device, within float rounding.
     */
    private double parallelStep(NDArray xs, NDArray ys, float[] targets, int start, int end,
            List<NDArray> variables) {
        try (NDScope stepScope = new NDScope()) {
            stepScope.suppressNotUsedWarning();
            int rows = end - start;
            int n = devices.size();
            int cols = outputDim();
            float[] predicted = new float[rows * cols];
            double batchLoss = 0;
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                for (int r = 0; r < n; r++) {
                    int from = start + rows * r / n;
                    int to = start + rows * (r + 1) / n;
                    if (from == to) {
                        continue;
                    }
                    Device d = devices.get(r);
                    NDIndex part = new NDIndex().addSliceDim(from, to);
                    NDArray a = xs.get(part).toDevice(d, false);
                    List<NDArray> weights = r == 0 ? variables : replicas.get(r - 1);
                    for (int i = 0; i < layers.size(); i++) {
                        a = layers.get(i).forward(a, weights.subList(weightOffsets[i], weightOffsets[i + 1]), true);
                    }
                    NDArray value = loss.compute(ys.get(part).toDevice(d, false), a).muli((float) (to - from) / rows);
                    if (r == 0) {
                        value = withPenalties(value); // once per step, on the first device's weights
                    }
                    collector.backward(value);
                    batchLoss += value.getFloat();
                    System.arraycopy(a.toFloatArray(), 0, predicted, (from - start) * cols, (to - from) * cols);
                }
            }
            List<NDArray> gradients = new ArrayList<>(variables.size());
            List<NDArray> used = new ArrayList<>();
            for (int v = 0; v < variables.size(); v++) {
                NDArray g = variables.get(v).getGradient();
                used.add(g);
                for (List<NDArray> replica : replicas) {
                    NDArray rg = replica.get(v).getGradient();
                    used.add(rg);
                    g = g.add(rg.toDevice(device, false));
                }
                gradients.add(g);
            }
            optimizer.apply(variables, gradients);
            for (NDArray g : used) {
                g.subi(g);
            }
            syncReplicas(variables);
            updateMetrics(targets, predicted, start, end);
            return batchLoss;
        }
    }

    /** Copies the first device's weights to every replica. */
    private void syncReplicas(List<NDArray> variables) {
        NDIndex all = new NDIndex("...");
        for (int r = 0; r < replicas.size(); r++) {
            for (int v = 0; v < variables.size(); v++) {
                NDArray copy = copyTo(variables.get(v), devices.get(r + 1));
                replicas.get(r).get(v).set(all, copy);
                copy.close();
            }
        }
    }

    /**
     * A copy of {@code a} on {@code d}. Not {@code toDevice(d, true)} alone: for the array's own device libtorch's
     * {@code to} returns the same tensor, and a replica must not share its storage with the original.
     */
    private static NDArray copyTo(NDArray a, Device d) {
        return d.equals(a.getDevice()) ? a.duplicate() : a.toDevice(d, true);
    }

    /** The loss plus every layer's regularization penalty (Keras adds layer.losses to the loss it minimizes). */
    private NDArray withPenalties(NDArray value) {
        for (Layer l : layers) {
            NDArray penalty = l.penalty();
            if (penalty != null) {
                value = value.add(penalty);
            }
        }
        return value;
    }

    /** The prediction and batch loss of a forward pass whose gradients are now in the variables. */
    private record Backward(NDArray prediction, NDArray loss) {
    }

    /** Forward in training mode, loss, backward: the gradients land on the variables (zero them after use). */
    private Backward backward(NDArray x, NDArray y) {
        try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
            NDArray prediction = forward(x, true);
            NDArray value = withPenalties(loss.compute(y, prediction));
            collector.backward(value);
            return new Backward(prediction, value);
        }
    }

    /** Feeds rows [start, end) of the host-side targets and the device-side predictions to every metric. */
    private void updateMetrics(float[] targets, NDArray prediction, int start, int end) {
        if (!metrics.isEmpty()) {
            updateMetrics(targets, prediction.toFloatArray(), start, end);
        }
    }

    /** Feeds rows [start, end) of the targets and their predictions to every metric; returns those targets. */
    private float[] updateMetrics(float[] targets, float[] predicted, int start, int end) {
        int cols = predicted.length / (end - start);
        float[] expected = java.util.Arrays.copyOfRange(targets, start * cols, end * cols);
        for (Metric m : metrics) {
            m.update(expected, predicted, end - start, cols);
        }
        return expected;
    }

    /** The rows of {@code y}, in {@code order} when given, as one row-major array. */
    private static float[] flatten(float[][] y, long[] order) {
        int cols = y[0].length;
        float[] flat = new float[y.length * cols];
        for (int i = 0; i < y.length; i++) {
            int row = order == null ? i : (int) order[i];
            System.arraycopy(y[row], 0, flat, i * cols, cols);
        }
        return flat;
    }

    private Map<String, Double> epochLogs(double meanLoss) {
        Map<String, Double> logs = new LinkedHashMap<>();
        logs.put("loss", meanLoss);
        for (Metric m : metrics) {
            logs.put(m.name(), m.result());
        }
        return logs;
    }

    /** A seeded permutation of 0..n-1 (Fisher-Yates), not DJL's RandomSampler. */
    static long[] permutation(int n, Random random) {
        return RandomSeed.permutation(n, random);
    }

    /**
     * The gradient of the compiled loss on this batch (the batch mean, as a training step sees it) with respect to
     * every weight, from DJL's autograd, in {@link #getWeights()}'s order and layout. Nothing is updated.
     */
    public List<float[]> computeGradients(float[][] x, float[][] y) {
        requireCompiled("computeGradients");
        checkData("x", x, "y", y);
        build(x[0].length);
        List<NDArray> variables = variables();
        List<float[]> result = new ArrayList<>();
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            backward(Tensors.toArray(m, x), Tensors.toArray(m, y));
            for (NDArray v : variables) {
                NDArray g = v.getGradient();
                result.add(g.toFloatArray());
                g.subi(g);
            }
        }
        return result;
    }

    // ------------------------------------------------------------------ predict / evaluate

    /** The model's outputs for each row of x. */
    public float[][] predict(float[][] x) {
        requireOpen();
        requireLayers();
        int width = Tensors.checkMatrix("x", x);
        checkInputWidth(width);
        build(width);
        try (NDManager m = manager.newSubManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray out = forward(Tensors.toArray(m, x), false);
            return Tensors.toRows(out);
        }
    }

    /** predict for a model with one input and one output: one value in, one value out, per sample. */
    public float[] predict(float[] x) {
        if (outputDim() != 1) {
            throw new IllegalStateException("predict(float[]) needs a model with one output; this one has "
                    + outputDim() + ". Use predict(float[][]).");
        }
        float[][] out = predict(Tensors.column("x", x));
        float[] values = new float[out.length];
        for (int i = 0; i < out.length; i++) {
            values[i] = out[i][0];
        }
        return values;
    }

    /** The model's outputs for engine arrays; the result belongs to {@code x}'s manager. */
    public NDArray predict(NDArray x) {
        requireOpen();
        requireLayers();
        if (x.getShape().dimension() != 2) {
            throw new IllegalArgumentException("Invalid value for argument `x`: shape " + x.getShape()
                    + ". Expected (samples, inputs).");
        }
        int width = (int) x.getShape().get(1);
        checkInputWidth(width);
        build(width);
        NDArray out;
        try (NDScope scope = new NDScope()) {
            out = forward(x.toDevice(device, false), false).toDevice(x.getDevice(), false);
            NDScope.unregister(out);
        }
        out.attach(x.getManager());
        return out;
    }

    /** Keras' evaluate: {@code {"loss": .., "<metric>": ..}}, batch size 32. */
    public Map<String, Double> evaluate(float[][] x, float[][] y) {
        return evaluate(x, y, FitOptions.DEFAULT_BATCH_SIZE);
    }

    /** evaluate for a model with one output. */
    public Map<String, Double> evaluate(float[][] x, float[] y) {
        return evaluate(x, Tensors.column("y", y));
    }

    /** evaluate on engine arrays. */
    public Map<String, Double> evaluate(NDArray x, NDArray y) {
        return evaluate(Tensors.toRows(x), Tensors.toRows(y));
    }

    /** Keras' evaluate with a batch size: loss and metrics as sample-weighted means over the batches. */
    public Map<String, Double> evaluate(float[][] x, float[][] y, int batchSize) {
        requireCompiled("evaluate");
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `batch_size`: " + batchSize + ". Expected an integer >= 1.");
        }
        checkData("x", x, "y", y);
        build(x[0].length);
        configureMetrics();
        return evaluateChecked(x, y, batchSize);
    }

    private Map<String, Double> evaluateChecked(float[][] x, float[][] y, int batchSize) {
        resetMetrics();
        double lossSum = 0;
        float[] targets = flatten(y, null);
        try (NDManager m = manager.newSubManager()) {
            NDArray xa = Tensors.toArray(m, x);
            NDArray ya = Tensors.toArray(m, y);
            for (int start = 0; start < x.length; start += batchSize) {
                int end = Math.min(x.length, start + batchSize);
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDIndex rows = new NDIndex().addSliceDim(start, end);
                    NDArray yb = ya.get(rows);
                    NDArray prediction = forward(xa.get(rows), false);
                    lossSum += loss.compute(yb, prediction).getFloat() * (double) (end - start);
                    updateMetrics(targets, prediction, start, end);
                }
            }
        }
        // Keras adds the regularization penalties (fixed during an evaluation) to the reported loss.
        double penalty = 0;
        for (Layer l : layers) {
            penalty += l.hostPenalty();
        }
        Map<String, Double> result = epochLogs(lossSum / x.length + penalty);
        resetMetrics();
        return result;
    }

    private NDArray forward(NDArray x, boolean training) {
        NDArray a = x;
        for (Layer l : layers) {
            a = l.forward(a, training);
        }
        return a;
    }

    // ------------------------------------------------------------------ weights and summary

    /** The engine arrays of all trainable weights, in order. */
    List<NDArray> variables() {
        List<NDArray> v = new ArrayList<>();
        for (Layer l : layers) {
            for (Weight w : l.weights()) {
                v.add(w.array());
            }
        }
        return v;
    }

    /** Keras' get_weights: every weight's values (row-major, Keras layout), kernel then bias, layer by layer. */
    public List<float[]> getWeights() {
        requireBuilt("getWeights");
        List<float[]> values = new ArrayList<>();
        for (Layer l : layers) {
            for (Weight w : l.weights()) {
                values.add(w.values());
            }
        }
        return values;
    }

    /** Keras' set_weights: the values in {@link #getWeights()}'s order and sizes. */
    public void setWeights(List<float[]> values) {
        requireBuilt("setWeights");
        List<Weight> all = new ArrayList<>();
        for (Layer l : layers) {
            all.addAll(l.weights());
        }
        if (values == null || values.size() != all.size()) {
            throw new IllegalArgumentException("Invalid value for argument `weights`: "
                    + (values == null ? "null" : values.size() + " arrays") + ". Expected " + all.size()
                    + " (kernel and bias of each layer).");
        }
        for (int i = 0; i < all.size(); i++) {
            if (values.get(i) == null || values.get(i).length != all.get(i).size()) {
                throw new IllegalArgumentException("Invalid value for argument `weights`: array " + i + " has "
                        + (values.get(i) == null ? "null" : values.get(i).length + " values") + ". Expected "
                        + all.get(i).size() + " for shape " + all.get(i).shape() + ".");
            }
        }
        for (int i = 0; i < all.size(); i++) {
            all.get(i).setValues("weights", values.get(i));
        }
    }

    /** The number of trainable scalars (Keras' count_params). */
    public long countParams() {
        requireLayers();
        int width = inputDim();
        if (width == 0) {
            throw new IllegalStateException("Model '" + name + "' is not built: its input width is unknown until"
                    + " the first fit/predict (or give the first layer an input_dim)");
        }
        long total = 0;
        for (Layer l : layers) {
            total += l.countParams(width);
            width = l.outputDim(width);
        }
        return total;
    }

    /** Keras' model.summary(): layer (type), output shape, params, totals. */
    public String summary() {
        final int c1 = 29;
        final int c2 = 26;
        final int lineLength = 65;
        StringBuilder b = new StringBuilder();
        b.append("Model: \"").append(name).append("\"\n");
        b.append("_".repeat(lineLength)).append('\n');
        b.append(row(c1, c2, "Layer (type)", "Output Shape", "Param #")).append('\n');
        b.append("=".repeat(lineLength)).append('\n');
        int width = inputDim();
        long total = 0;
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            String params;
            if (width == 0) {
                params = "0 (unbuilt)";
            } else {
                long p = l.countParams(width);
                total += p;
                params = String.format(Locale.ROOT, "%,d", p);
            }
            int outputs = l.outputDim(width);
            width = width == 0 ? 0 : outputs;
            String shape = "(None, " + outputs + ")";
            b.append(row(c1, c2, l.getName() + " (" + l.typeName() + ")", shape, params)).append('\n');
            b.append(i == layers.size() - 1 ? "=".repeat(lineLength) : "").append('\n');
        }
        if (layers.isEmpty()) {
            b.append("=".repeat(lineLength)).append('\n');
        }
        String bytes = formatBytes(total * 4);
        b.append("Total params: ").append(String.format(Locale.ROOT, "%,d", total)).append(" (").append(bytes)
                .append(")\n");
        b.append("Trainable params: ").append(String.format(Locale.ROOT, "%,d", total)).append(" (").append(bytes)
                .append(")\n");
        b.append("Non-trainable params: 0 (0.00 B)\n");
        b.append("_".repeat(lineLength)).append('\n');
        return b.toString();
    }

    private static String row(int c1, int c2, String a, String b, String c) {
        return (pad(" " + a, c1) + pad(b, c2) + c).stripTrailing();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String formatBytes(long bytes) {
        if (bytes < 1024) {
            return String.format(Locale.ROOT, "%.2f B", (double) bytes);
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.2f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public String toString() {
        return "Sequential(" + name + ", " + layers + ")";
    }

    /**
     * How many engine arrays the model owns now: weights, optimizer state and, during {@code fit}, the data. It
     * stays constant from epoch to epoch; growth would be a native memory leak.
     */
    public int liveArrayCount() {
        return manager == null ? 0 : manager.getManagedArrays().size();
    }

    /** Frees the model's native memory; the model cannot be used afterwards. */
    @Override
    public void close() {
        if (manager != null) {
            manager.close();
        }
        closed = true;
    }

    // ------------------------------------------------------------------ checks

    /** Rows and widths of a data pair, checked before anything is built or trained. */
    private void checkData(String xName, float[][] x, String yName, float[][] y) {
        requireOpen();
        requireLayers();
        int xWidth = Tensors.checkMatrix(xName, x);
        int yWidth = Tensors.checkMatrix(yName, y);
        if (x.length != y.length) {
            throw new IllegalArgumentException("Invalid value for argument `" + yName + "`: " + y.length
                    + " rows, but `" + xName + "` has " + x.length + ". Expected one row of " + yName + " per row"
                    + " of " + xName + ".");
        }
        checkInputWidth(xWidth);
        int outputs = outputDim();
        if (yWidth != outputs) {
            Layer last = layers.get(layers.size() - 1);
            throw new IllegalArgumentException("Invalid value for argument `" + yName + "`: rows of " + yWidth
                    + " value(s), but the last layer '" + last.getName() + "' has " + outputs + " unit(s)."
                    + " Expected " + outputs + " value(s) per row.");
        }
    }

    private void checkInputWidth(int width) {
        int expected = inputDim();
        if (expected != 0 && width != expected) {
            throw new IllegalArgumentException("Invalid value for argument `x`: rows of " + width + " value(s), but"
                    + " the model takes " + expected + " input(s) (layer '" + layers.get(0).getName() + "'"
                    + (isBuilt() ? " is built for " : " declares input_dim ") + expected + ").");
        }
    }

    private void configureMetrics() {
        int outputs = outputDim();
        for (Metric m : metrics) {
            m.configure(outputs, loss);
        }
    }

    private void resetMetrics() {
        for (Metric m : metrics) {
            m.reset();
        }
    }

    private void requireCompiled(String what) {
        requireOpen();
        if (optimizer == null || loss == null) {
            throw new IllegalStateException("You must compile model '" + name + "' before calling " + what
                    + "(): model.compile(SGD(0.01), \"mse\", \"accuracy\")");
        }
    }

    private void requireLayers() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("Model '" + name + "' has no layers: add one with model.add(Dense(...))");
        }
    }

    private void requireBuilt(String what) {
        requireOpen();
        if (!isBuilt()) {
            throw new IllegalStateException("Model '" + name + "' is not built, so " + what + "() has nothing to"
                    + " return: call fit/predict or build(inputDim) first");
        }
    }

    private void requireNotBuilt(String what) {
        if (manager != null) {
            throw new IllegalStateException("Cannot set `" + what + "` of model '" + name + "' after it is built"
                    + (deviceSpec != null ? " (device " + deviceSpec + ")" : ""));
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("Model '" + name + "' is closed");
        }
    }
}
