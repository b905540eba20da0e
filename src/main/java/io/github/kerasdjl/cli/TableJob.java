package io.github.kerasdjl.cli;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.backend.Devices;
import io.github.kerasdjl.callbacks.BackupAndRestore;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.callbacks.ProgressLogger;
import io.github.kerasdjl.datasets.BreastCancer;
import io.github.kerasdjl.datasets.Csv;
import io.github.kerasdjl.datasets.Digits;
import io.github.kerasdjl.datasets.Iris;
import io.github.kerasdjl.datasets.LabeledData;
import io.github.kerasdjl.datasets.Standardizer;
import io.github.kerasdjl.datasets.Table;
import io.github.kerasdjl.datasets.Wine;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.Optimizer;
import io.github.kerasdjl.optimizers.Optimizers;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.regularizers.Regularizer;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.util.Labels;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.ParseResult;

/**
 * The main job on a table (issue 14): {@code --dataset digits|iris|wine|breast_cancer} or {@code --csv PATH --label
 * NAME}. A seeded stratified split ({@code --train-ratio}), the features standardized with the training set's mean
 * and standard deviation, an MLP (the hidden layers, then Dense(classes, softmax)), sparse categorical cross-entropy
 * and accuracy, Adam; each table has its own defaults (layers, epochs, batch size, learning rate) that the options
 * override. Writes the confusion matrix of the test set, the loss curves and, for the digits, a grid of test images
 * with their predicted and true labels.
 */
final class TableJob {

    /** A table's defaults: chosen so that a run takes seconds on two cores and reaches a good test accuracy. */
    record Defaults(List<Integer> layers, int epochs, int batchSize, double learningRate) {
    }

    private static final Map<String, Defaults> DEFAULTS = Map.of(
            "iris", new Defaults(List.of(16), 60, 8, 0.01),
            "wine", new Defaults(List.of(16), 40, 8, 0.01),
            "breast_cancer", new Defaults(List.of(16), 30, 16, 0.001),
            "digits", new Defaults(List.of(128), 20, 32, 0.001),
            "csv", new Defaults(List.of(32), 50, 16, 0.001));

    private static final Map<String, Supplier<Table>> TABLES = Map.of("iris", Iris::table, "wine", Wine::table,
            "breast_cancer", BreastCancer::table, "digits", Digits::table);

    private TableJob() {
    }

    /** The table's canonical name ({@code breast-cancer} and {@code breastcancer} are {@code breast_cancer}). */
    static String canonical(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return n.equals("breastcancer") ? "breast_cancer" : n;
    }

    /** Whether {@code name} is one of the tables shipped in the jar. */
    static boolean isTableName(String name) {
        return TABLES.containsKey(canonical(name));
    }

    /** The tables' names. */
    static List<String> tableNames() {
        return List.of("digits", "iris", "wine", "breast_cancer");
    }

