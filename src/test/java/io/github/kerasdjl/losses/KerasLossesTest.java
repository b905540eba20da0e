package io.github.kerasdjl.losses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.training.FitOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every loss beyond mse/mae, with the from_logits and label_smoothing variants of the cross-entropies, against real
 * Keras 3. The fixture (src/test/resources/fixtures/losses.txt) was made by tools/keras/loss_fixtures.py with Keras
 * 3.15.1 on JAX, float32:
 * <ul>
 * <li>value cases: Keras' loss per sample and its batch mean on fixed y_true / y_pred; matched within
 *     {@value #VALUE_ABS} + {@value #VALUE_REL} |Keras|;</li>
 * <li>training cases: a Dense(4, tanh) + Dense(units, activation) model on 3 inputs, Keras' starting weights, SGD(0.1),
 *     shuffle off, 3 epochs of batches of 5 on 13 samples (an uneven last batch): the loss of each epoch within
 *     {@value #EPOCH_REL} relative and the final weights within {@value #WEIGHT_ABS}, through the hand-written step
 *     where the loss has one and through autograd always.</li>
 * </ul>
 * The largest differences measured are printed at the end (and asserted against the tolerances case by case).
 */
class KerasLossesTest {

    static final double VALUE_ABS = 1e-6;
    static final double VALUE_REL = 1e-5;
    static final double EPOCH_REL = 5e-5;
    static final double WEIGHT_ABS = 1e-4;

    /** The cases whose loss has a hand-written output delta for their output activation. */
    static final java.util.Set<String> HAND_WRITTEN = java.util.Set.of("sparse_cce", "sparse_cce_logits",
            "bce_logits", "bce_smoothing", "bce_logits_smoothing", "cce_logits", "cce_smoothing",
            "cce_logits_smoothing");

    private static double maxValueDiff;
    private static double maxEpochRel;
    private static double maxWeightDiff;

    record Value(String name, String loss, float[][] yTrue, float[][] yPred, float[] perSample, double mean) {
        @Override
        public String toString() {
            return name;
        }
    }

    record Train(String name, int units, String activation, String loss, float[][] y, List<float[]> weights,
            List<Double> epochs, List<float[]> last, boolean fastPath) {
        @Override
        public String toString() {
            return name + (fastPath ? " (fast path on)" : " (autograd)");
        }
    }

    static float[][] x;
    static int hidden;

    private static float[] floats(String[] t, int from) {
        float[] v = new float[t.length - from];
        for (int i = from; i < t.length; i++) {
            v[i - from] = Float.parseFloat(t[i]);
        }
        return v;
    }

    private static float[][] matrix(String shape, float[] flat) {
        long[] s = Stream.of(shape.split("x")).mapToLong(Long::parseLong).toArray();
        int cols = (int) s[1];
        float[][] r = new float[(int) s[0]][cols];
        for (int i = 0; i < r.length; i++) {
            System.arraycopy(flat, i * cols, r[i], 0, cols);
        }
        return r;
    }

    private static List<String> lines() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                KerasLossesTest.class.getResourceAsStream("/fixtures/losses.txt")), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.startsWith("#")).toList();
        }
    }

    static List<Value> values() throws IOException {
        List<Value> out = new ArrayList<>();
        for (String line : lines()) {
            if (!line.startsWith("value ")) {
                continue;
            }
            String[] parts = line.split(" \\| ");
            String head = parts[0].substring("value ".length());
            String name = head.substring(0, head.indexOf(' '));
            String loss = head.substring(head.indexOf(' ') + 1);
            String[] yt = parts[1].split(" ");
            String[] yp = parts[2].split(" ");
            out.add(new Value(name, loss, matrix(yt[1], floats(yt, 2)), matrix(yp[1], floats(yp, 2)),
                    floats(parts[3].split(" "), 1), Double.parseDouble(parts[4].split(" ")[1])));
        }
        return out;
    }

    static List<Train> trains() throws IOException {
        List<Train> out = new ArrayList<>();
        String[] head = null;
        float[][] y = null;
        List<float[]> weights = new ArrayList<>();
        List<Double> epochs = new ArrayList<>();
        List<float[]> last = new ArrayList<>();
        List<String> all = new ArrayList<>(lines());
        all.add("end");
        for (String line : all) {
            String[] t = line.split(" ");
            switch (t[0]) {
                case "setup" -> hidden = Integer.parseInt(t[2].split("=")[1]);
                case "x" -> x = matrix(t[1], floats(t, 2));
                case "train", "end" -> {
                    if (head != null) {
                        String loss = String.join(" ", java.util.Arrays.copyOfRange(head, 4, head.length));
                        for (boolean fast : new boolean[] {true, false}) {
                            out.add(new Train(head[1], Integer.parseInt(head[2]), head[3], loss, y,
                                    List.copyOf(weights), List.copyOf(epochs), List.copyOf(last), fast));
                        }
                    }
                    head = t;
                    weights.clear();
                    epochs.clear();
                    last.clear();
                }
                case "y" -> y = matrix(t[1], floats(t, 2));
                case "weights" -> weights.add(floats(t, 3));
                case "epoch" -> epochs.add(Double.parseDouble(t[2]));
                case "final" -> last.add(floats(t, 2));
                default -> {
                }
            }
        }
        return out;
    }

    /**
     * The loss a fixture line names: a Keras name (through {@link Loss#get}) or a Keras class with arguments, built
     * with this library's constructors of the same arguments.
     */
    static Loss loss(String spec) {
        String[] t = spec.split(" ");
        if (t.length == 1 && Character.isLowerCase(t[0].charAt(0))) {
            return Loss.get(t[0]);
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 1; i < t.length; i++) {
            String[] kv = t[i].split("=");
            args.put(kv[0], kv[1]);
        }
        boolean logits = Boolean.parseBoolean(args.getOrDefault("from_logits", "False").toLowerCase());
        double smoothing = Double.parseDouble(args.getOrDefault("label_smoothing", "0"));
        return switch (t[0]) {
            case "BinaryCrossentropy" -> new Losses.BinaryCrossentropy(logits, smoothing);
            case "CategoricalCrossentropy" -> new Losses.CategoricalCrossentropy(logits, smoothing);
            case "SparseCategoricalCrossentropy" -> new Losses.SparseCategoricalCrossentropy(logits);
            case "Huber" -> new Losses.Huber(Double.parseDouble(args.get("delta")));
            default -> throw new IllegalArgumentException("no such loss in the fixture's grammar: " + spec);
        };
    }

    @ParameterizedTest
    @MethodSource("values")
    void lossValuesAreKeras(Value c) {
        Loss loss = loss(c.loss());
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray yTrue = m.create(flat(c.yTrue()), new Shape(c.yTrue().length, c.yTrue()[0].length));
            NDArray yPred = m.create(flat(c.yPred()), new Shape(c.yPred().length, c.yPred()[0].length));
            float[] perSample = loss.perSample(yTrue, yPred).toFloatArray();
            assertEquals(c.perSample().length, perSample.length, c.name());
            for (int i = 0; i < perSample.length; i++) {
                check(c.name() + " sample " + i, c.perSample()[i], perSample[i]);
            }
            check(c.name() + " mean", c.mean(), loss.compute(yTrue, yPred).getFloat());
            // The host form of the loss (the hand-written step's) where it has one: the same sum.
            double host = loss.hostSum(flat(c.yTrue()), flat(c.yPred()), c.yPred().length, c.yPred()[0].length);
            if (!Double.isNaN(host)) {
                check(c.name() + " host sum", c.mean() * c.yPred().length, host);
            }
        }
    }

    private static void check(String what, double expected, double actual) {
        double diff = Math.abs(expected - actual);
        maxValueDiff = Math.max(maxValueDiff, diff / (1 + Math.abs(expected)));
        assertTrue(diff <= VALUE_ABS + VALUE_REL * Math.abs(expected),
                what + ": Keras " + expected + ", here " + actual + " (difference " + diff + ")");
    }

    @ParameterizedTest
    @MethodSource("trains")
    void trainingMatchesKeras(Train c) {
        Loss loss = loss(c.loss());
        try (Sequential model = new Sequential(c.name())) {
            model.add(new Dense(hidden, "tanh", x[0].length));
            model.add(new Dense(c.units(), c.activation()));
            model.build(x[0].length);
            model.setWeights(c.weights());
            model.fastPath(c.fastPath());
            model.compile(new SGD(0.1), loss);
            assertEquals(c.fastPath() && HAND_WRITTEN.contains(c.name()), model.usesFastPath(),
                    c + ": which training step");
            History h = model.fit(x, c.y(), new FitOptions().epochs(c.epochs().size()).batchSize(5)
                    .shuffle(false).verbose(0));
            List<Double> got = h.get("loss");
            for (int e = 0; e < got.size(); e++) {
                double expected = c.epochs().get(e);
                double rel = Math.abs(got.get(e) - expected) / Math.abs(expected);
                maxEpochRel = Math.max(maxEpochRel, rel);
                assertTrue(rel <= EPOCH_REL, c + " epoch " + (e + 1) + ": Keras " + expected + ", here " + got.get(e)
                        + " (relative difference " + rel + ")");
            }
            List<float[]> weights = model.getWeights();
            for (int i = 0; i < weights.size(); i++) {
                for (int j = 0; j < weights.get(i).length; j++) {
                    double diff = Math.abs(weights.get(i)[j] - c.last().get(i)[j]);
                    maxWeightDiff = Math.max(maxWeightDiff, diff);
                    assertTrue(diff <= WEIGHT_ABS, c + " weight " + i + "[" + j + "]: Keras " + c.last().get(i)[j]
                            + ", here " + weights.get(i)[j]);
                }
            }
        }
    }

    @AfterAll
    static void report() {
        System.out.printf("KerasLossesTest: max |value - Keras| / (1 + |Keras|) %.3g, max epoch loss relative"
                + " difference %.3g, max |weight - Keras| %.3g%n", maxValueDiff, maxEpochRel, maxWeightDiff);
    }

    private static float[] flat(float[][] rows) {
        float[] f = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, f, i * rows[0].length, rows[0].length);
        }
        return f;
    }
}
