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
 * Lesson 001's Playground tasks: circle and xor with one hidden layer of 3 neurons, sigmoid and then relu (the
 * lesson's comparison of the two), each picture written to {@code output/}. The spiral with 3x8 relu is
 * {@link Lesson001Spiral}. Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson001Playground} (optional argument: epochs, default 500).
 */
public final class Lesson001Playground {

    private Lesson001Playground() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Path.of(args.length > 1 ? args[1] : "output");
        for (Playground.Kind kind : new Playground.Kind[] {Playground.Kind.CIRCLE, Playground.Kind.XOR}) {
            Dataset.Split data = kind.generate(500, 0, 42).split(0.8, 42);
            for (String activation : new String[] {"sigmoid", "relu"}) {
                try (Sequential model = Sequential().seed(42)) {
                    model.add(Dense(3, activation, 2)).add(Dense(1, "sigmoid"));
                    model.compile(SGD(0.3), "mse", "accuracy");
                    model.fit(data.train().x(), data.train().y(),
                            new FitOptions().epochs(epochs).batchSize(10).verbose(0));
                    Map<String, Double> test = model.evaluate(data.test().x(), data.test().y());
                    Path png = dir.resolve(kind.label() + "_3_" + activation + ".png");
                    Plots.decisionBoundary(model, data.train(), data.test(), png, 480, 480, String.format(
                            "%s, 3 %s neurons: test accuracy %.2f", kind.label(), activation, test.get("accuracy")));
                    System.out.printf("%-6s 3 %-7s neurons: test accuracy %.4f -> %s%n", kind.label(), activation,
                            test.get("accuracy"), png.toAbsolutePath());
                }
            }
        }
    }
}