    static Main.Result run(Main main) {
        NetworkOptions net = main.net;
        ParseResult given = main.spec == null ? null : main.spec.commandLine().getParseResult();
        PrintStream out = main.out;
        // Everything is checked before anything is trained.
        for (String playgroundOnly : new String[] {"--features", "--samples", "--noise"}) {
            if (matched(given, playgroundOnly)) {
                throw new IllegalArgumentException("Invalid value for argument `" + playgroundOnly + "`: it applies"
                        + " to Playground's 2-D sets only. Expected no " + playgroundOnly + " with a table ("
                        + (net.csv != null ? "--csv" : "--dataset " + net.dataset) + ").");
            }
        }
        if (net.csv != null && matched(given, "--dataset")) {
            throw new IllegalArgumentException("Invalid value for argument `--csv`: " + net.csv + " with --dataset "
                    + net.dataset + ". Expected one data set: either --csv PATH --label NAME or --dataset NAME.");
        }
        if (net.csv == null && net.label != null) {
            throw new IllegalArgumentException("Invalid value for argument `--label`: " + net.label + " without"
                    + " --csv. Expected --csv PATH with it (the shipped tables know their labels).");
        }
        if (net.csv != null && net.label == null) {
            throw new IllegalArgumentException("Invalid value for argument `--label`: missing. Expected the name of"
                    + " the label column of " + net.csv + " (--label NAME).");
        }
        String key = net.csv != null ? "csv" : canonical(net.dataset);
        Defaults d = DEFAULTS.get(key);
        int epochs = matched(given, "--epochs") ? main.epochs : d.epochs();
        int batchSize = matched(given, "--batch-size") ? net.batchSize : d.batchSize();
        double learningRate = matched(given, "--learning-rate") ? net.learningRate : d.learningRate();
        List<Integer> layers = matched(given, "--layers") ? net.layers : d.layers();
        String optimizerName = matched(given, "--optimizer") ? main.optimizer : "adam";
        int printEvery = matched(given, "--print-every") ? main.printEvery : Math.max(1, epochs / 10);
        String loss = matched(given, "--loss") ? net.loss : "sparse_categorical_crossentropy";
        boolean oneHot = false;
        switch (loss.strip().toLowerCase(Locale.ROOT)) {
            case "sparse_categorical_crossentropy" -> oneHot = false;
            case "categorical_crossentropy" -> oneHot = true;
            default -> throw new IllegalArgumentException("Invalid value for argument `--loss`: " + loss + ". A"
                    + " table's classes take sparse_categorical_crossentropy (the default) or"
                    + " categorical_crossentropy.");
        }
        if (epochs < 1 || batchSize < 1 || printEvery < 1) {
            String arg = epochs < 1 ? "--epochs" : batchSize < 1 ? "--batch-size" : "--print-every";
            throw new IllegalArgumentException("Invalid value for argument `" + arg + "`: " + (epochs < 1 ? epochs
                    : batchSize < 1 ? batchSize : printEvery) + ". Expected an integer >= 1.");
        }
        if (!(main.trainRatio > 0 && main.trainRatio < 1)) {
            throw new IllegalArgumentException("Invalid value for argument `--train-ratio`: " + main.trainRatio
                    + ". Expected a fraction between 0 and 1 (both excluded).");
        }
        for (int width : layers) {
            if (width < 1) {
                throw new IllegalArgumentException("Invalid value for argument `--layers`: " + layers
                        + ". Expected widths >= 1.");
            }
        }
        Optimizer.get(optimizerName); // the name, checked
        Regularizer regularizer = Regularizer.get(net.regularization, net.regularizationRate);
        Main.checkWritableDirectory("--output-dir", main.outputDir);
        if (main.resume != null) {
            Main.checkWritableDirectory("--resume", main.resume);
        }
        if (main.save != null) {
            if (!main.save.getFileName().toString().endsWith(".keras")) {
                throw new IllegalArgumentException("Invalid value for argument `--save`: " + main.save
                        + ". Expected a file name ending in .keras (Keras 3's format).");
            }
            Main.checkWritableDirectory("--save", main.save.toAbsolutePath().getParent());
        }
        Table table = net.csv != null ? Csv.read(net.csv, net.label) : TABLES.get(key).get();
        if (table.numClasses() < 2) {
            throw new IllegalArgumentException("Invalid value for argument `--csv`: " + net.csv + " has only class"
                    + " 0 in its label column " + table.labelName() + ". Expected at least two classes.");
        }
        LabeledData raw;
        try {
            raw = table.split(net.seed, 1 - main.trainRatio);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value for argument `--train-ratio`: " + main.trainRatio
                    + ". " + e.getMessage().replaceFirst("^Invalid value for argument `test_fraction`: [^ ]+ ", ""));
        }
        Standardizer standardizer = Standardizer.fit(raw.trainX());
        LabeledData data = raw.standardized(standardizer);

