package io.github.kerasdjl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import io.github.kerasdjl.callbacks.EarlyStopping;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.callbacks.TerminateOnNaN;
import io.github.kerasdjl.cli.Main;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Features;
import io.github.kerasdjl.datasets.Moons;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.initializers.Initializer;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.losses.Loss;
import io.github.kerasdjl.metrics.Metric;
import io.github.kerasdjl.optimizers.Adam;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.regularizers.Regularizer;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.training.TrainingSteps;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalogue of bad input: every case the library and its CLI reject, what they answer, and the proof (each case
 * runs here and must fail as stated, with a message that names what is wrong). docs/bad-input.md is this catalogue
 * written out; the test fails when the two differ. After changing a case or a message, write the file again with
 * {@code mvn -q test -Dtest=BadInputCatalogTest -Dbadinput.write=true}. Cases whose answer depends on the machine
 * (a GPU asked for where none is usable) are in {@code DevicesTest}, which knows which machine it runs on.
 */
class BadInputCatalogTest {

    private static final Path DOC = Path.of("docs/bad-input.md");
    private static final float[][] X = {{0, 1}, {1, 0}, {1, 1}};
    private static final float[][] Y = {{1}, {1}, {0}};
    private static Path pictures;
    private static Path aFile;

    /** A call that must fail. */
    private interface Call {
        void run() throws Exception;
    }

    /** One case: where, what, and the message fragments its error must hold. */
    private record Case(String area, String what, Class<? extends Throwable> type, Call call, String... parts) {
    }

    /** A CLI case: its arguments, the exit code and the fragments of its one error line. */
    private record CliCase(String what, int code, String[] args, String... parts) {
    }

    @BeforeAll
    static void folders() throws IOException {
        pictures = Files.createTempDirectory("keras-djl-badinput");
        aFile = Files.createTempFile("keras-djl-badinput", ".txt");
    }

