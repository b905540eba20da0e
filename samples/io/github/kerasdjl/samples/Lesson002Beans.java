package io.github.kerasdjl.samples;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.SGD;
import static io.github.kerasdjl.Keras.Sequential;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Comparison.Table;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.plot.Plots;
import io.github.kerasdjl.reference.BeansNetwork;
import io.github.kerasdjl.reference.ReferenceMlp;
import io.github.kerasdjl.training.FitOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Lesson 002's beans network, both ways: the seed's hand-derived 1-2-1 sigmoid network ({@link BeansNetwork},
 * every partial derivative named as in the lesson, per-bean SGD with alpha 0.03), and the same network in the DSL:
 *
 * <pre>
 * model = Sequential()
 * model.add(Dense(2, activation='sigmoid', input_dim=1))
 * model.add(Dense(1, activation='sigmoid'))
 * model.compile(loss='mse', optimizer=SGD(learning_rate=0.03), metrics=['accuracy'])
 * model.fit(xs, ys, epochs=5000, batch_size=1, shuffle=False)
 * </pre>
 *
 * Both start from the seed's initial weights ({@code np.random.rand()} for each, U(0, 1)) and see the 100 beans in
 * the same order; the sample prints their loss, accuracy, predictions and time side by side. Run:
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.github.kerasdjl.samples.Lesson002Beans} (optional argument: epochs, default 5000 as the
 * seed; the DSL's 500,000 single-bean steps take about a minute).
 */
public final class Lesson002Beans {

    /** Bean sizes to predict: small, middle (toxic in the seed's data), big. */
    static final double[] TEST_SIZES = {0.2, 0.8, 1.6};

    private Lesson002Beans() {
    }

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        double alpha = 0.03;
        long seed = 42;
        Dataset beans = Beans.hump(100, seed); // the seed's dataset.get_beans(100)
        float[] xs = beans.xColumn();
        float[] ys = beans.yColumn();

        // The seed's init_network: every weight np.random.rand().
        Random random = new Random(seed);
        BeansNetwork.Weights hand = new BeansNetwork.Weights();
        hand.w11_1 = random.nextDouble();
        hand.b1_1 = random.nextDouble();
        hand.w12_1 = random.nextDouble();
        hand.b2_1 = random.nextDouble();
        hand.w11_2 = random.nextDouble();
        hand.w21_2 = random.nextDouble();
        hand.b1_2 = random.nextDouble();
        List<float[]> start = new ArrayList<>();
        for (double[] w : hand.keras()) {
            start.add(Precision.toFloat(w));
        }

        // Hand-rolled: the lesson's loop, line by line in BeansNetwork.
        double[] xd = Precision.toDouble(xs);
        double[] yd = Precision.toDouble(ys);
        long t0 = System.nanoTime();
        BeansNetwork.LESSON_002.train(hand, xd, yd, alpha, epochs);
        double handSeconds = (System.nanoTime() - t0) / 1e9;

        // The DSL.
        Sequential model = Sequential();
        model.add(Dense(2, "sigmoid", 1));
        model.add(Dense(1, "sigmoid"));
        model.compile(SGD(alpha), "mse", "accuracy");
        model.build(1);
        model.setWeights(start);
        t0 = System.nanoTime();
        model.fit(xs, ys, new FitOptions().epochs(epochs).batchSize(1).shuffle(false).verbose(0));
        double dslSeconds = (System.nanoTime() - t0) / 1e9;

        double[][] handPredictions = new double[xs.length][1];
        for (int i = 0; i < xs.length; i++) {
            handPredictions[i][0] = BeansNetwork.predict(hand, xd[i]);
        }
        double[][] dslPredictions = toColumn(Precision.toDouble(model.predict(xs)));
        double[][] targets = toColumn(yd);

        System.out.printf(Locale.ROOT, "Lesson 002: %d beans (get_beans), 1-2-1 sigmoid network, per-bean SGD, "
                + "alpha %.2f, %d epochs, same initial weights%n%n", xs.length, alpha, epochs);
        Table table = new Table("", "hand-rolled (002)", "DSL (keras-djl)");
        table.row("loss (mse)", f(mse(targets, handPredictions)), f(mse(targets, dslPredictions)));
        table.row("accuracy", f(ReferenceMlp.accuracy(targets, handPredictions)),
                f(ReferenceMlp.accuracy(targets, dslPredictions)));
        float[] probes = model.predict(Precision.toFloat(TEST_SIZES));
        for (int i = 0; i < TEST_SIZES.length; i++) {
            table.row(String.format(Locale.ROOT, "toxicity of a bean of size %.1f", TEST_SIZES[i]),
                    f(BeansNetwork.predict(hand, TEST_SIZES[i])), f(probes[i]));
        }
        table.row("time", Table.duration(handSeconds), Table.duration(dslSeconds));
        System.out.print(table);
        System.out.printf(Locale.ROOT, "%nmax weight difference: %.3e (float32 against double)%n",
                Precision.maxDifference(model.getWeights(), hand.keras()));
        Path png = Path.of(args.length > 1 ? args[1] : "output").resolve("beans_002.png");
        Plots.curve(model, beans, png, 600, 400, "Lesson 002: Size-Toxicity Function", null, null);
        System.out.println("picture: " + png.toAbsolutePath());
        model.close();
    }

    static double mse(double[][] y, double[][] p) {
        double sum = 0;
        for (int i = 0; i < y.length; i++) {
            double d = y[i][0] - p[i][0];
            sum += d * d;
        }
        return sum / y.length;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static double[][] toColumn(double[] v) {
        double[][] c = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            c[i] = new double[] {v[i]};
        }
        return c;
    }
}
