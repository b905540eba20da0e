package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Comparison.Table;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Moons;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Lesson 004's network from scratch, both ways: the matrix network of the lesson ({@link MatrixNetwork}: two
 * inputs, a hidden layer of sigmoid neurons, a sigmoid output, gradient descent on all 100 points at once, 3000
 * iterations) and the same network in the DSL:
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(HIDDEN, activation='sigmoid', input_dim=2))
 * model.add(Dense(1, activation='sigmoid'))
 * model.compile(loss='mse', optimizer=SGD(learning_rate=LEARNING_RATE), metrics=['accuracy'])
 * model.fit(X, y, epochs=3000, batch_size=100, shuffle=False)
 * </pre>
 *
 * on the lesson's two moons (scikit-learn's make_moons, 100 points). The lesson prints its predictions for
 * [0, -0.5] (0.99104346: the lower moon, label 1) and [1, 1] (0.0067755: the upper moon, label 0); the sample
 * prints both networks' predictions there, with loss, accuracy and time. The lesson's hidden width and learning
 * rate are not in its text; {@link #HIDDEN} and {@link #LEARNING_RATE} are chosen so that 3000 iterations separate
 * the moons. Run: {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson004Moons} (optional argument: iterations).
 */
public final class Lesson004Moons {

    static final int HIDDEN = 8;
    static final double LEARNING_RATE = 5.0;
    static final double NOISE = 0.1;
    static final float[][] TEST_POINTS = {{0.0f, -0.5f}, {1.0f, 1.0f}};
    /** What the lesson printed for the test points. */
    static final double[] LESSON_PREDICTIONS = {0.99104346, 0.0067755};

    private Lesson004Moons() {
    }

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        long seed = 42;
        Dataset moons = Moons.generate(Moons.SEED_SAMPLES, NOISE, seed);

        Sequential model = Sequential().seed(seed);
        model.add(Dense(HIDDEN, "sigmoid", 2));
        model.add(Dense(1, "sigmoid"));
        model.compile(SGD(LEARNING_RATE), "mse", "accuracy");
        model.build(2);
        // The hand-rolled network starts from the DSL's initial weights (glorot_uniform, zeros).
        MatrixNetwork hand = new MatrixNetwork(model.getWeights(), 2, HIDDEN);

        double[][] x = Precision.toDouble(moons.x());
        double[][] y = Precision.toDouble(moons.y());
        long t0 = System.nanoTime();
        hand.train(x, y, LEARNING_RATE, iterations);
        double handSeconds = (System.nanoTime() - t0) / 1e9;

        t0 = System.nanoTime();
        model.fit(moons.x(), moons.y(), new FitOptions().epochs(iterations).batchSize(moons.size()).shuffle(false)
                .verbose(0));
        double dslSeconds = (System.nanoTime() - t0) / 1e9;

        double[][] handOut = hand.predict(x);
        double[][] dslOut = Precision.toDouble(model.predict(moons.x()));
        double[][] handProbe = hand.predict(Precision.toDouble(TEST_POINTS));
        float[][] dslProbe = model.predict(TEST_POINTS);

        System.out.printf(Locale.ROOT, "Lesson 004: %d points (two moons, noise %.1f), 2-%d-1 sigmoid network, "
                + "full-batch gradient descent, learning rate %.1f, %d iterations, same initial weights%n%n",
                moons.size(), NOISE, HIDDEN, LEARNING_RATE, iterations);
        Table table = new Table("", "hand-rolled (004)", "DSL (keras-djl)", "lesson 004 printed");
        table.row("loss (mse)", Lesson002Beans.f(Lesson002Beans.mse(y, handOut)),
                Lesson002Beans.f(Lesson002Beans.mse(y, dslOut)), "");
        table.row("accuracy", Lesson002Beans.f(ReferenceMlp.accuracy(y, handOut)),
                Lesson002Beans.f(ReferenceMlp.accuracy(y, dslOut)), "");
        for (int i = 0; i < TEST_POINTS.length; i++) {
            table.row(String.format(Locale.ROOT, "prediction for [%.1f, %.1f]", TEST_POINTS[i][0], TEST_POINTS[i][1]),
                    Lesson002Beans.f(handProbe[i][0]), Lesson002Beans.f(dslProbe[i][0]),
                    String.format(Locale.ROOT, "%.4f", LESSON_PREDICTIONS[i]));
        }
        table.row("time", Table.duration(handSeconds), Table.duration(dslSeconds), "");
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nmax weight difference: %.3e (float32 against double)%n",
                Precision.maxDifference(model.getWeights(), hand.keras()));
        Path png = Path.of(args.length > 1 ? args[1] : "output").resolve("moons.png");
        Plots.decisionBoundary(model, moons, null, png, 560, 560, "Lesson 004: two moons, 2-" + HIDDEN + "-1 sigmoid");
        System.out.println("picture: " + png.toAbsolutePath());
        model.close();
    }

}
