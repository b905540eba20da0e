package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lesson 003's demonstration that a network without activation functions collapses to a linear model: the same
 * 2-8-8-1 network on Playground's circle, once with linear hidden layers and once with relu. However deep, the
 * linear one draws a straight boundary through the circle; the relu one draws the circle. Both pictures go to
 * {@code output/}. Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson003Linear} (optional argument: epochs, default 300).
 */
public final class Lesson003Linear {

    private Lesson003Linear() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path dir = Path.of(args.length > 1 ? args[1] : "output");
        Dataset.Split data = Playground.circle(500, 0, 42).split(0.8, 42);
        for (String activation : new String[] {"linear", "relu"}) {
            try (Sequential model = Sequential().seed(42)) {
                model.add(Dense(8, activation, 2)).add(Dense(8, activation)).add(Dense(1, "sigmoid"));
                model.compile(SGD(0.1), "mse", "accuracy");
                model.fit(data.train().x(), data.train().y(),
                        new FitOptions().epochs(epochs).batchSize(10).verbose(0));
                Map<String, Double> test = model.evaluate(data.test().x(), data.test().y());
                Path png = dir.resolve("circle_" + activation + ".png");
                Plots.decisionBoundary(model, data.train(), data.test(), png, 560, 560, String.format(
                        "hidden layers %s: test accuracy %.2f", activation, test.get("accuracy")));
                System.out.printf("%-6s hidden layers: test accuracy %.4f -> %s%n", activation,
                        test.get("accuracy"), png.toAbsolutePath());
            }
        }
    }
}
