package io.github.kerasdjl.optimizers;

import static io.github.kerasdjl.Keras.Dense;
import static io.github.kerasdjl.Keras.Sequential;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.callbacks.History;
import io.github.kerasdjl.training.FitOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Training with every optimizer, weight decay, the three kinds of clipping and every learning-rate schedule, against
 * real Keras 3: src/test/resources/fixtures/optimizer_training.txt (tools/keras/optimizer_training_fixtures.py, Keras
 * 3.15.1 on JAX) holds a 3-5-1 tanh/sigmoid model's fixed start, 23 samples, and for each case Keras' optimizer
 * config, its loss after each of 4 epochs (batch 5, so an uneven last batch of 3; shuffle off) and its final weights.
 * The same run in Java, on the hand-written step and on autograd, must give each epoch's loss within 5e-5 relative
 * and the final weights within 1e-4.
 */
class OptimizerTrainingTest {

    record Case(String name, String className, Map<String, Object> config, double[] losses, List<float[]> weights) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<float[]> X = new ArrayList<>();
    private static final List<float[]> Y = new ArrayList<>();
    private static final List<float[]> START = new ArrayList<>();

    static List<Case> cases() throws IOException {
        X.clear();
        Y.clear();
        START.clear();
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OptimizerTrainingTest.class.getResourceAsStream("/fixtures/optimizer_training.txt")),
                StandardCharsets.UTF_8))) {
            Case current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] t = line.split(" ");
                switch (t[0]) {
                    case "x" -> X.add(values(t));
                    case "y" -> Y.add(values(t));
                    case "start" -> START.add(values(t));
                    case "case" -> {
                        current = new Case(t[1], t[2], OptimizerRulesTest.json(t[3]), null, new ArrayList<>());
                        cases.add(current);
                    }
                    case "loss" -> {
                        double[] losses = new double[t.length - 1];
                        for (int i = 1; i < t.length; i++) {
                            losses[i - 1] = Double.parseDouble(t[i]);
                        }
                        Case c = cases.remove(cases.size() - 1);
                        current = new Case(c.name(), c.className(), c.config(), losses, c.weights());
                        cases.add(current);
                    }
                    case "weights" -> current.weights().add(values(t));
                    default -> {
                    }
                }
            }
        }
        return cases;
    }

    private static float[] values(String[] t) {
        float[] v = new float[t.length - 1];
        for (int i = 1; i < t.length; i++) {
            v[i - 1] = Float.parseFloat(t[i]);
        }
        return v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void trainsAsKerasOnBothSteps(Case c) {
        for (boolean fast : new boolean[] {true, false}) {
            try (Sequential model = Sequential().add(Dense(5, "tanh", 3)).add(Dense(1, "sigmoid")).seed(1)
                    .fastPath(fast)) {
                model.build(3);
                model.setWeights(START);
                model.compile(Optimizers.fromConfig(c.className(), c.config()), "mse");
                History h = model.fit(X.toArray(new float[0][]), Y.toArray(new float[0][]), new FitOptions()
                        .epochs(c.losses().length).batchSize(5).shuffle(false).verbose(0));
                List<Double> losses = h.get("loss");
                for (int e = 0; e < c.losses().length; e++) {
                    double want = c.losses()[e];
                    assertEquals(want, losses.get(e), 5e-5 * Math.abs(want), c + " (fast path " + fast + ") epoch "
                            + (e + 1));
                }
                List<float[]> got = model.getWeights();
                double worst = 0;
                for (int i = 0; i < got.size(); i++) {
                    for (int k = 0; k < got.get(i).length; k++) {
                        worst = Math.max(worst, Math.abs(got.get(i)[k] - c.weights().get(i)[k]));
                    }
                }
                assertTrue(worst <= 1e-4, c + " (fast path " + fast + "): final weights " + worst + " from Keras'");
                assertEquals(20, model.optimizer().iterations(), "steps: 4 epochs of 5 batches");
            }
        }
    }
}
