package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static io.github.kerasdjl.Keras.TensorBoard;
import static io.github.kerasdjl.Keras.setRandomSeed;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.tensorboard.TensorBoard;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;

/**
 * Watching a decision boundary form in TensorBoard, the Keras way:
 *
 * <pre>
 * model.fit(X, Y, epochs=300, batch_size=10, validation_data=(Xt, Yt),
 *           callbacks=[TensorBoard(log_dir='output/tensorboard', histogram_freq=10)])
 * </pre>
 *
 * on TensorFlow Playground's circle, with the decision boundary as an image every 10 epochs. Run: {@code mvn -q
 * test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=io.github.kerasdjl.samples.TensorBoardCircle}
 * (optional arguments: epochs, log folder), then {@code tensorboard --logdir output/tensorboard
 * --samples_per_plugin images=100} and open http://localhost:6006 (Scalars, Histograms, Images).
 */
public final class TensorBoardCircle {

    private TensorBoardCircle() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path logDir = Path.of(args.length > 1 ? args[1] : "output/tensorboard");
        setRandomSeed(42);
        Dataset.Split data = Playground.circle(500, 0.0, 42).split(0.8, 42);
        float[][] x = data.train().x();
        float[][] y = data.train().y();
        TensorBoard board = TensorBoard(logDir, 10).decisionBoundary(x, y, 10);
        try (Sequential model = Sequential()) {
            model.add(Dense(8, "tanh", 2));
            model.add(Dense(8, "tanh"));
            model.add(Dense(1, "sigmoid"));
            model.compile(SGD(0.1), "binary_crossentropy", "accuracy");
            model.fit(x, y, new FitOptions().epochs(epochs).batchSize(10).verbose(0)
                    .validationData(data.test().x(), data.test().y()).callbacks(board));
        }
        System.out.println("event files: " + board.trainFile() + ", " + board.validationFile());
        System.out.println("tensorboard --logdir " + logDir + " --samples_per_plugin images=100");
    }
}
