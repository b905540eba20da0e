package io.github.kerasdjl.cli;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.callbacks.BackupAndRestore;
import io.github.kerasdjl.callbacks.Callback;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ModelView;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Features;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.Optimizers;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.training.FitOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The main job: the {@code 001} seed program (3x Dense(8, relu) + Dense(1, sigmoid), MSE, SGD 0.05, batch 10)
 * on a TensorFlow Playground data set, with the summary, progress lines, train/test accuracy and wall time.
 */
@Command(name = "keras-djl", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = Main.Version.class,
        subcommands = {Compare.class, Predict.class},
        description = "Trains the seed program of lesson 001 (Keras: 3x Dense(8, relu) + Dense(1, sigmoid), "
                + "loss mse, SGD) on a TensorFlow Playground data set and reports train and test accuracy. On a"
                + " table (--dataset digits, iris, wine or breast_cancer, or --csv PATH --label NAME) it trains an"
                + " MLP with a softmax output (sparse categorical cross-entropy, Adam, standardized features, each"
                + " table's own defaults for the options not given) and draws its confusion matrix.")
public final class Main implements Callable<Integer> {

    @Mixin
    NetworkOptions net = new NetworkOptions();

    @Option(names = "--train-ratio", description = "share of the points used for training (default: ${DEFAULT-VALUE})")
    double trainRatio = 0.8;

    @Option(names = "--epochs", description = "epochs (default: ${DEFAULT-VALUE}, as the seed)")
    int epochs = 5000;

    @Option(names = "--optimizer", description = "sgd, adam, adamw, adamax, nadam, rmsprop or adagrad, with"
            + " --learning-rate and Keras'"
            + " other defaults (default: ${DEFAULT-VALUE})")
    String optimizer = "sgd";

    @Option(names = "--output-dir", description = "where the pictures go: decision_boundary.png and loss.png "
            + "(default: ${DEFAULT-VALUE})")
    Path outputDir = Path.of("output");

    @Option(names = "--print-every", description = "a progress line every N epochs (default: ${DEFAULT-VALUE})")
    int printEvery = 500;

    @Option(names = "--resume", description = "back up the training to this folder after every epoch; run the same"
            + " command again after an interruption and it continues from the last completed epoch")
    Path resume;

    @Option(names = "--save", description = "save the trained model to this Keras 3 file (a name ending in .keras);"
            + " the predict command and Python Keras load it")
    Path save;

    final PrintStream out;

    /** The CLI on standard output. */
    public Main() {
        this(System.out);
    }

    /** The CLI writing to {@code out}. */
    public Main(PrintStream out) {
        this.out = out;
    }

