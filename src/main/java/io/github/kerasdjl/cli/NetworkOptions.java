package io.github.kerasdjl.cli;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Features;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.regularizers.Regularizer;
import java.util.List;
import picocli.CommandLine.Option;

/** The data and network options that the main job and {@code compare} share: Playground's knobs. */
final class NetworkOptions {

    @Option(names = "--dataset", description = "circle, xor, gauss or spiral (classification), plane or "
            + "multi-gaussian (regression); for the main job also the tables shipped in the jar: digits, iris, wine"
            + " or breast_cancer (an MLP with a softmax output) (default: ${DEFAULT-VALUE})")
    String dataset = "spiral";

    @Option(names = "--samples", description = "number of points (default: ${DEFAULT-VALUE}, as Playground)")
    int samples = Playground.DEFAULT_SAMPLES;

    @Option(names = "--noise", description = "Playground's noise, 0 to 0.5 (its slider / 100; default: ${DEFAULT-VALUE})")
    double noise = 0;

    @Option(names = "--batch-size", description = "batch size (default: ${DEFAULT-VALUE})")
    int batchSize = 10;

    @Option(names = {"--learning-rate", "--lr"}, description = "learning rate (default: ${DEFAULT-VALUE})")
    double learningRate = 0.05;

    @Option(names = "--activation", description = "activation of the hidden layers (default: ${DEFAULT-VALUE})")
    String activation = "relu";

    @Option(names = "--layers", split = ",", description = "widths of the hidden layers (default: 8,8,8)")
    List<Integer> layers = List.of(8, 8, 8);

    @Option(names = "--loss", description = "mse or binary_crossentropy (default: ${DEFAULT-VALUE}, as the seed)")
    String loss = "mse";

    @Option(names = "--features", split = ",", description = "the inputs, of x1, x2, x1^2, x2^2, x1*x2, sin(x1), "
            + "sin(x2) (default: x1,x2)")
    List<String> features = List.of("x1", "x2");

    @Option(names = "--regularization", description = "none, l1, l2 or l1_l2, on every kernel "
            + "(default: ${DEFAULT-VALUE})")
    String regularization = "none";

    @Option(names = "--regularization-rate", description = "the regularization rate (default: ${DEFAULT-VALUE})")
    double regularizationRate = 0.001;

    @Option(names = "--seed", description = "seed of the data, the split, the weights and the shuffling "
            + "(default: ${DEFAULT-VALUE})")
    long seed = 42;

    @Option(names = "--device", description = "auto, cpu, gpu, gpu:N, or a list for data-parallel training such as "
            + "gpu:0,gpu:1 (default: ${DEFAULT-VALUE})")
    String device = "auto";

    /** The data set's kind, checked. */
    Playground.Kind kind() {
        // datasets helper (issue 14): a table's name is not one of Playground's sets; say where it is accepted.
        if (TableJob.isTableName(dataset)) {
            throw new IllegalArgumentException("Invalid value for argument `--dataset`: " + dataset + ". It is a"
                    + " table, which only the main job trains on; expected one of Playground's sets "
                    + Playground.Kind.names() + " here.");
        }
        if (csv != null || label != null) {
            throw new IllegalArgumentException("Invalid value for argument `" + (csv != null ? "--csv" : "--label")
                    + "`: only the main job trains on a table. Expected one of Playground's sets "
                    + Playground.Kind.names() + " (--dataset) here.");
        }
        return Playground.Kind.get(dataset);
    }

    // ------------------------------------------------------------------ datasets helper (issue 14): tables

    @Option(names = "--csv", description = "main job: train on your own table, a CSV file with a header row and"
            + " numeric columns (with --label)")
    java.nio.file.Path csv;

    @Option(names = "--label", description = "with --csv: the name of the label column (class indices 0, 1, ...)")
    String label;

    /** Whether the main job trains on a table (a shipped one or --csv) rather than Playground's points. */
    boolean isTable() {
        return csv != null || label != null || TableJob.isTableName(dataset);
    }

    // ------------------------------------------------------------------ end of the tables' options

    /** The data set: points (x1, x2) and targets. */
    Dataset data() {
        return kind().generate(samples, noise, seed);
    }

    /** The chosen input features, checked. */
    Features inputs() {
        return Features.of(features);
    }

    /**
     * The seed's network for the chosen features: the hidden layers, then Dense(1, sigmoid) for classification or
     * Dense(1) (linear, as Playground) for regression; every kernel regularized as asked. Not compiled.
     */
    Sequential model() {
        Features f = inputs();
        Regularizer regularizer = Regularizer.get(regularization, regularizationRate);
        for (int width : layers) {
            if (width < 1) {
                throw new IllegalArgumentException("Invalid value for argument `--layers`: " + layers
                        + ". Expected widths >= 1.");
            }
        }
        Sequential model = new Sequential().seed(seed).device(device);
        for (int width : layers) {
            model.add(new Dense(width, activation, model.layers().isEmpty() ? f.size() : 0)
                    .kernelRegularizer(regularizer));
        }
        String output = kind().isRegression() ? "linear" : "sigmoid";
        model.add(new Dense(1, output, model.layers().isEmpty() ? f.size() : 0).kernelRegularizer(regularizer));
        return model;
    }

    /**
     * Which step {@code fit} trains {@code model} with in batches of {@code batchSize} rows (the fit's batch size,
     * or its rows when there are fewer), in words: the hand-written
     * backward pass on JVM arrays (tiny steps), the same on the engine, or DJL's autograd. Builds the model if needed.
     */
    static String step(Sequential model, int batchSize) {
        if (!model.isBuilt()) {
            model.build(model.inputDim());
        }
        if (model.trainsOnHost(batchSize)) {
            return "hand-written backward pass, on JVM arrays (tiny steps)";
        }
        return model.usesFastPath() ? "hand-written backward pass, on the engine" : "DJL autograd";
    }
}
