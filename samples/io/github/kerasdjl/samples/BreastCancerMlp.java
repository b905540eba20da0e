package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Adam;
import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.BreastCancer;
import io.github.kerasdjl.datasets.Csv;
import io.github.kerasdjl.datasets.LabeledData;
import io.github.kerasdjl.datasets.Standardizer;
import io.github.kerasdjl.datasets.Table;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.training.FitOptions;
import io.github.kerasdjl.util.Labels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * An MLP on a table read from a CSV file, the Keras way:
 *
 * <pre>
 * df = pd.read_csv("breast_cancer.csv"); x, y = df.drop(columns="target").values, df["target"].values
 * x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, stratify=y, random_state=42)
 * scaler = StandardScaler().fit(x_train)
 * model = keras.Sequential([keras.Input((30,)), layers.Dense(16, "relu"), layers.Dense(2, "softmax")])
 * model.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", metrics=["accuracy"])
 * model.fit(scaler.transform(x_train), y_train, epochs=30, batch_size=16)
 * </pre>
 *
 * on the Wisconsin breast-cancer table (569 tumours, 30 features; shipped in the jar and written here to a CSV file
 * with a header row, as a user's own table would be). Prints the test accuracy (0.98 with these defaults, at least
 * 0.95) and writes the confusion matrix of the test set. Run: {@code mvn -q test-compile exec:java
 * -Dexec.classpathScope=test -Dexec.mainClass=io.github.kerasdjl.samples.BreastCancerMlp} (optional arguments:
 * epochs, output folder).
 */
public final class BreastCancerMlp {

    private BreastCancerMlp() {
    }

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path out = Path.of(args.length > 1 ? args[1] : "output");

        // A CSV file with a header row and a label column, as a user would have it.
        Path csv = Files.createTempFile("breast_cancer", ".csv");
        try {
            Csv.write(csv, BreastCancer.table());
            Table table = Csv.read(csv, "target");

            // A stratified split, and the features standardized with the training set's statistics only.
            LabeledData raw = table.split(42, 0.2);
            Standardizer scaler = Standardizer.fit(raw.trainX());
            LabeledData data = raw.standardized(scaler);

            try (Sequential model = Sequential().seed(42)) {
                model.add(Dense(16, "relu", table.numFeatures()));
                model.add(Dense(table.numClasses(), "softmax"));
                model.compile(Adam(0.001), "sparse_categorical_crossentropy", "accuracy");
                model.fit(data.trainX(), data.trainY(), new FitOptions().epochs(epochs).batchSize(16).verbose(0));
                Map<String, Double> test = model.evaluate(data.testX(), data.testY());
                int[] predicted = Labels.argmax(model.predict(data.testX()));
                Path picture = out.resolve("breast_cancer_confusion.png");
                Plots.confusionMatrix(data.testLabels(), predicted, BreastCancer.CLASS_NAMES, picture, 520, 520,
                        String.format(Locale.ROOT, "Breast cancer: test accuracy %.3f", test.get("accuracy")));
                System.out.printf(Locale.ROOT, "%d training and %d test tumours, %d features%n",
                        data.train().size(), data.test().size(), table.numFeatures());
                System.out.printf(Locale.ROOT, "test loss %.4f, test accuracy %.4f%n", test.get("loss"),
                        test.get("accuracy"));
                System.out.println("confusion matrix: " + picture.toAbsolutePath());
            }
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
