package io.github.kerasdjl;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.github.kerasdjl.activations.Activation;
import io.github.kerasdjl.backend.Autograd;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.backend.EngineDefaults;
import io.github.kerasdjl.backend.Samples;
import io.github.kerasdjl.backend.Tensors;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.layers.InputLayer;
import io.github.kerasdjl.layers.Layer;
import io.github.kerasdjl.layers.Weight;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.saving.WeightsFile;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.training.Network;
import io.github.kerasdjl.training.Trainer;
import io.github.kerasdjl.training.TrainingSteps;
import io.github.kerasdjl.util.RandomSeed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Keras' Sequential model on DJL's PyTorch engine: a stack of layers that compiles to a DJL {@link SequentialBlock}
 * when built, trained with {@code fit}, used with {@code predict} and {@code evaluate}. The weights are that block's
 * parameters; {@link #block()} and {@link #toDjlModel()} hand the model to DJL, and {@link #of(SequentialBlock)}
 * makes a model of a block a DJL program already has.
 *
 * <p>This class holds the layer stack, building, compile, predict, the weights and the checks of the data; the
 * training loop is {@link Trainer}'s. Weights live in native memory owned by the model: {@link #close()} frees them.
 * Every array a training step creates is freed at the end of that step.
 *
 * <p>Threads: a model trains in one place at a time. While {@code fit} runs, a call from another thread that trains or
 * changes the model ({@code fit}, {@code evaluate}, {@code compile}, {@code setWeights}, {@code build},
 * {@code computeGradients}, {@code close}) fails at once with an {@link IllegalStateException} that names the training
 * thread; callbacks run on that thread and may change the model. {@code predict} and {@code getWeights} from another
 * thread during a fit read the weights as they are at that moment, possibly in the middle of an update (libtorch
 * updates them in place); they are exact between fits, and {@code predict} from several threads at once is safe.
 */
public class Sequential implements AutoCloseable, ModelView {

    static {
        EngineDefaults.apply(); // before DJL's engine loads: no usage tracking from a user's program
    }

    private final String name;
    private final List<Layer> layers = new ArrayList<>();
    private final Map<String, Integer> nameCounts = new HashMap<>();
    private long seed;
    private Random shuffleRandom;
    private String deviceSpec;
    private Device device;
    private List<Device> devices = List.of();
    /** A block given by a DJL program ({@link #of}); null when the model makes its own at build. */
    private SequentialBlock givenBlock;
    private Network network;
    private NDManager manager;
    /** The shape of one input sample once built (without the batch axis); null before. */
    private Shape inputShape;
    /** [layers] The model's InputLayer ({@code add(Input(8, 8, 1))}, or a first layer's input_shape); null if none. */
    private InputLayer input;
    private boolean closed;

    private Optimizer optimizer;
    private Loss loss;
    private List<Metric> metrics = List.of();
    private volatile Trainer running;
    /** The thread running {@code fit}, or null: a model trains in one place at a time. */
    private volatile Thread trainingThread;
    private boolean fastPath = true;
    private boolean hostStep = true;

    /** An empty model named {@code sequential}, seeded from {@link RandomSeed}. */
    public Sequential() {
        this("sequential");
    }

    /** An empty model with a name, seeded from {@link RandomSeed}. */
    public Sequential(String name) {
        this.name = name;
        seed(RandomSeed.next());
    }

    /**
     * A model of a DJL {@link SequentialBlock} made of {@link Linear} blocks, each optionally followed by one of DJL's
     * activation blocks ({@code Activation.reluBlock()}, {@code sigmoidBlock()}, {@code tanhBlock()},
     * {@code leakyReluBlock(0.2f)}, {@code eluBlock(1f)}, {@code softPlusBlock()}, {@code swishBlock(1f)},
     * {@code geluBlock()}) or a {@code LambdaBlock} named {@code softmax}: each Linear becomes a {@link Dense} with
     * that activation. The model uses the block itself: an initialized block keeps its weights and is trained in
     * place (its arrays stay owned by whoever made them), an uninitialized one gets Keras' initializers when the model
     * is built. Any other block is an error that names it.
     */
    public static Sequential of(SequentialBlock block) {
        if (block == null) {
            throw new IllegalArgumentException("Invalid value for argument `block`: null.");
        }
        List<Block> children = new ArrayList<>(block.getChildren().values());
        if (children.isEmpty()) {
            throw new IllegalArgumentException("Invalid value for argument `block`: it has no children.");
        }
        Sequential model = new Sequential();
        int inputs = 0;
        for (int i = 0; i < children.size(); i++) {
            Block child = children.get(i);
            if (!(child instanceof Linear linear)) {
                throw new IllegalArgumentException("Invalid value for argument `block`: child " + i + " ("
                        + describe(child) + ") is not a Linear block. Supported: Linear, each optionally followed"
                        + " by one activation block (" + Activation.names() + ").");
            }
            Block next = i + 1 < children.size() && !(children.get(i + 1) instanceof Linear) ? children.get(i + 1)
                    : null;
            Activation activation = next == null ? Activation.LINEAR : Activation.fromBlock(next);
            if (activation == null) {
                throw new IllegalArgumentException("Invalid value for argument `block`: child " + (i + 1) + " ("
                        + describe(next) + ") is not an activation this library knows. Supported: DJL's relu,"
                        + " sigmoid, tanh, leakyRelu(0.2), elu(1), softPlus, swish(1) and gelu blocks, and a"
                        + " LambdaBlock named softmax.");
            }
            if (next != null) {
                i++;
            }
            if (model.layers.isEmpty() && linear.getParameters().get("weight").isInitialized()) {
                inputs = (int) linear.getParameters().get("weight").getArray().getShape().get(1);
            }
            model.add(Dense.of(linear, activation, next));
        }
        model.givenBlock = block;
        if (inputs > 0) {
            model.build(inputs);
        }
        return model;
    }

    private static String describe(Block block) {
        return block instanceof ai.djl.nn.LambdaBlock lambda ? "LambdaBlock '" + lambda.getName() + "'"
                : block.getClass().getSimpleName();
    }

    /** The model's name. */
    @Override
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
     * default), or a list for data-parallel training ({@code "gpu:0,gpu:1"}). A GPU that is not usable is an
     * error. Call before the model is built.
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
        if (isBuilt()) {
            throw new IllegalStateException("Cannot add a layer to model '" + name + "' after it is built");
        }
        if (layer instanceof InputLayer in) {
            if (input != null) {
                throw new IllegalArgumentException("Sequential model '" + name + "' has already been configured to"
                        + " use input shape " + Layer.format(input.shape()) + ". You cannot add a different Input"
                        + " layer to it.");
            }
            if (!layers.isEmpty()) {
                throw new IllegalArgumentException("Invalid value for argument `layer`: " + in + " after "
                        + layers.size() + " layer(s). Expected an Input only as the first layer of model '" + name
                        + "'.");
            }
            input = in;
            return this;
        }
        if (layers.isEmpty() && input == null && layer.declaredInputShape() != null
                && layer.declaredInputDim() == 0) {
            input = new InputLayer(layer.declaredInputShape()); // Keras' legacy input_shape on a first layer
        }
        if (!layers.isEmpty() && layer.declaredInputDim() != 0) {
            int previous = layers.get(layers.size() - 1).outputDim(0);
            if (previous != layer.declaredInputDim()) {
                throw new IllegalArgumentException("Invalid value for argument `input_dim` of " + layer + ": "
                        + layer.declaredInputDim() + ", but the previous layer has " + previous + " outputs.");
            }
        }
        if (layer.getName() == null) {
            String base = layer.defaultName();
            int n = nameCounts.merge(base, 1, Integer::sum);
            layer.setName(n == 1 ? base : base + "_" + (n - 1));
        }
        for (Layer l : layers) {
            if (l.getName().equals(layer.getName())) {
                throw new IllegalArgumentException("Invalid value for argument `name`: '" + layer.getName()
                        + "'. A layer of that name is already in model '" + name + "'.");
            }
        }
        Shape known = inputShape();
        if (known != null) {
            // [layers] As Keras when the input shape is known: a layer that cannot take its input fails at add.
            layer.outputShape(layers.isEmpty() ? known : outputShape(known));
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
     * Whether {@code fit} will use the hand-written backward pass: it is enabled, the model trains on one device,
     * every layer is a Dense without a regularizer whose activation has a derivative from its output (linear, relu,
     * sigmoid, tanh, leaky_relu), and the loss has an output delta for the last activation (mse or mae after any of
     * those, binary cross-entropy after sigmoid, categorical cross-entropy after softmax). Needs a compiled model.
     * {@code fit} asks the same question ({@link TrainingSteps#choose}), so the answer is what it does.
     */
    public boolean usesFastPath() {
        requireCompiled("usesFastPath");
        return TrainingSteps.choose(layers, loss, devices().size(), fastPath) == TrainingSteps.Kind.HAND_WRITTEN;
    }

    /**
     * Whether {@code fit} may run the hand-written step on JVM arrays instead of the engine's when a step is tiny
     * (the default): a Dense stack that {@link #usesFastPath()}, on the CPU, plain SGD (no momentum, clipping or
     * weight decay), activations linear, relu, sigmoid, tanh or leaky_relu (softmax last), and at most 32,768
     * multiply-adds in a step's forward pass (batch rows times weights: the seeds' beans network per sample,
     * lesson 001's spiral network in batches of 10). There an engine call's fixed cost of microseconds is the whole
     * step; on the JVM such a step takes about as long as one engine call. The engine step's operations in float32
     * (the exponentials of sigmoid, tanh and softmax in double, rounded once), so that the two differ by rounding
     * only (tested). Off, every step is the
     * engine's. The weights stay the model's: they are written back before callbacks, validation and the end of
     * the fit.
     */
    public Sequential hostStep(boolean enabled) {
        this.hostStep = enabled;
        return this;
    }

    /**
     * Whether {@code fit} in batches of {@code batchSize} will train on JVM arrays ({@link #hostStep(boolean)}).
     * A fit on fewer rows than its batch size trains in one batch of those rows: ask with that number. Needs a
     * compiled model; false until it is built (the weights' sizes decide).
     */
    public boolean trainsOnHost(int batchSize) {
        requireCompiled("trainsOnHost");
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `batch_size`: " + batchSize + ". Expected an integer >= 1.");
        }
        return isBuilt() && trainer().trainsOnHost(batchSize);
    }

    /** The layers, in order. */
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    /** Whether the weights exist. */
    public boolean isBuilt() {
        return network != null;
    }

    /**
     * The number of inputs the model takes (the values of one sample: 64 for 8x8x1 images): declared by an Input or
     * the first layer, or learnt when built; 0 if unknown.
     */
    public int inputDim() {
        Shape shape = inputShape();
        return shape == null ? 0 : (int) shape.size();
    }

    /**
     * The shape of one input sample, without the batch axis ({@code (8, 8, 1)}): built for, declared by an
     * {@code Input}, or by the first layer ({@code input_dim}, {@code input_shape}); null if unknown.
     */
    public Shape inputShape() {
        if (inputShape != null) {
            return inputShape;
        }
        if (input != null) {
            return input.shape();
        }
        return layers.isEmpty() ? null : layers.get(0).declaredInputShape();
    }

    /** The shape of one output sample for an input sample shape; each layer checks what it takes. */
    public Shape outputShape(Shape sample) {
        requireLayers();
        Shape shape = sample;
        for (Layer l : layers) {
            shape = l.outputShape(shape);
        }
        return shape;
    }

    /** The number of outputs (the values of one output sample; the last layer's units for a Dense). */
    public int outputDim() {
        requireLayers();
        Shape in = inputShape();
        if (in != null) {
            return (int) outputShape(in).size();
        }
        Layer last = layers.get(layers.size() - 1);
        if (last instanceof Dense d) {
            return d.units();
        }
        throw new IllegalStateException("Model '" + name + "' is not built: its output shape is unknown until the"
                + " first fit/predict (or start the model with an Input)");
    }

    /**
     * Creates the weights for {@code inputs} inputs (done by the first fit/predict when not called): each layer
     * compiles to its DJL blocks, they form the model's {@link SequentialBlock}, and initializing that block draws
     * the initial weights, in order, from the model's seed.
     */
    public void build(int inputs) {
        requireOpen();
        requireLayers();
        if (inputs < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `input_dim`: " + inputs + ". Expected an integer >= 1.");
        }
        build(new Shape(inputs));
    }

    /**
     * Creates the weights for input samples of shape {@code sample} (without the batch axis, channels last:
     * {@code new Shape(8, 8, 1)}); see {@link #build(int)}.
     */
    public void build(Shape sample) {
        requireOpen();
        requireLayers();
        if (sample == null) {
            throw new IllegalArgumentException("Invalid value for argument `input_shape`: null.");
        }
        Layer.checkShape("input_shape", sample.getShape());
        if (isBuilt()) {
            if (!sample.equals(inputShape)) {
                throw new IllegalArgumentException("Model '" + name + "' is built for "
                        + (inputShape.dimension() == 1 && sample.dimension() == 1 ? inputShape.get(0)
                                + " inputs, not " + sample.get(0) : "inputs of shape " + Layer.format(inputShape)
                                + ", not " + Layer.format(sample)));
            }
            return;
        }
        int declared = layers.get(0).declaredInputDim();
        if (input == null && declared != 0 && sample.dimension() == 1 && declared != sample.get(0)) {
            throw new IllegalArgumentException("Invalid input width " + sample.get(0) + ": the first layer '"
                    + layers.get(0).getName() + "' declares input_dim " + declared + ".");
        }
        Shape expected = inputShape();
        if (expected != null && !expected.equals(sample)) {
            throw new IllegalArgumentException("Invalid value for argument `input_shape`: " + Layer.format(sample)
                    + ". Model '" + name + "' takes inputs of shape " + Layer.format(expected) + ".");
        }
        outputShape(sample); // every layer's check of its input, before anything is made
        Device d = device();
        NDManager m = NDManager.newBaseManager(d);
        SequentialBlock block = givenBlock != null ? givenBlock : new SequentialBlock();
        try {
            Random init = new Random(seed);
            Shape shape = sample;
            for (int i = 0; i < layers.size(); i++) {
                layers.get(i).modelSeed(RandomSeed.mix(seed ^ (0xD809L * (i + 1)))); // [layers] Dropout's masks
            }
            for (Layer l : layers) {
                List<Block> blocks = l.build(shape, init);
                if (givenBlock == null) {
                    block.addAll(blocks);
                }
                shape = l.outputShape(shape);
            }
            block.initialize(m, DataType.FLOAT32, new Shape(1).addAll(sample));
        } catch (RuntimeException e) {
            for (Layer l : layers) {
                l.discardBlocks();
            }
            m.close();
            throw e;
        }
        this.device = d;
        this.manager = m;
        this.inputShape = sample;
        this.network = new Network(layers, block, m, devices(), sample);
    }

    /**
     * The DJL block the model compiled to: a {@link SequentialBlock} of DJL's {@link Linear} for each Dense, each
     * followed by its activation's block (none for linear). Its parameters are the model's weights (DJL's layout:
     * a Linear's weight is (units, inputs)), so training the model trains the block and the reverse. Needs a built
     * model.
     */
    public SequentialBlock block() {
        requireBuilt("block");
        return (SequentialBlock) network.block();
    }

    /**
     * A DJL {@link Model} around {@link #block()}, on the model's device, for DJL's {@code Predictor},
     * {@code Translator} and serving APIs; {@code model.newPredictor(translator)} gives {@link #predict}'s numbers.
     * The DJL model shares the block and its parameters with this one (no copy): close the DJL model when done with
     * it, which frees only what it made itself (its manager, its predictors' arrays); the parameters stay owned by
     * this Sequential and are freed by its {@link #close()}, after which the DJL model cannot predict.
     */
    public Model toDjlModel() {
        requireBuilt("toDjlModel");
        Model model = Model.newInstance(name, device);
        model.setBlock(network.block());
        return model;
    }

    // ------------------------------------------------------------------ compile

    /** Keras' compile with names: {@code compile(SGD(0.05), "mse", "accuracy")}. */
    public Sequential compile(Optimizer optimizer, String loss, String... metrics) {
        if (metrics == null) {
            throw new IllegalArgumentException("Invalid value for argument `metrics`: null. Expected metric names or"
                    + " objects, or none.");
        }
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
        requireNotTraining("compile");
        if (metrics == null) {
            throw new IllegalArgumentException("Invalid value for argument `metrics`: null. Expected metric names or"
                    + " objects, or none.");
        }
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
        optimizer.bindTo(this, name);
        if (this.optimizer != null && this.optimizer != optimizer) {
            this.optimizer.unbind(this);
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

    /**
     * fit with one target value per row of x, with options: a model with one output, or integer class labels for
     * {@code sparse_categorical_crossentropy}.
     */
    public History fit(float[][] x, float[] y, FitOptions options) {
        return fit(x, Tensors.column("y", y), options);
    }

    /** fit for a model with one input and one output (the beans): one value of x and of y per sample. */
    public History fit(float[] x, float[] y, int epochs, int batchSize) {
        return fit(Tensors.column("x", x), Tensors.column("y", y), epochs, batchSize);
    }

    /** fit for a model with one input and one output, with options. */
    public History fit(float[] x, float[] y, FitOptions options) {
        return fit(Tensors.column("x", x), Tensors.column("y", y), options);
    }

    /**
     * fit on engine arrays, batch first: x of shape (samples, ...) (any rank the model takes: (samples, inputs),
     * (samples, height, width, channels), ...) and y of shape (samples, outputs); they are copied once.
     */
    public History fit(NDArray x, NDArray y, FitOptions options) {
        if (x == null) {
            throw new IllegalArgumentException("Invalid value for argument `x`: null. Expected an engine array of"
                    + " shape (samples, width).");
        }
        return fit(Samples.of("x", x), Tensors.toRows("y", y), options);
    }

    // [layers] fit, predict and evaluate on samples of rank 2 and 3 (images: (samples, height, width, channels)).

    /** fit on samples of rank 3, e.g. images {@code x[sample][row][column][channel]} (channels last, as Keras). */
    public History fit(float[][][][] x, float[][] y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** fit on samples of rank 3 with one target value per sample (one output, or a class index). */
    public History fit(float[][][][] x, float[] y, int epochs, int batchSize) {
        return fit(x, Tensors.column("y", y), epochs, batchSize);
    }

    /** fit on samples of rank 3 with options. */
    public History fit(float[][][][] x, float[][] y, FitOptions options) {
        return fit(Samples.of("x", x), y, options);
    }

    /** fit on samples of rank 3 with one target value per sample, with options. */
    public History fit(float[][][][] x, float[] y, FitOptions options) {
        return fit(Samples.of("x", x), Tensors.column("y", y), options);
    }

    /** fit on samples of rank 2, e.g. {@code x[sample][step][feature]}. */
    public History fit(float[][][] x, float[][] y, int epochs, int batchSize) {
        return fit(x, y, new FitOptions().epochs(epochs).batchSize(batchSize));
    }

    /** fit on samples of rank 2 with one target value per sample. */
    public History fit(float[][][] x, float[] y, int epochs, int batchSize) {
        return fit(x, Tensors.column("y", y), epochs, batchSize);
    }

    /** fit on samples of rank 2 with options. */
    public History fit(float[][][] x, float[][] y, FitOptions options) {
        return fit(Samples.of("x", x), y, options);
    }

    /** predict on samples of rank 3 (images): one row of outputs per sample. */
    public float[][] predict(float[][][][] x) {
        return predict(Samples.of("x", x), Integer.MAX_VALUE);
    }

    /** predict on samples of rank 2: one row of outputs per sample. */
    public float[][] predict(float[][][] x) {
        return predict(Samples.of("x", x), Integer.MAX_VALUE);
    }

    /** evaluate on samples of rank 3 (images). */
    public Map<String, Double> evaluate(float[][][][] x, float[][] y) {
        return evaluate(Samples.of("x", x), y, FitOptions.DEFAULT_BATCH_SIZE, null);
    }

    /** evaluate on samples of rank 3 with one target value per sample. */
    public Map<String, Double> evaluate(float[][][][] x, float[] y) {
        return evaluate(Samples.of("x", x), Tensors.column("y", y), FitOptions.DEFAULT_BATCH_SIZE, null);
    }

    /** evaluate on samples of rank 3 with a batch size. */
    public Map<String, Double> evaluate(float[][][][] x, float[][] y, int batchSize) {
        return evaluate(Samples.of("x", x), y, batchSize, null);
    }

    /** evaluate on samples of rank 2. */
    public Map<String, Double> evaluate(float[][][] x, float[][] y) {
        return evaluate(Samples.of("x", x), y, FitOptions.DEFAULT_BATCH_SIZE, null);
    }

    /**
     * Keras' fit with every option. All input is checked before anything is built or trained; the loop itself is
     * {@link Trainer#fit}'s.
     */
    public History fit(float[][] x, float[][] y, FitOptions options) {
        if (x == null || x.length == 0) {
            Tensors.checkMatrix("x", x); // the existing messages for a null or empty x
        }
        return fit(Samples.of("x", x), y, options);
    }

    /** fit on samples of any rank held as flat rows (the training loop's form). */
    private History fit(Samples samples, float[][] y, FitOptions options) {
        requireCompiled("fit");
        if (options == null) {
            throw new IllegalArgumentException("Invalid value for argument `options`: null.");
        }
        options.validate();
        checkData("x", samples, "y", y);
        float[][] x = samples.rows();
        // Keras splits (x, y, sample_weight) first and gives class_weight to the training part only: the held-out
        // rows keep their sample weights, never class weights.
        float[] weights = sampleWeights(x, y, options.sampleWeight(), options.classWeight());
        Trainer.Split data;
        if (options.validationX() != null) {
            checkData("validation_data x", options.validationShape() == null
                    ? Samples.of("validation_data x", options.validationX())
                    : new Samples(options.validationX(), options.validationShape()), "validation_data y",
                    options.validationY());
            data = new Trainer.Split(x, y, weights, options.validationX(), options.validationY(), null);
        } else {
            data = Trainer.split(x, y, options.classWeight() == null ? weights : null, options.validationSplit());
            if (options.classWeight() != null) {
                data = new Trainer.Split(data.x(), data.y(), sampleWeights(data.x(), data.y(), null,
                        options.classWeight()), data.valX(), data.valY(), null);
            }
        }
        java.util.Set<String> logKeys = Trainer.epochLogKeys(metrics, data.valX() != null, outputDim());
        Map<String, Boolean> directions = new java.util.HashMap<>();
        for (Metric m : metrics) {
            if (m.maximize() != null) {
                for (String key : m.keys(outputDim())) {
                    directions.put(key, m.maximize());
                }
            }
        }
        for (io.github.kerasdjl.callbacks.Callback c : options.callbacks()) {
            c.checkLogKeys(logKeys, directions);
        }
        if (devices().size() > 1) {
            // [layers] Replicas copy the trainable weights only: a layer with other state would read it across devices.
            for (Layer l : layers) {
                if (!l.isTrainable() || l instanceof io.github.kerasdjl.layers.BatchNormalization
                        || l instanceof io.github.kerasdjl.layers.Normalization) {
                    throw new IllegalArgumentException("Layer '" + l.getName() + "' (" + l.typeName() + (l
                            .isTrainable() ? "" : ", frozen") + ") cannot train on several devices yet (" + devices()
                            + "): its non-trainable weights are not replicated. Expected one device for this model.");
                }
            }
        }
        synchronized (this) {
            requireNotTraining("fit");
            build(samples.shape());
            trainingThread = Thread.currentThread();
        }
        Autograd.stopRecordingOnThisThread();
        Trainer trainer = trainer();
        running = trainer;
        try {
            return trainer.fit(data, options, () -> shuffleRandom, this);
        } finally {
            running = null;
            trainingThread = null;
        }
    }

    /**
     * The state of the generator that shuffles each epoch, serialized, for {@code BackupAndRestore}: a resumed fit
     * shuffles its next epochs as the interrupted one would have.
     */
    @Override
    public byte[] shuffleState() {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(shuffleRandom);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void restoreShuffleState(byte[] state) {
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(state))) {
            this.shuffleRandom = (Random) in.readObject();
        } catch (java.io.IOException | ClassNotFoundException | ClassCastException e) {
            throw new IllegalArgumentException("Invalid value for argument `state`: not a saved shuffle state ("
                    + e.getMessage() + ").", e);
        }
    }

    /**
     * Puts the weights and the optimizer's state of a {@code .keras} file into this built, compiled model, after
     * checking that the file holds this architecture (for {@code BackupAndRestore}).
     */
    @Override
    public void restore(java.nio.file.Path file) {
        requireBuilt("restore");
        ModelFiles.restore(this, file);
    }

    @Override
    public double learningRate() {
        requireCompiled("learningRate");
        return optimizer.learningRate();
    }

    @Override
    public long iterations() {
        return optimizer == null ? 0 : optimizer.iterations();
    }

    @Override
    public void setLearningRate(double value) {
        requireCompiled("setLearningRate");
        optimizer.setLearningRate(value);
    }

    /** Asks a running {@code fit} to end after the current epoch (Keras' {@code model.stop_training = True}). */
    @Override
    public void stopTraining() {
        Trainer trainer = running;
        if (trainer != null) {
            trainer.stop();
        }
    }

    private Trainer trainer() {
        return new Trainer(network, optimizer, loss, metrics, fastPath, hostStep);
    }

    /**
     * The sample weights of a fit or a batch: {@code sampleWeight} checked against the rows, or, from
     * {@code classWeight}, each row's class's weight by Keras' rule (the argmax of a one-hot row, the rounded value
     * of a one-column target), 1 for classes not named; null when neither is given.
     */
    private float[] sampleWeights(float[][] x, float[][] y, float[] sampleWeight,
            Map<Integer, Double> classWeight) {
        if (sampleWeight != null && classWeight != null) {
            throw new IllegalArgumentException("Invalid value for argument `class_weight`: " + classWeight
                    + ". You cannot give `class_weight` and `sample_weight` at the same time (Keras neither).");
        }
        if (sampleWeight != null) {
            if (sampleWeight.length != x.length) {
                throw new IllegalArgumentException("Invalid value for argument `sample_weight`: " + sampleWeight.length
                        + " weights, but `x` has " + x.length + " rows. Expected one weight per row.");
            }
            FitOptions.checkWeights("sample_weight", sampleWeight);
            return sampleWeight.clone();
        }
        if (classWeight == null) {
            return null;
        }
        int units = outputDim();
        int classes = Math.max(2, units);
        for (Map.Entry<Integer, Double> e : classWeight.entrySet()) {
            int c = e.getKey();
            if (c < 0 || c >= classes) {
                throw new IllegalArgumentException("Invalid value for argument `class_weight`: class " + c + " -> "
                        + e.getValue() + ". The last layer '" + layers.get(layers.size() - 1).getName() + "' has "
                        + units + " unit(s), so the classes are 0 to " + (classes - 1) + ".");
            }
            if (e.getValue() == null || !(e.getValue() >= 0) || Double.isInfinite(e.getValue())) {
                throw new IllegalArgumentException("Invalid value for argument `class_weight`: class " + c + " -> "
                        + e.getValue() + ". Expected a finite weight >= 0.");
            }
        }
        int[] argmax = y[0].length > 1 ? io.github.kerasdjl.util.Labels.argmax(y) : null;
        float[] w = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            int c = argmax != null ? argmax[i] : (int) Math.rint(y[i][0]); // numpy's round: half to even
            w[i] = classWeight.getOrDefault(c, 1.0).floatValue();
        }
        return w;
    }

    // ------------------------------------------------------------------ one batch at a time

    /**
     * Keras' {@code train_on_batch(x, y)}: one training step on exactly these rows (no shuffling, the metrics
     * reset first); the loss of the batch before the update and its metrics, as Keras' {@code return_dict=True}.
     */
    public Map<String, Double> trainOnBatch(float[][] x, float[][] y) {
        return trainOnBatch(x, y, null, null);
    }

    /** Keras' {@code train_on_batch(x, y, sample_weight, class_weight)}; either weight may be null. */
    public Map<String, Double> trainOnBatch(float[][] x, float[][] y, float[] sampleWeight,
            Map<Integer, Double> classWeight) {
        if (x == null || x.length == 0) {
            Tensors.checkMatrix("x", x); // the messages for a null or empty x
        }
        return trainOnBatch(Samples.of("x", x), y, sampleWeight, classWeight);
    }

    /** Keras' {@code train_on_batch} on images (samples, height, width, channels); either weight may be null. */
    public Map<String, Double> trainOnBatch(float[][][][] x, float[][] y, float[] sampleWeight,
            Map<Integer, Double> classWeight) {
        return trainOnBatch(Samples.of("x", x), y, sampleWeight, classWeight);
    }

    private Map<String, Double> trainOnBatch(Samples samples, float[][] y, float[] sampleWeight,
            Map<Integer, Double> classWeight) {
        requireCompiled("trainOnBatch");
        checkData("x", samples, "y", y);
        float[][] x = samples.rows();
        float[] weights = sampleWeights(x, y, sampleWeight, classWeight);
        Thread outer;
        synchronized (this) {
            requireNotTraining("trainOnBatch");
            build(samples.shape());
            // From a callback of a fit on this thread: the fit is still running when this returns.
            outer = trainingThread;
            trainingThread = Thread.currentThread();
        }
        Autograd.stopRecordingOnThisThread();
        try {
            return trainer().trainOnBatch(x, y, weights);
        } finally {
            trainingThread = outer;
        }
    }

    /** Keras' {@code test_on_batch(x, y)}: the loss and metrics of these rows, nothing trained. */
    public Map<String, Double> testOnBatch(float[][] x, float[][] y) {
        return testOnBatch(x, y, null);
    }

    /** Keras' {@code test_on_batch(x, y, sample_weight)}: the loss weighted by {@code sampleWeight} (or null). */
    public Map<String, Double> testOnBatch(float[][] x, float[][] y, float[] sampleWeight) {
        return evaluate(x, y, Math.max(1, x == null ? 1 : x.length), sampleWeight);
    }

    /** Keras' {@code predict_on_batch(x)}: the outputs for these rows in one forward pass. */
    public float[][] predictOnBatch(float[][] x) {
        return predict(x);
    }

    /** Keras' {@code test_on_batch(x, y, sample_weight)} on images (samples, height, width, channels). */
    public Map<String, Double> testOnBatch(float[][][][] x, float[][] y, float[] sampleWeight) {
        return evaluate(Samples.of("x", x), y, Math.max(1, x == null ? 1 : x.length), sampleWeight);
    }

    /** Keras' {@code predict_on_batch(x)} on images (samples, height, width, channels). */
    public float[][] predictOnBatch(float[][][][] x) {
        return predict(x);
    }

    /**
     * The gradient of the compiled loss on this batch (the batch mean, as a training step sees it) with respect to
     * every weight, from DJL's autograd, in {@link #getWeights()}'s order and layout. Nothing is updated.
     */
    public List<float[]> computeGradients(float[][] x, float[][] y) {
        return computeGradients(x, y, TrainingSteps.Kind.AUTOGRAD);
    }

    /**
     * The same gradients from the step of the given kind: {@code AUTOGRAD}, or {@code HAND_WRITTEN} for the
     * hand-written backward pass (an error when the model has none, see {@link #usesFastPath()}).
     */
    public List<float[]> computeGradients(float[][] x, float[][] y, TrainingSteps.Kind kind) {
        requireCompiled("computeGradients");
        requireNotTraining("computeGradients");
        checkData("x", x, "y", y);
        boolean handWritten = kind == TrainingSteps.Kind.HAND_WRITTEN;
        if (handWritten && TrainingSteps.choose(layers, loss, devices().size(), true) != kind) {
            throw new IllegalArgumentException("Invalid value for argument `kind`: HAND_WRITTEN. Model '" + name
                    + "' has no hand-written backward pass (" + layers + ", loss " + loss.name() + ", "
                    + devices().size() + " device(s)).");
        }
        build(new Shape(x[0].length));
        Autograd.stopRecordingOnThisThread();
        List<float[]> engine = new Trainer(network, optimizer, loss, metrics, handWritten).gradients(x, y,
                handWritten);
        List<Weight> weights = network.weights();
        List<float[]> result = new ArrayList<>();
        for (int i = 0; i < weights.size(); i++) {
            result.add(weights.get(i).toKeras(engine.get(i)));
        }
        return result;
    }

    // ------------------------------------------------------------------ predict / evaluate

    /** The model's outputs for each row of x. */
    public float[][] predict(float[][] x) {
        return predictInBatches(x, Integer.MAX_VALUE);
    }

    /**
     * Keras' {@code predict(x, batch_size)}: the outputs computed {@code batchSize} rows at a time (Keras' default
     * is 32), so that a large input needs only a batch's worth of engine memory; the numbers of
     * {@link #predict(float[][])} up to float32 rounding (the engine's matrix product may round the last bit
     * differently for another row count).
     */
    public float[][] predict(float[][] x, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `batch_size`: " + batchSize + ". Expected an integer >= 1.");
        }
        return predictInBatches(x, batchSize);
    }

    private float[][] predictInBatches(float[][] rows, int batchSize) {
        requireOpen();
        requireLayers();
        return predict(Samples.of("x", rows), batchSize);
    }

    private float[][] predict(Samples samples, int batchSize) {
        requireOpen();
        requireLayers();
        checkInput("x", samples);
        requireFlatOutput("predict", samples.shape(), "; predict(NDArray) gives outputs of any shape");
        build(samples.shape());
        Autograd.stopRecordingOnThisThread();
        float[][] x = samples.rows(); // [layers] N-D samples as flat rows; the network reshapes each batch
        float[][] out = new float[x.length][];
        for (int start = 0; start < x.length; start += batchSize) {
            int end = (int) Math.min(x.length, (long) start + batchSize);
            try (NDManager m = manager.newSubManager(); NDScope scope = Autograd.scope()) {
                float[][] part = Tensors.toRows(network.forward(Tensors.toArray(m, start == 0 && end == x.length ? x
                        : java.util.Arrays.copyOfRange(x, start, end)), false));
                System.arraycopy(part, 0, out, start, part.length);
            }
        }
        return out;
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

    /**
     * The model's outputs for engine arrays, batch first, of any rank the model takes ((samples, inputs), (samples,
     * height, width, channels), ...); the outputs have the shape {@code (samples, output shape...)}. The result
     * belongs to {@code x}'s manager.
     */
    public NDArray predict(NDArray x) {
        requireOpen();
        requireLayers();
        if (x == null || x.getShape().dimension() < 2) {
            throw new IllegalArgumentException("Invalid value for argument `x`: " + (x == null ? "null"
                    : "shape " + x.getShape()) + ". Expected (samples, inputs).");
        }
        Shape sample = x.getShape().slice(1);
        checkInput("x", sample, x.getShape());
        build(sample);
        Autograd.stopRecordingOnThisThread();
        NDArray out;
        try (NDScope scope = Autograd.scope()) {
            out = Autograd.keep(network.forward(x.toDevice(device, false), false).toDevice(x.getDevice(), false));
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

    /** evaluate on engine arrays, batch first (x of any rank the model takes). */
    public Map<String, Double> evaluate(NDArray x, NDArray y) {
        if (x == null) {
            throw new IllegalArgumentException("Invalid value for argument `x`: null. Expected an engine array of"
                    + " shape (samples, width).");
        }
        return evaluate(Samples.of("x", x), Tensors.toRows("y", y), FitOptions.DEFAULT_BATCH_SIZE, null);
    }

    /** Keras' evaluate with a batch size: loss and metrics as sample-weighted means over the batches. */
    public Map<String, Double> evaluate(float[][] x, float[][] y, int batchSize) {
        return evaluate(x, y, batchSize, null);
    }

    /**
     * Keras' {@code evaluate(x, y, batch_size, sample_weight)}: the loss is {@code sum(w * loss) / samples} (plus
     * the penalties); the metrics are not weighted, as Keras' compile metrics are not.
     */
    public Map<String, Double> evaluate(float[][] x, float[][] y, int batchSize, float[] sampleWeight) {
        if (x == null || x.length == 0) {
            Tensors.checkMatrix("x", x);
        }
        requireCompiled("evaluate");
        return evaluate(Samples.of("x", x), y, batchSize, sampleWeight);
    }

    private Map<String, Double> evaluate(Samples samples, float[][] y, int batchSize, float[] sampleWeight) {
        requireCompiled("evaluate");
        requireNotTraining("evaluate");
        if (batchSize < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `batch_size`: " + batchSize + ". Expected an integer >= 1.");
        }
        checkData("x", samples, "y", y);
        float[][] x = samples.rows();
        float[] weights = sampleWeights(x, y, sampleWeight, null);
        build(samples.shape());
        Autograd.stopRecordingOnThisThread();
        return trainer().evaluate(x, y, batchSize, weights);
    }

    // ------------------------------------------------------------------ weights and summary

    /** Keras' get_weights: every weight's values (row-major, Keras layout), kernel then bias, layer by layer. */
    @Override
    public List<float[]> getWeights() {
        requireBuilt("getWeights");
        List<float[]> values = new ArrayList<>();
        for (Weight w : network.allWeights()) {
            values.add(w.values());
        }
        return values;
    }

    /** Keras' {@code weight.path} of each weight, in {@link #getWeights()}'s order: {@code sequential/dense/kernel}. */
    @Override
    public List<String> weightPaths() { // TensorBoard's histogram tags
        requireBuilt("weightPaths");
        List<String> paths = new ArrayList<>();
        for (Layer l : layers) {
            for (Weight w : l.weights()) {
                paths.add(name + "/" + l.getName() + "/" + w.name());
            }
        }
        return paths;
    }

    /**
     * Keras' set_weights: the values in {@link #getWeights()}'s order and sizes. Every array is checked (count, size,
     * finite values) before any is written.
     */
    @Override
    public void setWeights(List<float[]> values) {
        requireBuilt("setWeights");
        requireNotTraining("setWeights");
        List<Weight> all = network.allWeights();
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
            all.get(i).check("weights", values.get(i));
        }
        Autograd.stopRecordingOnThisThread();
        for (int i = 0; i < all.size(); i++) {
            all.get(i).setValues("weights", values.get(i));
        }
    }

    /**
     * Keras' {@code save_weights}: every layer's weights to a Keras 3 weights file, {@code <name>.weights.h5}
     * ({@code layers/<layer name>/vars/<i>}, Keras' layout), which real Keras loads with {@code load_weights}. The
     * file is written to a temporary name and moved into place, so a failure leaves the previous file intact. The
     * optimizer's state is not written yet.
     */
    @Override
    public void saveWeights(java.nio.file.Path file) {
        requireBuilt("saveWeights");
        requireNotTraining("saveWeights");
        WeightsFile.write(file, layers);
    }

    /**
     * Keras' {@code load_weights} from a Keras 3 weights file (written by {@link #saveWeights} or by real Keras for
     * the same architecture and layer names). Every layer, count and shape is checked before any weight is written:
     * a file of another model leaves this one unchanged. The optimizer's state in a Keras file is not read yet.
     */
    public void loadWeights(java.nio.file.Path file) {
        requireBuilt("loadWeights");
        requireNotTraining("loadWeights");
        setWeights(WeightsFile.read(file, layers));
    }

    /**
     * Keras' {@code model.save("name.keras")}: the Keras 3 file (a zip of {@code metadata.json}, {@code config.json}
     * with the compile config, and {@code model.weights.h5} with the optimizer's state), which real Keras 3 loads
     * with {@code keras.saving.load_model}, and {@link Keras#loadModel} too. Written whole or not at all. Models of
     * Dense layers compiled with SGD or Adam and losses and metrics given by name.
     */
    @Override
    public void save(java.nio.file.Path file) {
        requireBuilt("save");
        requireNotTraining("save");
        ModelFiles.save(this, file);
    }

    /**
     * The model in DJL's own format: a folder with DJL's parameters file ({@code <name>-0000.params}, as DJL's
     * {@code Model.save} writes it) and {@code keras-config.json}, the config that rebuilds the block. A plain DJL
     * program loads it with {@code Model.load(dir, name)} into a {@code SequentialBlock} of the same {@code Linear}
     * and activation blocks; {@link Keras#loadModel} reads the folder too (weights and compile config; DJL's format
     * holds no optimizer state).
     */
    public void saveDjl(java.nio.file.Path dir) {
        requireBuilt("saveDjl");
        requireNotTraining("saveDjl");
        ModelFiles.saveDjl(this, dir);
    }

    /** The built model as training and the model files see it (null before build). */
    Network network() {
        return network;
    }

    /** The manager that owns the weights and the optimizer's state (null before build). */
    NDManager manager() {
        return manager;
    }

    /** The number of trainable scalars (Keras' count_params). */
    public long countParams() {
        requireLayers();
        Shape shape = inputShape();
        if (shape == null) {
            throw new IllegalStateException("Model '" + name + "' is not built: its input width is unknown until"
                    + " the first fit/predict (or give the first layer an input_dim)");
        }
        long total = 0;
        for (Layer l : layers) {
            total += l.countParams(shape);
            shape = l.outputShape(shape);
        }
        return total;
    }

    /** Keras' model.summary(): layer (type), output shape, params, totals (see {@link Summary}). */
    public String summary() {
        return Summary.of(name, layers, inputShape());
    }

    @Override
    public String toString() {
        return "Sequential(" + name + ", " + layers + ")";
    }

    /**
     * How many engine arrays the model owns now: weights, optimizer state and, during {@code fit}, the data. It
     * stays constant from epoch to epoch; growth would be a native memory leak. A model made of a DJL block that
     * was initialized elsewhere does not count that block's weights.
     */
    public int liveArrayCount() {
        return manager == null ? 0 : manager.getManagedArrays().size();
    }

    /** Frees the model's native memory; the model cannot be used afterwards. */
    @Override
    public void close() {
        requireNotTraining("close");
        if (optimizer != null) {
            optimizer.unbind(this);
        }
        if (network != null) {
            network.releaseStaging(); // the native buffers of the last fit's data
        }
        if (manager != null) {
            manager.close();
        }
        closed = true;
    }

    // ------------------------------------------------------------------ checks

    /** Fails when a fit runs on another thread (or, for {@code fit}, on any thread: fits do not nest). */
    private void requireNotTraining(String what) {
        Thread t = trainingThread;
        if (t != null && (t != Thread.currentThread() || what.equals("fit"))) {
            throw new IllegalStateException("Cannot call " + what + "() on model '" + name + "': the model is being"
                    + " trained by thread '" + t.getName() + "'" + (t == Thread.currentThread()
                            ? " (fit was called from inside fit)." : ". A model trains in one place at a time: call it"
                            + " from a callback of that fit, or after the fit returns."));
        }
    }

    /** Rows and widths of a data pair, checked before anything is built or trained. */
    private void checkData(String xName, float[][] x, String yName, float[][] y) {
        requireOpen();
        requireLayers();
        Tensors.checkMatrix(xName, x);
        checkData(xName, Samples.of(xName, x), yName, y);
    }

    private void checkData(String xName, Samples x, String yName, float[][] y) {
        requireOpen();
        requireLayers();
        int yWidth = Tensors.checkMatrix(yName, y);
        if (x.count() != y.length) {
            throw new IllegalArgumentException("Invalid value for argument `" + yName + "`: " + y.length
                    + " rows, but `" + xName + "` has " + x.count() + ". Expected one row of " + yName + " per row"
                    + " of " + xName + ".");
        }
        checkInput(xName, x);
        requireFlatOutput("fit and evaluate", x.shape(), "");
        int outputs = (int) outputShape(x.shape()).size();
        // The loss says how wide a target is: as wide as the output, or one class index (the sparse loss).
        int expected = loss == null ? outputs : loss.targetWidth(outputs);
        if (yWidth != expected) {
            Layer last = layers.get(layers.size() - 1);
            String hint = "";
            if (expected != outputs) {
                hint = " The loss '" + loss.name() + "' takes " + expected + " value(s) per row (a class index),"
                        + (yWidth == outputs ? " not one-hot rows: for one-hot rows use categorical_crossentropy."
                                : " whatever the width of the output.");
            } else if (yWidth == 1 && outputs > 1 && loss != null && loss.name().equals("categorical_crossentropy")) {
                hint = " For integer class labels use sparse_categorical_crossentropy, or one-hot rows from"
                        + " Keras.toCategorical(labels, " + outputs + ").";
            }
            throw new IllegalArgumentException("Invalid value for argument `" + yName + "`: rows of " + yWidth
                    + " value(s), but the last layer '" + last.getName() + "' has " + outputs + " unit(s)."
                    + " Expected " + expected + " value(s) per row." + hint);
        }
        if (loss != null) {
            loss.checkTargets(yName, y, outputs);
        }
    }

    /** [layers] Checks samples against the model's input shape (rank and axes) and every layer's. */
    private void checkInput(String argument, Samples x) {
        checkInput(argument, x.shape(), x.dataShape());
    }

    private void checkInput(String argument, Shape sample, Shape data) {
        Shape expected = inputShape();
        if (expected != null && expected.dimension() == 1 && sample.dimension() == 1) {
            checkInputWidth(argument, (int) sample.get(0));
        } else if (expected != null && !expected.equals(sample)) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: data of shape "
                    + Samples.format(data) + " (samples of rank " + sample.dimension() + ", shape "
                    + Layer.format(sample) + "), but model '" + name + "' expects inputs of shape "
                    + Layer.format(expected) + " (rank " + expected.dimension() + " per sample"
                    + (isBuilt() ? ", as built" : "") + "). Expected data of shape "
                    + Samples.format(new Shape(data.get(0)).addAll(expected)) + ".");
        }
        outputShape(sample); // a shape a layer cannot take (a kernel larger than the image) fails here, named
    }

    /** Fit, evaluate and the float[][] predict need one output row per sample. */
    private void requireFlatOutput(String what, Shape sample, String hint) {
        Shape out = outputShape(sample);
        if (out.dimension() != 1) {
            throw new IllegalArgumentException("Model '" + name + "' gives outputs of shape " + Layer.format(out)
                    + " for inputs of shape " + Layer.format(sample) + "; " + what + " here need(s) outputs of shape"
                    + " (None, units): end the model with Flatten, GlobalAveragePooling2D or Dense on flat inputs"
                    + hint + ".");
        }
    }

    private void checkInputWidth(String argument, int width) {
        int expected = inputDim();
        if (expected != 0 && width != expected) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: rows of " + width + " value(s), but"
                    + " the model takes " + expected + " input(s) (layer '" + layers.get(0).getName() + "'"
                    + (isBuilt() ? " is built for " : " declares input_dim ") + expected + ").");
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
            throw new IllegalStateException("Model '" + name + "' is not built (it has no weights yet), so " + what
                    + "() cannot run: call fit/predict or build(inputDim) first");
        }
    }

    private void requireNotBuilt(String what) {
        if (isBuilt()) {
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