    @AfterAll
    static void cleanUp() throws IOException {
        Files.deleteIfExists(aFile);
        try (var files = Files.walk(pictures)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static Sequential compiled() {
        Sequential m = new Sequential().seed(1).add(new Dense(4, "relu", 2)).add(new Dense(1, "sigmoid"));
        m.compile(new SGD(0.1), "mse", "accuracy");
        return m;
    }

    private static Sequential built() {
        Sequential m = compiled();
        m.build(2);
        return m;
    }

    private static Sequential closed() {
        Sequential m = compiled();
        m.close();
        return m;
    }

    private static final Class<IllegalArgumentException> ARG = IllegalArgumentException.class;
    private static final Class<IllegalStateException> STATE = IllegalStateException.class;

    static List<Case> apiCases() {
        List<Case> c = new ArrayList<>();
        // fit: data
        c.add(new Case("fit", "rows of x and y differ in number", ARG, () -> compiled().fit(X, new float[][] {{1}, {0}}, 1, 1), "`y`", "2 rows", "`x` has 3"));
        c.add(new Case("fit", "x is wider than the model's input", ARG, () -> compiled().fit(new float[][] {{1, 2, 3}}, new float[][] {{1}}, 1, 1), "`x`", "rows of 3"));
        c.add(new Case("fit", "y is wider than the last layer", ARG, () -> compiled().fit(X, new float[][] {{1, 0}, {1, 0}, {0, 1}}, 1, 1), "`y`", "rows of 2"));
        c.add(new Case("fit", "ragged rows in x", ARG, () -> compiled().fit(new float[][] {{1, 2}, {3}}, new float[][] {{1}, {0}}, 1, 1), "`x`", "row 1 has 1 values"));
        c.add(new Case("fit", "ragged rows in y", ARG, () -> new Sequential().add(new Dense(2, "linear", 2)).compile(new SGD(0.1), "mse").fit(new float[][] {{1, 2}, {3, 4}}, new float[][] {{1, 2}, {3}}, 1, 1), "`y`", "row 1"));
        c.add(new Case("fit", "an empty data set", ARG, () -> compiled().fit(new float[0][], new float[0][], 1, 1), "`x`", "empty data set"));
        c.add(new Case("fit", "x is null", ARG, () -> compiled().fit((float[][]) null, Y, 1, 1), "`x`", "null"));
        c.add(new Case("fit", "y is null", ARG, () -> compiled().fit(X, (float[][]) null, 1, 1), "`y`", "null"));
        c.add(new Case("fit", "a null row in x", ARG, () -> compiled().fit(new float[][] {{0, 1}, null, {1, 1}}, Y, 1, 1), "`x`", "row 1"));
        c.add(new Case("fit", "an empty first row in x", ARG, () -> compiled().fit(new float[][] {{}}, new float[][] {{1}}, 1, 1), "`x`", "row 0 is empty"));
        c.add(new Case("fit", "NaN in x", ARG, () -> compiled().fit(new float[][] {{0, 1}, {Float.NaN, 0}, {1, 1}}, Y, 1, 1), "`x`", "NaN"));
        c.add(new Case("fit", "infinity in y", ARG, () -> compiled().fit(X, new float[][] {{1}, {Float.POSITIVE_INFINITY}, {0}}, 1, 1), "`y`", "Infinity"));
        c.add(new Case("fit", "float[] x and y of different lengths", ARG, () -> new Sequential().add(new Dense(1, "sigmoid", 1)).compile(new SGD(0.1), "mse").fit(new float[] {1, 2}, new float[] {1}, 1, 1), "`y`", "1 rows"));
        c.add(new Case("fit", "float[] x is null", ARG, () -> new Sequential().add(new Dense(1, "sigmoid", 1)).compile(new SGD(0.1), "mse").fit((float[]) null, new float[] {1}, 1, 1), "`x`", "null"));
        c.add(new Case("fit", "NDArray x is null", ARG, () -> compiled().fit((NDArray) null, null, new FitOptions()), "`x`", "null"));
        c.add(new Case("fit", "NDArray x of rank 1", ARG, () -> {
            try (NDManager m = NDManager.newBaseManager()) {
                compiled().fit(m.create(new float[] {1, 2}), m.create(new float[][] {{1}}), new FitOptions());
            }
        }, "`x`", "shape (2)"));
        // fit: options
        c.add(new Case("fit", "epochs below 0", ARG, () -> compiled().fit(X, Y, -1, 1), "`epochs`", "-1"));
        c.add(new Case("fit", "batch size below 1", ARG, () -> compiled().fit(X, Y, 1, 0), "`batch_size`", "0"));
        c.add(new Case("fit", "verbose 3", ARG, () -> compiled().fit(X, Y, new FitOptions().verbose(3)), "`verbose`", "3"));
        c.add(new Case("fit", "verbose -1", ARG, () -> compiled().fit(X, Y, new FitOptions().verbose(-1)), "`verbose`", "-1"));
        c.add(new Case("fit", "validation_split 1.0", ARG, () -> compiled().fit(X, Y, new FitOptions().validationSplit(1.0)), "`validation_split`", "1.0"));
        c.add(new Case("fit", "validation_split below 0", ARG, () -> compiled().fit(X, Y, new FitOptions().validationSplit(-0.1)), "`validation_split`", "-0.1"));
        c.add(new Case("fit", "validation_split that leaves nothing to train on", ARG, () -> compiled().fit(X, Y, new FitOptions().validationSplit(0.9)), "`validation_split`", "3 samples"));
        c.add(new Case("fit", "validation data with x but no y", ARG, () -> compiled().fit(X, Y, new FitOptions().validationData(X, null)), "`validation_data`", "both"));
        c.add(new Case("fit", "validation data whose rows differ", ARG, () -> compiled().fit(X, Y, new FitOptions().validationData(X, new float[][] {{1}})), "`validation_data y`", "`validation_data x` has 3"));
        c.add(new Case("fit", "validation data of the wrong width", ARG, () -> compiled().fit(X, Y, new FitOptions().validationData(new float[][] {{1, 2, 3}}, new float[][] {{1}})), "`validation_data x`", "rows of 3"));
        c.add(new Case("fit", "initial_epoch above epochs", ARG, () -> compiled().fit(X, Y, new FitOptions().epochs(2).initialEpoch(3)), "`initial_epoch`", "3"));
        c.add(new Case("fit", "initial_epoch below 0", ARG, () -> compiled().fit(X, Y, new FitOptions().initialEpoch(-1)), "`initial_epoch`", "-1"));
        c.add(new Case("fit", "options are null", ARG, () -> compiled().fit(X, Y, (FitOptions) null), "`options`", "null"));
        c.add(new Case("fit", "a null callback", ARG, () -> new FitOptions().callbacks(new EarlyStopping(), null), "`callbacks`", "element 1 is null"));
        c.add(new Case("fit", "the callbacks array is null", ARG, () -> new FitOptions().callbacks((io.github.kerasdjl.callbacks.Callback[]) null), "`callbacks`", "null"));
        c.add(new Case("fit", "EarlyStopping in mode auto on a metric the model does not compute (Keras cannot tell its direction)", ARG, () -> compiled().fit(X, Y, new FitOptions().verbose(0).callbacks(new EarlyStopping("mae", 0, 1, false))), "`monitor`", "'mae'"));
        c.add(new Case("fit", "fit before compile", STATE, () -> new Sequential().add(new Dense(1, "sigmoid", 2)).fit(X, Y, 1, 1), "compile", "fit()"));
        c.add(new Case("fit", "sample_weight of the wrong length", ARG, () -> compiled().fit(X, Y, new FitOptions().sampleWeight(new float[] {1, 2})), "`sample_weight`", "2 weights", "3 rows"));
        c.add(new Case("fit", "a negative sample weight", ARG, () -> compiled().fit(X, Y, new FitOptions().sampleWeight(new float[] {1, -2, 1})), "`sample_weight`", "-2.0", "row 1"));
        c.add(new Case("fit", "a NaN sample weight", ARG, () -> compiled().fit(X, Y, new FitOptions().sampleWeight(new float[] {1, Float.NaN, 1})), "`sample_weight`", "NaN"));
        c.add(new Case("fit", "class_weight naming a class the model does not have", ARG, () -> compiled().fit(X, Y, new FitOptions().classWeight(java.util.Map.of(2, 5.0))), "`class_weight`", "class 2", "0 to 1"));
        c.add(new Case("fit", "a negative class weight", ARG, () -> compiled().fit(X, Y, new FitOptions().classWeight(java.util.Map.of(1, -1.0))), "`class_weight`", "-1.0"));
        c.add(new Case("fit", "class_weight and sample_weight together", ARG, () -> compiled().fit(X, Y, new FitOptions().sampleWeight(new float[] {1, 1, 1}).classWeight(java.util.Map.of(1, 2.0))), "`class_weight`", "at the same time"));
        c.add(new Case("fit", "validation_freq of 0", ARG, () -> compiled().fit(X, Y, new FitOptions().validationFreq(0)), "`validation_freq`", "0"));
        c.add(new Case("fit", "a negative steps_per_epoch", ARG, () -> compiled().fit(X, Y, new FitOptions().stepsPerEpoch(-1)), "`steps_per_epoch`", "-1"));
        c.add(new Case("fit", "a negative validation_batch_size", ARG, () -> compiled().fit(X, Y, new FitOptions().validationBatchSize(-4)), "`validation_batch_size`", "-4"));
        c.add(new Case("predict", "predict with a batch size of 0", ARG, () -> compiled().predict(X, 0), "`batch_size`", "0"));
        c.add(new Case("layers", "a kernel larger than the input", ARG, () -> new Sequential().add(Keras.Input(2, 2, 1)).add(Keras.Conv2D(1, 3)), "conv2d", "(None, 2, 2, 1)"));
        c.add(new Case("layers", "a negative dropout rate", ARG, () -> new io.github.kerasdjl.layers.Dropout(-0.01), "`rate`", "-0.01"));
        c.add(new Case("layers", "a dropout rate of 1", ARG, () -> new io.github.kerasdjl.layers.Dropout(1.0), "`rate`", "1.0"));
        c.add(new Case("layers", "Flatten with nothing to flatten", ARG, () -> new Sequential().add(Keras.Input(5)).add(Keras.Flatten()), "flatten", "nothing to flatten"));
        c.add(new Case("fit", "flat rows for a model of images", ARG, () -> {
            Sequential m = new Sequential().add(Keras.Input(8, 8, 1)).add(Keras.Flatten()).add(new Dense(2, "softmax"));
            m.compile(new SGD(0.1), "mse");
            m.fit(new float[3][64], new float[3][2], 1, 1);
        }, "`x`", "(3, 64)"));
        c.add(new Case("datasets", "a CSV file without the label column", ARG, () -> {
            java.nio.file.Path csv = pictures.resolve("no-label.csv");
            try {
                Files.writeString(csv, "a,b\n1,2\n");
                io.github.kerasdjl.datasets.Csv.read(csv, "label");
            } finally {
                Files.deleteIfExists(csv);
            }
        }, "label"));
        c.add(new Case("datasets", "a CSV cell that is not a number", ARG, () -> {
            java.nio.file.Path csv = pictures.resolve("not-a-number.csv");
            try {
                Files.writeString(csv, "a,label\n1,0\nx,1\n");
                io.github.kerasdjl.datasets.Csv.read(csv, "label");
            } finally {
                Files.deleteIfExists(csv);
            }
        }, "line 3", "'x'"));
        c.add(new Case("datasets", "a test fraction of 1", ARG, () -> io.github.kerasdjl.datasets.Iris.load(1, 1.0), "1.0"));
        c.add(new Case("fit", "a model without layers", STATE, () -> new Sequential().compile(new SGD(0.1), "mse").fit(X, Y, 1, 1), "no layers"));
        c.add(new Case("fit", "a closed model", STATE, () -> closed().fit(X, Y, 1, 1), "closed"));
        c.add(new Case("fit", "fit called from inside fit", STATE, () -> {
            Sequential m = compiled();
            m.fit(X, Y, new FitOptions().epochs(1).verbose(0).callbacks(new io.github.kerasdjl.callbacks.Callback() {
                @Override
                public void onEpochEnd(int epoch, java.util.Map<String, Double> logs) {
                    m.fit(X, Y, 1, 1);
                }
            }));
        }, "being trained by thread", "inside fit"));
        // predict and evaluate
        c.add(new Case("predict", "rows of the wrong width", ARG, () -> compiled().predict(new float[][] {{1}}), "`x`", "rows of 1", "takes 2"));
        c.add(new Case("predict", "x is null", ARG, () -> compiled().predict((float[][]) null), "`x`", "null"));
        c.add(new Case("predict", "an empty x", ARG, () -> compiled().predict(new float[0][]), "`x`", "empty"));
        c.add(new Case("predict", "NaN in x", ARG, () -> compiled().predict(new float[][] {{Float.NaN, 1}}), "`x`", "NaN"));
        c.add(new Case("predict", "predict(float[]) on a model with two outputs", STATE, () -> new Sequential().add(new Dense(2, "linear", 1)).predict(new float[] {1}), "one output", "has 2"));
        c.add(new Case("predict", "an NDArray of rank 1", ARG, () -> {
            try (NDManager m = NDManager.newBaseManager()) {
                compiled().predict(m.create(new float[] {1, 2}));
            }
        }, "`x`", "Expected (samples, inputs)"));
        c.add(new Case("predict", "a closed model", STATE, () -> closed().predict(X), "closed"));
        c.add(new Case("evaluate", "evaluate before compile", STATE, () -> new Sequential().add(new Dense(1, "sigmoid", 2)).evaluate(X, Y), "compile", "evaluate()"));
        c.add(new Case("evaluate", "batch size below 1", ARG, () -> compiled().evaluate(X, Y, 0), "`batch_size`", "0"));
        c.add(new Case("evaluate", "rows of x and y differ", ARG, () -> compiled().evaluate(X, new float[][] {{1}}), "`y`", "1 rows"));
        c.add(new Case("evaluate", "y is wider than the last layer", ARG, () -> compiled().evaluate(X, new float[][] {{1, 0}, {0, 1}, {1, 1}}), "`y`", "rows of 2"));
        // compile
        c.add(new Case("compile", "an unknown loss", ARG, () -> compiled().compile(new SGD(0.1), "mes"), "`loss`", "Did you mean 'mse'?"));
        c.add(new Case("compile", "an unknown metric", ARG, () -> compiled().compile(new SGD(0.1), "mse", "acuracy"), "`metric`", "Did you mean 'accuracy'?"));
        c.add(new Case("compile", "an unknown optimizer name", ARG, () -> compiled().compile("sdg", "mse"), "`optimizer`", "Did you mean 'sgd'?"));
        c.add(new Case("compile", "a null optimizer", ARG, () -> compiled().compile((Optimizer) null, "mse"), "`optimizer`", "null"));
        c.add(new Case("compile", "a null loss", ARG, () -> compiled().compile(new SGD(0.1), (Loss) null), "`loss`", "null"));
        c.add(new Case("compile", "a null loss name", ARG, () -> compiled().compile(new SGD(0.1), (String) null), "`loss`", "null"));
        c.add(new Case("compile", "the same metric twice", ARG, () -> compiled().compile(new SGD(0.1), "mse", "mse", "mse"), "`metrics`", "twice"));
        c.add(new Case("compile", "a null metrics array", ARG, () -> compiled().compile(new SGD(0.1), "mse", (String[]) null), "`metrics`", "null"));
        c.add(new Case("compile", "a null metric name", ARG, () -> compiled().compile(new SGD(0.1), "mse", (String) null), "`metric`", "null"));
        c.add(new Case("compile", "a null metric object", ARG, () -> compiled().compile(new SGD(0.1), Loss.get("mse"), (Metric) null), "`metrics`", "null element"));
        c.add(new Case("compile", "one optimizer compiled into a second open model", ARG, () -> {
            Sequential a = compiled();
            new Sequential().add(new Dense(1, "linear", 2)).compile(a.optimizer(), "mse");
        }, "`optimizer`", "already compiled into model"));
        c.add(new Case("compile", "compile on a closed model", STATE, () -> closed().compile(new SGD(0.1), "mse"), "closed"));
        // layers and the model's configuration
        c.add(new Case("layers", "Dense with 0 units", ARG, () -> new Dense(0), "`units`", "0"));
        c.add(new Case("layers", "Dense with a negative input_dim", ARG, () -> new Dense(3, "relu", -2), "`input_dim`", "-2"));
        c.add(new Case("layers", "an unknown activation", ARG, () -> new Dense(8, "rlu"), "`activation`", "Did you mean 'relu'?"));
        c.add(new Case("layers", "input_dim that does not match the previous layer", ARG, () -> new Sequential().add(new Dense(4, "relu", 2)).add(new Dense(1, "relu", 3)), "`input_dim`", "previous layer has 4 outputs"));
        c.add(new Case("layers", "adding null", ARG, () -> new Sequential().add(null), "`layer`", "null"));
        c.add(new Case("layers", "adding the same layer twice", ARG, () -> {
            Dense d = new Dense(2, "relu", 2);
            new Sequential().add(d).add(d);
        }, "already in this model"));
        c.add(new Case("layers", "two layers of one name", ARG, () -> new Sequential().add((Dense) new Dense(2, "relu", 2).setName("a")).add((Dense) new Dense(1).setName("a")), "`name`", "'a'"));
        c.add(new Case("layers", "a blank layer name", ARG, () -> new Dense(2).setName(" "), "`name`"));
        c.add(new Case("layers", "adding a layer after the model is built", STATE, () -> built().add(new Dense(1)), "after it is built"));
        c.add(new Case("layers", "an unknown kernel initializer", ARG, () -> new Dense(2).kernelInitializer("glorot_unifrom"), "`initializer`", "Did you mean 'glorot_uniform'?"));
        c.add(new Case("layers", "changing use_bias after build", STATE, () -> ((Dense) built().layers().get(0)).useBias(false), "`use_bias`", "after it is built"));
        c.add(new Case("layers", "changing the kernel initializer after build", STATE, () -> ((Dense) built().layers().get(0)).kernelInitializer("zeros"), "`kernel_initializer`"));
        c.add(new Case("layers", "an unknown regularizer name", ARG, () -> new Dense(2).kernelRegularizer("l3"), "`regularization`", "'l3'"));
        c.add(new Case("model", "seed after build", STATE, () -> built().seed(3), "`seed`", "after it is built"));
        c.add(new Case("model", "device after build", STATE, () -> built().device("cpu"), "`device`", "after it is built"));
        c.add(new Case("model", "a batch size of 0 asked of the host step", ARG, () -> built().trainsOnHost(0), "`batch_size`", "Expected an integer >= 1"));
        c.add(new Case("model", "an unknown device name", ARG, () -> new Sequential().device("tpu"), "`device`", "'tpu'"));
        c.add(new Case("model", "an empty device name", ARG, () -> new Sequential().device(""), "`device`", "empty"));
        c.add(new Case("model", "a device list mixing CPU and GPU", ARG, () -> new Sequential().device("cpu:0,gpu:0"), "`device`", "mixes"));
        c.add(new Case("model", "a device named twice in a list", ARG, () -> new Sequential().device("cpu:0,cpu:0"), "`device`", "named twice"));
        c.add(new Case("model", "a list entry that is not a device", ARG, () -> new Sequential().device("cpu:0,potato"), "`device`", "'potato' is not a device"));
        c.add(new Case("model", "build for 0 inputs", ARG, () -> compiled().build(0), "`input_dim`", "0"));
        c.add(new Case("model", "build again for another width", ARG, () -> built().build(3), "built for 2 inputs"));
        c.add(new Case("model", "build for a width the first layer does not declare", ARG, () -> compiled().build(3), "declares input_dim 2"));
        c.add(new Case("model", "countParams with an unknown input width", STATE, () -> new Sequential().add(new Dense(2)).countParams(), "not built"));
        c.add(new Case("model", "usesFastPath before compile", STATE, () -> new Sequential().add(new Dense(1, "sigmoid", 2)).usesFastPath(), "compile"));
        c.add(new Case("model", "hand-written gradients for a model that has no hand-written pass", ARG, () -> new Sequential().add(new Dense(2, "elu", 2)).add(new Dense(1)).compile(new SGD(0.1), "mse").computeGradients(X, Y, TrainingSteps.Kind.HAND_WRITTEN), "`kind`", "no hand-written backward pass"));
        c.add(new Case("model", "block() before build", STATE, () -> compiled().block(), "not built"));
        c.add(new Case("model", "toDjlModel() before build", STATE, () -> compiled().toDjlModel(), "not built"));
        c.add(new Case("model", "Sequential.of(null)", ARG, () -> Sequential.of(null), "`block`", "null"));
        c.add(new Case("model", "Sequential.of a block without children", ARG, () -> Sequential.of(new SequentialBlock()), "`block`", "no children"));
        c.add(new Case("model", "Sequential.of a block with a BatchNorm", ARG, () -> Sequential.of(new SequentialBlock().add(Linear.builder().setUnits(2).build()).add(BatchNorm.builder().build())), "`block`", "child 1 (BatchNorm)"));
        c.add(new Case("model", "Sequential.of a leaky ReLU of another slope than Keras' 0.2", ARG, () -> Sequential.of(new SequentialBlock().add(Linear.builder().setUnits(2).build()).add(Activation.leakyReluBlock(0.01f))), "`block`", "LambdaBlock 'LeakyReLU'"));
        c.add(new Case("model", "Sequential.of a block that starts with an activation", ARG, () -> Sequential.of(new SequentialBlock().add(Activation.reluBlock())), "`block`", "is not a Linear block"));
        // weights
        c.add(new Case("weights", "getWeights before build", STATE, () -> compiled().getWeights(), "not built", "getWeights()"));
        c.add(new Case("weights", "setWeights before build", STATE, () -> compiled().setWeights(List.of()), "not built", "setWeights()"));
        c.add(new Case("weights", "setWeights(null)", ARG, () -> built().setWeights(null), "`weights`", "null"));
        c.add(new Case("weights", "setWeights with too few arrays", ARG, () -> {
            Sequential m = built();
            m.setWeights(m.getWeights().subList(0, 2));
        }, "`weights`", "2 arrays", "Expected 4"));
        c.add(new Case("weights", "setWeights with an array of the wrong size", ARG, () -> {
            Sequential m = built();
            List<float[]> w = new ArrayList<>(m.getWeights());
            w.set(1, new float[3]);
            m.setWeights(w);
        }, "`weights`", "array 1 has 3 values"));
        c.add(new Case("weights", "setWeights with a NaN in the last array (nothing is written)", ARG, () -> {
            Sequential m = built();
            List<float[]> w = m.getWeights();
            w.get(3)[0] = Float.NaN;
            m.setWeights(w);
        }, "`weights`", "NaN"));
        c.add(new Case("weights", "setWeights with a null array", ARG, () -> {
            Sequential m = built();
            List<float[]> w = new ArrayList<>(m.getWeights());
            w.set(0, null);
            m.setWeights(w);
        }, "`weights`", "array 0 has null"));
        c.add(new Case("weights", "setKernel with the wrong number of rows", ARG, () -> ((Dense) built().layers().get(0)).setKernel(new float[3][4]), "`kernel`", "3 rows"));
        c.add(new Case("weights", "setKernel with a row of the wrong width", ARG, () -> ((Dense) built().layers().get(0)).setKernel(new float[][] {{1, 2, 3, 4}, {1}}), "`kernel`", "row 1 has 1 values"));
        c.add(new Case("weights", "setKernel(null)", ARG, () -> ((Dense) built().layers().get(0)).setKernel(null), "`kernel`", "null"));
        c.add(new Case("weights", "setKernel with infinity", ARG, () -> ((Dense) built().layers().get(0)).setKernel(new float[][] {{1, 2, 3, Float.POSITIVE_INFINITY}, {0, 0, 0, 0}}), "`kernel`", "Infinity"));
        c.add(new Case("weights", "setBias of the wrong size", ARG, () -> ((Dense) built().layers().get(0)).setBias(new float[2]), "`bias`", "2 values"));
        c.add(new Case("weights", "setBias on a layer without bias", STATE, () -> {
            Sequential m = new Sequential().add(new Dense(2, "relu", 2).useBias(false));
            m.build(2);
            ((Dense) m.layers().get(0)).setBias(new float[2]);
        }, "no bias"));
        c.add(new Case("weights", "getKernel before build", STATE, () -> new Dense(2, "relu", 2).getKernel(), "not built"));
        c.add(new Case("weights", "setWeights on a closed model", STATE, () -> closed().setWeights(List.of()), "closed"));
        // optimizers and regularizers
        c.add(new Case("optimizers", "a negative learning rate", ARG, () -> new SGD(-0.1), "`learning_rate`", "-0.1"));
        c.add(new Case("optimizers", "a NaN learning rate", ARG, () -> new Adam(Double.NaN), "`learning_rate`", "NaN"));
        c.add(new Case("optimizers", "an infinite learning rate", ARG, () -> new SGD(Double.POSITIVE_INFINITY), "`learning_rate`", "Infinity"));
        c.add(new Case("optimizers", "momentum above 1", ARG, () -> new SGD(0.1, 1.5, false), "`momentum`", "1.5"));
        c.add(new Case("optimizers", "a negative momentum", ARG, () -> new SGD(0.1, -0.1, false), "`momentum`", "-0.1"));
        c.add(new Case("optimizers", "Adam's beta_1 of 1", ARG, () -> new Adam(0.1, 1.0, 0.9, 1e-7), "`beta_1`", "1.0"));
        c.add(new Case("optimizers", "Adam's negative beta_2", ARG, () -> new Adam(0.1, 0.9, -0.1, 1e-7), "`beta_2`", "-0.1"));
        c.add(new Case("optimizers", "Adam's epsilon of 0", ARG, () -> new Adam(0.1, 0.9, 0.9, 0), "`epsilon`", "0"));
        c.add(new Case("optimizers", "RMSprop's rho of 1", ARG, () -> new io.github.kerasdjl.optimizers.RMSprop(0.01, 1.0, 0, 1e-7, false), "`rho`", "1.0"));
        c.add(new Case("optimizers", "RMSprop's negative momentum", ARG, () -> new io.github.kerasdjl.optimizers.RMSprop(0.01, 0.9, -0.5, 1e-7, false), "`momentum`", "-0.5"));
        c.add(new Case("optimizers", "Adagrad's negative initial accumulator", ARG, () -> new io.github.kerasdjl.optimizers.Adagrad(0.01, -0.1, 1e-7), "`initial_accumulator_value`", "-0.1"));
        c.add(new Case("optimizers", "an unknown optimizer", ARG, () -> Optimizer.get("lion"), "`optimizer`", "'lion'"));
        c.add(new Case("optimizers", "clipnorm of 0", ARG, () -> new SGD(0.1).clipnorm(0), "`clipnorm`", "0.0", "> 0"));
        c.add(new Case("optimizers", "a negative clipvalue", ARG, () -> new Adam().clipvalue(-1), "`clipvalue`", "-1.0"));
        c.add(new Case("optimizers", "clipnorm and clipvalue together", ARG, () -> new Adam().clipnorm(1).clipvalue(0.5), "`clipvalue`", "Only one of"));
        c.add(new Case("optimizers", "a negative weight decay", ARG, () -> new io.github.kerasdjl.optimizers.AdamW(0.001, -0.1), "`weight_decay`", "-0.1"));
        c.add(new Case("optimizers", "a schedule's negative initial rate", ARG, () -> new io.github.kerasdjl.optimizers.LearningRateSchedules.ExponentialDecay(-0.1, 10, 0.9), "`initial_learning_rate`", "-0.1"));
        c.add(new Case("optimizers", "a schedule's NaN decay rate", ARG, () -> new io.github.kerasdjl.optimizers.LearningRateSchedules.InverseTimeDecay(0.1, 10, Double.NaN), "`decay_rate`", "NaN"));
        c.add(new Case("optimizers", "a schedule's decay_steps of 0", ARG, () -> new io.github.kerasdjl.optimizers.LearningRateSchedules.CosineDecay(0.1, 0), "`decay_steps`", "0"));
        c.add(new Case("optimizers", "setting the rate of a scheduled optimizer", IllegalStateException.class, () -> new SGD(new io.github.kerasdjl.optimizers.LearningRateSchedules.PolynomialDecay(0.1, 100)).setLearningRate(0.01), "PolynomialDecay", "not settable"));
        c.add(new Case("regularizers", "a negative L2 rate", ARG, () -> Regularizer.l2(-1), "`l2`", "-1"));
        c.add(new Case("regularizers", "a NaN L1 rate", ARG, () -> Regularizer.l1(Double.NaN), "`l1`", "NaN"));
        c.add(new Case("regularizers", "an unknown regularizer", ARG, () -> Regularizer.get("l3", 0.1), "`regularization`", "'l3'"));
        // callbacks
        c.add(new Case("callbacks", "EarlyStopping with a negative patience", ARG, () -> new EarlyStopping("loss", 0, -1, false), "`patience`", "-1"));
        c.add(new Case("callbacks", "EarlyStopping monitoring null", ARG, () -> new EarlyStopping(null, 0, 1, false), "`monitor`", "null"));
        c.add(new Case("callbacks", "EarlyStopping monitoring a blank name", ARG, () -> new EarlyStopping(" ", 0, 1, false), "`monitor`"));
        c.add(new Case("callbacks", "ProgressLogger with verbose 3", ARG, () -> new ProgressLogger(3), "`verbose`", "3"));
        c.add(new Case("callbacks", "TerminateOnNaN printing to null", ARG, () -> new TerminateOnNaN(null), "`out`", "null"));
        c.add(new Case("callbacks", "a History key that was not recorded", ARG, () -> new History().get("loss"), "`key`", "'loss'"));
        // names
        c.add(new Case("names", "an unknown activation name", ARG, () -> io.github.kerasdjl.activations.Activation.get("sigmoidd"), "`activation`", "Did you mean 'sigmoid'?"));
        c.add(new Case("names", "a null loss name", ARG, () -> Loss.get(null), "`loss`", "null"));
        c.add(new Case("names", "an unknown metric name", ARG, () -> Metric.get("precison"), "`metric`", "Did you mean 'precision'?"));
        c.add(new Case("names", "an unknown initializer name", ARG, () -> Initializer.get("orthogonal"), "`initializer`", "'orthogonal'"));
        // data sets and pictures
        c.add(new Case("datasets", "an unknown Playground data set", ARG, () -> Playground.Kind.get("spirals"), "`dataset`", "Did you mean 'spiral'?"));
        c.add(new Case("datasets", "Playground noise above 0.5", ARG, () -> Playground.spiral(100, 0.7, 1), "`noise`", "0.7"));
        c.add(new Case("datasets", "an unknown input feature", ARG, () -> Features.of("x3"), "`features`", "'x3'"));
        c.add(new Case("datasets", "no input features", ARG, () -> Features.of(List.of()), "`features`"));
        c.add(new Case("datasets", "a train fraction of 1", ARG, () -> Playground.spiral(100, 0, 1).split(1.0, 1), "`train_fraction`", "1.0"));
        c.add(new Case("datasets", "an unknown beans generator", ARG, () -> Beans.get("hmp", 10, 1), "Did you mean 'hump'?"));
        c.add(new Case("datasets", "negative moons noise", ARG, () -> Moons.generate(100, -0.1, 1), "`noise`", "-0.1"));
        c.add(new Case("pictures", "a picture 10 pixels wide", ARG, () -> Plots.history(new History(), pictures.resolve("h.png"), 10, 300), "`width`", "10"));
        c.add(new Case("pictures", "a null history", ARG, () -> Plots.history(null, pictures.resolve("h.png"), 800, 300), "`history`", "null"));
        return c;
    }

    static List<CliCase> cliCases() {
        List<CliCase> c = new ArrayList<>();
        c.add(new CliCase("--epochs 0", 2, new String[] {"--epochs", "0"}, "`--epochs`", "0"));
        c.add(new CliCase("--epochs that is not a number", 2, new String[] {"--epochs", "ten"}, "'ten'"));
        c.add(new CliCase("an unknown option", 2, new String[] {"--bogus"}, "Unknown option", "--help"));
        c.add(new CliCase("--train-ratio above 1", 2, new String[] {"--train-ratio", "1.5"}, "`--train-ratio`", "1.5"));
        c.add(new CliCase("--train-ratio of 0", 2, new String[] {"--train-ratio", "0"}, "`--train-ratio`", "0.0"));
        c.add(new CliCase("--output-dir that is a file", 2, new String[] {"--output-dir", "FILE"}, "`--output-dir`", "a file of that name is in the way"));
        c.add(new CliCase("--output-dir below a file", 2, new String[] {"--output-dir", "FILE/pictures"}, "`--output-dir`", "cannot be written"));
        c.add(new CliCase("--print-every 0", 2, new String[] {"--print-every", "0"}, "`--print-every`", "0"));
        c.add(new CliCase("an unknown --dataset", 2, new String[] {"--dataset", "spirals"}, "`dataset`", "Did you mean 'spiral'?"));
        c.add(new CliCase("an unknown --activation", 2, new String[] {"--activation", "rlu"}, "`activation`", "Did you mean 'relu'?"));
        c.add(new CliCase("a --layers width of 0", 2, new String[] {"--layers", "8,0"}, "`--layers`", "[8, 0]"));
        c.add(new CliCase("an unknown --loss", 2, new String[] {"--loss", "mes"}, "`loss`", "Did you mean 'mse'?"));
        c.add(new CliCase("an unknown --features entry", 2, new String[] {"--features", "x1,x3"}, "`features`", "'x3'"));
        c.add(new CliCase("an unknown --regularization", 2, new String[] {"--regularization", "l3"}, "`regularization`", "'l3'"));
        c.add(new CliCase("an unknown --optimizer", 2, new String[] {"--optimizer", "sdg"}, "`optimizer`", "Did you mean 'sgd'?"));
        c.add(new CliCase("--batch-size 0", 2, new String[] {"--batch-size", "0"}, "`batch_size`", "0"));
        c.add(new CliCase("a negative --learning-rate", 2, new String[] {"--learning-rate", "-1"}, "`learning_rate`", "-1.0"));
        c.add(new CliCase("--noise above 0.5", 2, new String[] {"--noise", "0.8"}, "`noise`", "0.8"));
        c.add(new CliCase("compare --epochs 0", 2, new String[] {"compare", "--epochs", "0"}, "`--epochs`", "0"));
        c.add(new CliCase("compare --momentum above 1", 2, new String[] {"compare", "--momentum", "2"}, "`momentum`", "2.0"));
        c.add(new CliCase("compare with an unknown option", 2, new String[] {"compare", "--bogus"}, "Unknown option"));
        return c;
    }

    /** What a case's error says, as the table shows it. */
    private static String outcome(Case c) {
        try {
            c.call().run();
        } catch (Throwable e) {
            if (!c.type().isInstance(e)) {
                fail(c.area() + ": " + c.what() + ": expected " + c.type().getSimpleName() + ", got " + e, e);
            }
            for (String part : c.parts()) {
                assertTrue(e.getMessage().contains(part), c.area() + ": " + c.what() + ": '" + part + "' not in: "
                        + e.getMessage());
            }
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        return fail(c.area() + ": " + c.what() + ": no error");
    }

    private static String outcome(CliCase c) {
        String[] args = c.args().clone();
        for (int i = 0; i < args.length; i++) {
            args[i] = args[i].replace("FILE", aFile.toString());
        }
        boolean hasDir = List.of(args).contains("--output-dir") || args[0].equals("compare");
        List<String> all = new ArrayList<>(List.of(args));
        if (!hasDir) {
            all.add("--output-dir");
            all.add(pictures.toString());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int code = Main.commandLine(new Main(new PrintStream(out, true, StandardCharsets.UTF_8)))
                .setErr(new PrintWriter(err)).execute(all.toArray(new String[0]));
        String line = err.toString().strip();
        assertEquals(c.code(), code, c.what() + ": " + line);
        assertEquals(1, line.lines().count(), c.what() + ": one line: " + line);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("Epoch"), c.what() + ": nothing trained");
        for (String part : c.parts()) {
            assertTrue(line.contains(part), c.what() + ": '" + part + "' not in: " + line);
        }
        return "exit " + code + ", one line: " + line.replace(aFile.toString(), "FILE");
    }

    private static String cell(String s) {
        // a file of the catalogue's temporary folder is named DIR/..., the same in every run
        String oneLine = s.replace(pictures.toString(), "DIR").replace("|", "\\|").replace("\n", " ");
        return oneLine.length() > 260 ? oneLine.substring(0, 257) + "..." : oneLine;
    }

    /** Runs every case and writes the table they make. */
    static String table() {
        StringBuilder b = new StringBuilder();
        b.append("# Bad input: the catalogue\n\n");
        b.append("Every bad input below is rejected with an error that names the argument, the value and what is valid,"
                + "\nbefore anything is built, trained or written. Each row is a case of `BadInputCatalogTest`, which runs"
                + "\nit, checks the error's type and the words in the last column's message, and fails when this file and"
                + "\nthe cases differ (write it again with `mvn -q test -Dtest=BadInputCatalogTest -Dbadinput.write=true`)."
                + "\nMore bad-input tests, with the model checked untouched afterwards, are in `BadInputTest` and the"
                + "\npackages' own tests.\n\n");
        List<Case> api = apiCases();
        List<CliCase> cli = cliCases();
        b.append(String.format("%d cases: %d through the API, %d through the CLI.\n\n", api.size() + cli.size(),
                api.size(), cli.size()));
        b.append("| # | where | bad input | what happens |\n| ---: | --- | --- | --- |\n");
        int n = 0;
        for (Case c : api) {
            b.append("| ").append(++n).append(" | ").append(c.area()).append(" | ").append(cell(c.what()))
                    .append(" | ").append(cell(outcome(c))).append(" |\n");
        }
        for (CliCase c : cli) {
            b.append("| ").append(++n).append(" | CLI | ").append(cell(c.what())).append(" | ")
                    .append(cell(outcome(c))).append(" |\n");
        }
        return b.toString();
    }

    @Test
    void everyCaseFailsAsDocumentedAndTheDocumentIsCurrent() throws IOException {
        String table = table();
        assertTrue(apiCases().size() + cliCases().size() >= 120, "cases: " + (apiCases().size() + cliCases().size()));
        if (Boolean.getBoolean("badinput.write")) {
            Files.writeString(DOC, table);
        }
        assertEquals(table, Files.exists(DOC) ? Files.readString(DOC) : "",
                "docs/bad-input.md is not the catalogue: write it again with"
                        + " mvn -q test -Dtest=BadInputCatalogTest -Dbadinput.write=true");
    }
}
