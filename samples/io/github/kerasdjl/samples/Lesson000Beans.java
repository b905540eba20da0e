package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;
import java.util.Map;

/**
 * Lesson 000's point, in pictures: the middle-sized beans are toxic (get_beans4), and one sigmoid neuron cannot
 * draw that hump while a hidden layer of two can. Both are trained as the lesson trains, per bean (batch 1, in
 * order) with SGD 0.03 on mse:
 *
 * <pre>
 * one = Sequential([Dense(1, activation='sigmoid', input_dim=1)])
 * two = Sequential([Dense(2, activation='sigmoid', input_dim=1), Dense(1, activation='sigmoid')])
 * </pre>
 *
 * both from the lesson's initial weights (each U(0, 1)), and each writes its curve over the beans ("Size-Toxicity Function") to {@code output/}. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson000Beans} (optional argument: epochs, default 2000; the lesson
 * runs 5000).
 */
public final class Lesson000Beans {

    private Lesson000Beans() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Path.of(args.length > 1 ? args[1] : "output");
        Dataset beans = Beans.get("get_beans4", 100, 42);
        FitOptions perBean = new FitOptions().epochs(epochs).batchSize(1).shuffle(false).verbose(0);

        try (Sequential one = Sequential().seed(42); Sequential two = Sequential().seed(42)) {
            one.add(Dense(1, "sigmoid", 1));
            two.add(Dense(2, "sigmoid", 1)).add(Dense(1, "sigmoid"));
            java.util.Random rand = new java.util.Random(42);
            for (Sequential model : new Sequential[] {one, two}) {
                model.compile(SGD(0.03), "mse", "accuracy");
                // The lesson's init_network: every weight np.random.rand(), U(0, 1).
                model.build(1);
                java.util.List<float[]> start = new java.util.ArrayList<>();
                for (float[] w : model.getWeights()) {
                    float[] values = new float[w.length];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = rand.nextFloat();
                    }
                    start.add(values);
                }
                model.setWeights(start);
                model.fit(beans.xColumn(), beans.yColumn(), perBean);
            }
            Map<String, Double> a = one.evaluate(beans.x(), beans.y());
            Map<String, Double> b = two.evaluate(beans.x(), beans.y());
            Path onePng = dir.resolve("beans_one_neuron.png");
            Path twoPng = dir.resolve("beans_hidden_layer.png");
            Plots.curve(one, beans, onePng, 600, 400, "One sigmoid neuron: cannot draw the hump", null, null);
            Plots.curve(two, beans, twoPng, 600, 400, "Hidden layer of two: fits the middle beans", null, null);
            System.out.printf("%d beans, %d epochs of per-bean SGD (alpha 0.03)%n", beans.size(), epochs);
            System.out.printf("one neuron:   loss %.4f, accuracy %.4f -> %s%n", a.get("loss"), a.get("accuracy"),
                    onePng.toAbsolutePath());
            System.out.printf("hidden layer: loss %.4f, accuracy %.4f -> %s%n", b.get("loss"), b.get("accuracy"),
                    twoPng.toAbsolutePath());
        }
    }
}