        long start = System.nanoTime();
        try (Sequential model = new Sequential().seed(net.seed).device(net.device)) {
            for (int width : layers) {
                model.add(new Dense(width, net.activation, model.layers().isEmpty() ? table.numFeatures() : 0)
                        .kernelRegularizer(regularizer));
            }
            model.add(new Dense(table.numClasses(), "softmax", model.layers().isEmpty() ? table.numFeatures() : 0)
                    .kernelRegularizer(regularizer));
            Optimizer optimizer = Optimizers.fromConfig(Optimizers.className(Optimizer.get(optimizerName)),
                    Map.of("learning_rate", learningRate));
            model.compile(optimizer, loss, "accuracy");

            out.printf(Locale.ROOT, "Data: %s (classification, %d classes: %s), %d samples of %d features, %d for"
                    + " training, %d for testing (stratified, seed %d)%n", table.name(), table.numClasses(),
                    String.join(", ", table.classNames()), table.size(), table.numFeatures(), data.train().size(),
                    data.test().size(), net.seed);
            out.printf(Locale.ROOT, "Features: standardized with the training set's mean and standard deviation%n");
            out.printf(Locale.ROOT, "Device: %s (DJL PyTorch engine)%n", Devices.describe(model.devices()));
            out.print(model.summary());
            out.printf(Locale.ROOT, "Training: %d epochs, batch size %d, %s, loss %s%s%n", epochs, batchSize,
                    model.optimizer(), model.loss().name(), net.regularization.equalsIgnoreCase("none") ? ""
                            : ", regularization " + net.regularization + " " + net.regularizationRate);
            FitOptions fitOptions = new FitOptions().epochs(epochs).batchSize(batchSize).verbose(0)
                    .callbacks(new Main.EveryNEpochs(printEvery, out));
            if (main.resume != null) {
                fitOptions.callbacks(new BackupAndRestore(main.resume));
            }
            History history;
            Map<String, Double> trainScores;
            Map<String, Double> testScores;
            if (oneHot) {
                history = model.fit(data.trainX(), data.trainYCategorical(), fitOptions);
                trainScores = model.evaluate(data.trainX(), data.trainYCategorical());
                testScores = model.evaluate(data.testX(), data.testYCategorical());
            } else {
                history = model.fit(data.trainX(), data.trainY(), fitOptions);
                trainScores = model.evaluate(data.trainX(), data.trainY());
                testScores = model.evaluate(data.testX(), data.testY());
            }
            int[] predicted = Labels.argmax(model.predict(data.testX()));
            double seconds = (System.nanoTime() - start) / 1e9;
            out.printf(Locale.ROOT, "Train: %s%n", Main.scores(trainScores));
            out.printf(Locale.ROOT, "Test:  %s%n", Main.scores(testScores));
            out.printf(Locale.ROOT, "Wall time: %s%n", ProgressLogger.formatSeconds(seconds));

            Path matrix = main.outputDir.resolve("confusion_matrix.png");
            Path lossCurve = main.outputDir.resolve("loss.png");
            int side = table.numClasses() > 5 ? 720 : 560;
            Plots.confusionMatrix(data.testLabels(), predicted, table.classNames(), matrix, side, side,
                    String.format(Locale.ROOT, "%s: test accuracy %.3f after %d epochs", table.name(),
                            testScores.get("accuracy"), epochs));
            Plots.history(history, lossCurve, 960, 400);
            out.printf(Locale.ROOT, "Confusion matrix: %s%nLoss curve: %s%n", matrix.toAbsolutePath(),
                    lossCurve.toAbsolutePath());
            if (table.isImages()) {
                Path grid = main.outputDir.resolve("test_images.png");
                int[] yTrue = data.testLabels();
                long wrong = 0;
                for (int i = 0; i < yTrue.length; i++) {
                    wrong += yTrue[i] != predicted[i] ? 1 : 0;
                }
                Plots.imageGrid(raw.testImages(), yTrue, predicted, table.classNames(), grid, 12, 96,
                        String.format(Locale.ROOT, "%s: %d test images, %d wrong (shown first, in red)",
                                table.name(), yTrue.length, wrong));
                out.printf(Locale.ROOT, "Test images: %s%n", grid.toAbsolutePath());
            }
            if (main.save != null) {
                model.save(main.save);
                String name = main.save.getFileName().toString();
                Path scaler = main.save.resolveSibling(name.substring(0, name.length() - ".keras".length())
                        + ".standardizer.json");
                standardizer.save(scaler);
                out.printf(Locale.ROOT, "Model: %s (its inputs standardized by %s: predict --model %s"
                        + " --standardizer %s --input ROWS.csv)%n", main.save.toAbsolutePath(), scaler.toAbsolutePath(),
                        main.save, scaler);
            }
            return new Main.Result(trainScores, testScores, history, seconds);
        }
    }

    private static boolean matched(ParseResult given, String option) {
        return given != null && given.hasMatchedOption(option);
    }
}
