package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;
import static io.github.kerasdjl.Keras.setRandomSeed;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lesson 001's Keras program, line for line:
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(units=8, activation='relu', input_dim=2))
 * model.add(Dense(units=8, activation='relu'))
 * model.add(Dense(units=8, activation='relu'))
 * model.add(Dense(units=1, activation='sigmoid'))
 * model.compile(loss='mse', optimizer=SGD(learning_rate=0.05), metrics=['accuracy'])
 * model.fit(X, Y, epochs=5000, batch_size=10, verbose=0)
 * </pre>
 *
 * on TensorFlow Playground's spiral. Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson001Spiral} (optional arguments: epochs, picture folder). It
 * writes the decision boundary and the loss curve to {@code output/}.
 */
public final class Lesson001Spiral {

    private Lesson001Spiral() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        setRandomSeed(42);
        Dataset.Split data = Playground.spiral(500, 0.0, 42).split(0.8, 42);
        float[][] x = data.train().x();
        float[][] y = data.train().y();

        Sequential model = Sequential();
        model.add(Dense(8, "relu", 2));
        model.add(Dense(8, "relu"));
        model.add(Dense(8, "relu"));
        model.add(Dense(1, "sigmoid"));
        model.compile(SGD(0.05), "mse", "accuracy");
        System.out.print(model.summary());

        History history = model.fit(x, y, new FitOptions().epochs(epochs).batchSize(10).verbose(0));
        Map<String, Double> test = model.evaluate(data.test().x(), data.test().y());
        System.out.printf("train accuracy %.4f, test accuracy %.4f (loss %.4f)%n", history.last("accuracy"),
                test.get("accuracy"), test.get("loss"));
        Path dir = Path.of(args.length > 1 ? args[1] : "output");
        Path boundary = dir.resolve("spiral.png");
        Path loss = dir.resolve("spiral_loss.png");
        Plots.decisionBoundary(model, data.train(), data.test(), boundary, 640, 640,
                String.format("spiral, 3x8 relu: test accuracy %.2f", test.get("accuracy")));
        Plots.history(history, loss, 960, 400);
        System.out.println("pictures: " + boundary.toAbsolutePath() + ", " + loss.toAbsolutePath());
        model.close();
    }
}
