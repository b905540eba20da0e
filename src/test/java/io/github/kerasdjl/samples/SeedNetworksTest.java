package io.github.kerasdjl.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.Precision;
import io.github.kerasdjl.datasets.Beans;
import io.github.kerasdjl.datasets.Dataset;
import io.github.kerasdjl.datasets.Moons;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.BeansNetwork;
import io.github.kerasdjl.training.FitOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seeds' hand-rolled networks and their DSL twins compute the same thing: from the same start, on the same
 * samples in the same order, they end at the same weights (float32 against double, so within 1e-5 to 1e-4).
 */
class SeedNetworksTest {

    @TempDir
    Path dir;

    @Test
    void beansNetworkOf002AndTheDslTakeTheSameSteps() {
        Dataset beans = Beans.hump(100, 7);
        BeansNetwork.Weights hand = new BeansNetwork.Weights();
        hand.w11_1 = 0.3;
        hand.b1_1 = 0.9;
        hand.w12_1 = 0.5;
        hand.b2_1 = 0.1;
        hand.w11_2 = 0.7;
        hand.w21_2 = 0.2;
        hand.b1_2 = 0.6;
        List<float[]> start = new ArrayList<>();
        for (double[] w : hand.keras()) {
            start.add(Precision.toFloat(w));
        }
        BeansNetwork.LESSON_002.train(hand, Precision.toDouble(beans.xColumn()),
                Precision.toDouble(beans.yColumn()), 0.03, 20);
        try (Sequential model = new Sequential().add(new Dense(2, "sigmoid", 1)).add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(0.03), "mse");
            model.build(1);
            model.setWeights(start);
            model.fit(beans.xColumn(), beans.yColumn(),
                    new FitOptions().epochs(20).batchSize(1).shuffle(false).verbose(0));
            assertEquals(2000, model.optimizer().iterations());
            double diff = Precision.maxDifference(model.getWeights(), hand.keras());
            double moved = Precision.maxDifference(start, hand.keras());
            assertTrue(diff < 1e-5, "max weight difference after 2000 per-bean steps: " + diff);
            assertTrue(moved > 0.05, "the weights moved: " + moved);
        }
    }

    @Test
    void matrixNetworkOf004AndTheDslTakeTheSameSteps() {
        Dataset moons = Moons.generate(100, 0.1, 3);
        try (Sequential model = new Sequential().seed(5).add(new Dense(4, "sigmoid", 2))
                .add(new Dense(1, "sigmoid"))) {
            model.compile(new SGD(2.0), "mse");
            model.build(2);
            MatrixNetwork hand = new MatrixNetwork(model.getWeights(), 2, 4);
            List<float[]> start = model.getWeights();
            hand.train(Precision.toDouble(moons.x()), Precision.toDouble(moons.y()), 2.0, 300);
            model.fit(moons.x(), moons.y(), new FitOptions().epochs(300).batchSize(100).shuffle(false).verbose(0));
            double diff = Precision.maxDifference(model.getWeights(), hand.keras());
            assertTrue(diff < 1e-5, "max weight difference after 300 full-batch steps: " + diff);
            double moved = 0;
            List<float[]> end = model.getWeights();
            for (int i = 0; i < end.size(); i++) {
                for (int k = 0; k < end.get(i).length; k++) {
                    moved = Math.max(moved, Math.abs(end.get(i)[k] - start.get(i)[k]));
                }
            }
            assertTrue(moved > 0.1, "the weights moved: " + moved);
        }
    }

    @Test
    void samplesPrintBothSidesAndTheSeedsTestPoints() {
        String beans = run(() -> Lesson002Beans.main(new String[] {"30", dir.toString()}));
        assertTrue(beans.contains("hand-rolled (002)") && beans.contains("DSL (keras-djl)"), beans);
        assertTrue(beans.contains("toxicity of a bean of size 0.8"), beans);
        assertTrue(beans.matches("(?s).*max weight difference: \\d\\.\\d{3}e-0[5-9].*"), beans);

        String moons = run(() -> Lesson004Moons.main(new String[] {"3000", dir.toString()}));
        assertTrue(moons.contains("prediction for [0.0, -0.5]"), moons);
        assertTrue(moons.contains("0.9910") && moons.contains("0.0068"), "the lesson's numbers: " + moons);
        // As in the lesson, after 3000 iterations [0, -0.5] is on the lower moon (1) and [1, 1] on the upper (0).
        String[] lower = row(moons, "prediction for [0.0, -0.5]");
        String[] upper = row(moons, "prediction for [1.0, 1.0]");
        for (int side = 0; side < 2; side++) {
            assertTrue(Double.parseDouble(lower[side]) > 0.95, moons);
            assertTrue(Double.parseDouble(upper[side]) < 0.05, moons);
        }
        assertTrue(row(moons, "accuracy")[1].equals("1.0000"), moons);
        assertTrue(Files.exists(dir.resolve("beans_002.png")) && Files.exists(dir.resolve("moons.png")));
    }

    /** Lesson 000: one neuron cannot draw the hump of toxic middle-sized beans; a hidden layer of two can. */
    @Test
    void oneNeuronCannotFitTheHumpAndAHiddenLayerCan() {
        String out = run(() -> Lesson000Beans.main(new String[] {"500", dir.toString()}));
        double one = Double.parseDouble(field(out, "one neuron:", "accuracy"));
        double two = Double.parseDouble(field(out, "hidden layer:", "accuracy"));
        assertTrue(one < 0.85, out);
        assertTrue(two > 0.95, out);
        assertTrue(Files.exists(dir.resolve("beans_one_neuron.png")) && Files.exists(dir.resolve(
                "beans_hidden_layer.png")), out);
    }

    /** Lesson 003: without activations the network stays linear and cannot separate the circle. */
    @Test
    void withoutActivationsTheNetworkStaysLinear() {
        String out = run(() -> Lesson003Linear.main(new String[] {"300", dir.toString()}));
        double linear = Double.parseDouble(field(out, "linear", "accuracy"));
        double relu = Double.parseDouble(field(out, "relu", "accuracy"));
        assertTrue(linear < 0.75, out);
        assertTrue(relu > 0.9, out);
        assertTrue(Files.exists(dir.resolve("circle_linear.png")) && Files.exists(dir.resolve("circle_relu.png")));
    }

    @Test
    void playgroundTasksWriteTheirPictures() {
        String out = run(() -> Lesson001Playground.main(new String[] {"20", dir.toString()}));
        for (String name : new String[] {"circle_3_sigmoid", "circle_3_relu", "xor_3_sigmoid", "xor_3_relu"}) {
            assertTrue(Files.exists(dir.resolve(name + ".png")), name + ": " + out);
        }
    }

    /** The number after {@code key} on the line starting with {@code prefix}. */
    private static String field(String out, String prefix, String key) {
        for (String line : out.split("\n")) {
            if (line.startsWith(prefix)) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile(key + " (\\d\\.\\d+)").matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        throw new AssertionError("no " + key + " on a line starting " + prefix + ": " + out);
    }

    private static String[] row(String table, String label) {
        for (String line : table.split("\n")) {
            if (line.startsWith(label)) {
                return line.substring(label.length()).trim().split("\\s+");
            }
        }
        throw new AssertionError("no row " + label + " in " + table);
    }

    static String run(Runnable sample) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            sample.run();
        } finally {
            System.setOut(original);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