    /** Runs the CLI; exits the JVM only on failure, so that it can run inside Maven's exec:java. */
    public static void main(String[] args) {
        quietLogging();
        int code = commandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The CLI's logging, when SLF4J's simple binding prints it and nothing else configured it: warnings and errors
     * only (DJL's start-up chatter stays out of the output); "Failed to detect GPU count" is expected on a machine
     * without CUDA, and a GPU the user asks for is checked by the library itself. The library never configures a
     * program's logging; only this command line does, for itself.
     */
    static void quietLogging() {
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
        System.getProperties().putIfAbsent("org.slf4j.simpleLogger.log.io.jhdf", "error");
    }

    /**
     * The picocli command line for a Main. Every error is one line on standard error and a non-zero exit code, never
     * a stack trace: 2 for a bad argument (an unknown option, a value out of range), 1 for a failure while running.
     */
    public static CommandLine commandLine(Main main) {
        CommandLine cl = new CommandLine(main);
        cl.setOut(new java.io.PrintWriter(main.out, true));
        cl.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("error: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            cmd.getErr().println("error: " + (e instanceof IllegalStateException ? "" : e.getClass().getSimpleName()
                    + ": ") + e.getMessage());
            return 1;
        });
        return cl;
    }

    /** {@code --version}: the project's version, from the build (keras-djl.properties). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.Properties p = new java.util.Properties();
            try (java.io.InputStream in = Main.class.getResourceAsStream("/keras-djl.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new String[] {"keras-djl " + p.getProperty("version", "(unknown version)") + ", DJL "
                    + p.getProperty("djl.version", "?") + ", PyTorch " + p.getProperty("pytorch.version", "?")};
        }
    }

    /**
     * Checks that {@code dir} exists or can be made, and that a file can be written in it, before any training: a
     * run must not train for a minute and then fail on its pictures.
     */
    static void checkWritableDirectory(String argument, Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".keras-djl-", ".probe");
            Files.delete(probe);
        } catch (java.io.IOException | SecurityException e) {
            throw new IllegalArgumentException("Invalid value for argument `" + argument + "`: " + dir
                    + ". It cannot be written: " + reason(e) + ".");
        }
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")");
    }

    /** The result of a run, for callers and tests. */
    public record Result(Map<String, Double> train, Map<String, Double> test, History history, double seconds) {
    }

    private Result result;

    /** The last run's result. */
    public Result result() {
        return result;
    }

    // datasets helper (issue 14): the command line as parsed, so that a table's own defaults give way to the options
    // a user gave (TableJob).
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // datasets helper (issue 14): the tables (digits, iris, wine, breast_cancer, --csv) train an MLP classifier.
        if (net.isTable()) {
            result = TableJob.run(this);
            return 0;
        }
        Playground.Kind kind = net.kind();
        if (printEvery < 1) {
            throw new IllegalArgumentException(
                    "Invalid value for argument `--print-every`: " + printEvery + ". Expected an integer >= 1.");
        }
        if (epochs < 1) {
            throw new IllegalArgumentException("Invalid value for argument `--epochs`: " + epochs
                    + ". Expected an integer >= 1: the main job trains, then draws what it learnt.");
        }
        if (!(trainRatio > 0 && trainRatio < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `--train-ratio`: " + trainRatio
                    + ". Expected a fraction between 0 and 1 (both excluded).");
        }
        checkWritableDirectory("--output-dir", outputDir);
        if (resume != null) {
            checkWritableDirectory("--resume", resume);
        }
        if (save != null) {
            if (!save.getFileName().toString().endsWith(".keras")) {
                throw new IllegalArgumentException("Invalid value for argument `--save`: " + save
                        + ". Expected a file name ending in .keras (Keras 3's format).");
            }
            checkWritableDirectory("--save", save.toAbsolutePath().getParent());
        }
        boolean regression = kind.isRegression();
        Features features = net.inputs();
        Dataset points = net.data();
        Dataset.Split split = points.split(trainRatio, net.seed);
        Dataset train = features.apply(split.train());
        Dataset test = features.apply(split.test());

        long start = System.nanoTime();
        try (Sequential model = net.model()) {
            if (regression) {
                model.compile(optimizer(), net.loss);
            } else {
                model.compile(optimizer(), net.loss, "accuracy");
            }

            out.printf(Locale.ROOT, "Data: %s (%s), %d points (noise %.2f), %d for training, %d for testing%n",
                    kind.label(), regression ? "regression" : "classification", points.size(), net.noise,
                    split.train().size(), split.test().size());
            out.printf(Locale.ROOT, "Features: %s%n", features);
            out.printf(Locale.ROOT, "Device: %s (DJL PyTorch engine)%n", Devices.describe(model.devices()));
            out.print(model.summary());
            out.printf(Locale.ROOT, "Training: %d epochs, batch size %d, %s, loss %s%s%n", epochs, net.batchSize,
                    model.optimizer(), model.loss().name(), net.regularization.equalsIgnoreCase("none") ? ""
                            : ", regularization " + net.regularization + " " + net.regularizationRate);
            out.printf(Locale.ROOT, "Step: %s%n",
                    NetworkOptions.step(model, Math.min(net.batchSize, split.train().size())));

            FitOptions fitOptions = new FitOptions().epochs(epochs).batchSize(net.batchSize).verbose(0)
                    .callbacks(new EveryNEpochs(printEvery, out));
            if (resume != null) {
                fitOptions.callbacks(new BackupAndRestore(resume));
            }
            History history = model.fit(train.x(), train.y(), fitOptions);
            Map<String, Double> trainScores = model.evaluate(train.x(), train.y());
            Map<String, Double> testScores = model.evaluate(test.x(), test.y());
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Train: %s%n", scores(trainScores));
            out.printf(Locale.ROOT, "Test:  %s%n", scores(testScores));
            out.printf(Locale.ROOT, "Wall time: %s%n", ProgressLogger.formatSeconds(seconds));
            Path boundary = outputDir.resolve("decision_boundary.png");
            Path lossCurve = outputDir.resolve("loss.png");
            String title = regression
                    ? String.format(Locale.ROOT, "%s: test loss %.4f after %d epochs", kind.label(),
                            testScores.get("loss"), epochs)
                    : String.format(Locale.ROOT, "%s: test accuracy %.2f after %d epochs", kind.label(),
                            testScores.get("accuracy"), epochs);
            Plots.decisionBoundary(model, features, regression, split.train(), split.test(), boundary, 640, 640,
                    title);
            Plots.history(history, lossCurve, 960, 400);
            out.printf(Locale.ROOT, "Decision boundary: %s%nLoss curve: %s%n", boundary.toAbsolutePath(),
                    lossCurve.toAbsolutePath());
            if (save != null) {
                model.save(save);
                out.printf(Locale.ROOT, "Model: %s (features %s)%n", save.toAbsolutePath(), features);
            }
            result = new Result(trainScores, testScores, history, seconds);
        }
        return 0;
    }

    static String scores(Map<String, Double> scores) {
        StringBuilder b = new StringBuilder();
        scores.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ')
                .append(String.format(Locale.ROOT, "%.4f", v)));
        return b.toString();
    }

    private Optimizer optimizer() {
        // The named optimizer with Keras' defaults but the learning rate.
        return Optimizers.fromConfig(Optimizers.className(Optimizer.get(optimizer)),
                java.util.Map.of("learning_rate", net.learningRate));
    }

    /** A progress line (epoch, loss, metrics, elapsed, ETA) every N epochs and at the first and last. */
    static final class EveryNEpochs implements Callback {
        private final int every;
        final PrintStream out;
        private int epochs;
        private long start;

        EveryNEpochs(int every, PrintStream out) {
            this.every = every;
            this.out = out;
        }

        @Override
        public void onTrainBegin(ModelView model, int epochs, int stepsPerEpoch) {
            this.epochs = epochs;
            this.start = System.nanoTime();
        }

        @Override
        public void onEpochEnd(int epoch, Map<String, Double> logs) {
            if ((epoch + 1) % every == 0 || epoch == epochs - 1 || epoch == 0) {
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch %5d/%d", epoch + 1, epochs));
                logs.forEach((k, v) -> line.append(" - ").append(k).append(": ").append(ProgressLogger.format(v)));
                double elapsed = (System.nanoTime() - start) / 1e9;
                int left = epochs - epoch - 1;
                out.printf(Locale.ROOT, "%s - elapsed %s%s%n", line, ProgressLogger.formatSeconds(elapsed),
                        left > 0 ? " - ETA " + ProgressLogger.formatSeconds(elapsed / (epoch + 1) * left) : "");
            }
        }
    }
}
