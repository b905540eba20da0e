package io.github.kerasdjl.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each optimizer's update rule (SGD, Adam, AdamW, Adamax, Nadam, RMSprop, Adagrad; weight decay, the three kinds of
 * clipping and the learning-rate schedules) on fixed arrays, against real Keras 3: the same fixed gradients applied to the same
 * variables, step by step, as Keras' own sgd_test.py applies them. The fixture (src/test/resources/fixtures/
 * optimizers.txt) was made by tools/keras/optimizer_fixtures.py with Keras 3.15.1 on JAX, float32. Both ways the
 * library's training steps call an optimizer are checked: {@code apply} (autograd, and the hand-written step with
 * momentum or Adam) and {@code applyScaled} with the gradient already times the learning rate (the hand-written
 * step with plain SGD).
 */
class OptimizerRulesTest {

    /** |library - Keras| <= ABS + REL |Keras|: float32 rounding of a few ops on values of order 1. */
    private static final double ABS = 1e-6;
    private static final double REL = 1e-5;

    /** One case of the fixture. */
    record Case(String name, String kind, Map<String, Object> args, List<float[]> initial,
            List<List<float[]>> grads, List<List<float[]>> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Shape> shapes;

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OptimizerRulesTest.class.getResourceAsStream("/fixtures/optimizers.txt")),
                StandardCharsets.UTF_8))) {
            Case current = null;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] t = line.split(" ");
                switch (t[0]) {
                    case "shapes" -> {
                        shapes = new ArrayList<>();
                        for (int i = 1; i < t.length; i++) {
                            shapes.add(new Shape(Stream.of(t[i].split("x")).mapToLong(Long::parseLong).toArray()));
                        }
                    }
                    case "case" -> {
                        current = new Case(t[1], t[2], json(t[3]), new ArrayList<>(), new ArrayList<>(),
                                new ArrayList<>());
                        cases.add(current);
                    }
                    case "initial" -> current.initial().add(values(t, 2));
                    case "step" -> {
                        int step = Integer.parseInt(t[1]);
                        List<List<float[]>> list = t[2].equals("grad") ? current.grads() : current.expected();
                        while (list.size() < step) {
                            list.add(new ArrayList<>());
                        }
                        list.get(step - 1).add(values(t, 4));
                    }
                    default -> {
                    }
                }
            }
        }
        return cases;
    }

    /** A Keras config as the fixture writes it (JSON without spaces): numbers as Double, null for None. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return new com.google.gson.GsonBuilder().serializeNulls().create().fromJson(text, LinkedHashMap.class);
    }

    private static float[] values(String[] tokens, int from) {
        float[] v = new float[tokens.length - from];
        for (int i = from; i < tokens.length; i++) {
            v[i - from] = Float.parseFloat(tokens[i]);
        }
        return v;
    }

    /** The library's optimizer for a case, from Keras' own config of it (Keras' defaults for the rest). */
    static Optimizer optimizer(Case c) {
        return Optimizers.fromConfig(c.kind(), c.args());
    }

    /**
     * Runs a case's steps with the optimizer and returns the largest error relative to the tolerance
     * (over 1 fails), checking after every step.
     *
     * @param scaled whether to call applyScaled with lr * g (plain SGD only) instead of apply
     */
    static double worst(Case c, Optimizer optimizer, boolean scaled) {
        double worst = 0;
        try (NDManager m = NDManager.newBaseManager()) {
            List<NDArray> variables = new ArrayList<>();
            for (int i = 0; i < c.initial().size(); i++) {
                variables.add(m.create(c.initial().get(i), shapes.get(i)));
            }
            optimizer.build(variables, m);
            for (int step = 0; step < c.grads().size(); step++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    List<NDArray> gradients = new ArrayList<>();
                    for (int i = 0; i < variables.size(); i++) {
                        NDArray g = m.create(c.grads().get(step).get(i), shapes.get(i));
                        gradients.add(scaled ? g.mul((float) optimizer.plainStepRate()) : g);
                    }
                    if (scaled) {
                        optimizer.applyScaled(variables, gradients);
                    } else {
                        optimizer.apply(variables, gradients);
                    }
                }
                assertEquals(step + 1, optimizer.iterations());
                for (int i = 0; i < variables.size(); i++) {
                    float[] got = variables.get(i).toFloatArray();
                    float[] want = c.expected().get(step).get(i);
                    for (int k = 0; k < got.length; k++) {
                        worst = Math.max(worst, Math.abs(got[k] - want[k]) / (ABS + REL * Math.abs(want[k])));
                    }
                }
            }
        }
        return worst;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applyMatchesKerasStepByStep(Case c) {
        double worst = worst(c, optimizer(c), false);
        assertTrue(worst <= 1, c + ": worst error " + worst + " of the tolerance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void applyScaledMatchesKerasForPlainSgd(Case c) {
        Optimizer optimizer = optimizer(c);
        if (Double.isNaN(optimizer.plainStepRate())) {
            return; // momentum and Adam have state: the hand-written step calls apply for them
        }
        double worst = worst(c, optimizer, true);
        assertTrue(worst <= 1, c + ": worst error " + worst + " of the tolerance");
    }

    /**
     * The fixture can tell a wrong rule: Adam with DJL's epsilon (1e-8 instead of Keras' 1e-7) misses it by far, as
     * does SGD without Nesterov on the Nesterov case.
     */
    @Test
    void theFixtureCatchesNearMisses() throws IOException {
        Map<String, Case> byName = new HashMap<>();
        for (Case c : cases()) {
            byName.put(c.name(), c);
        }
        assertEquals(28, byName.size());
        double djlEpsilon = worst(byName.get("adam_defaults"), new Adam(0.001, 0.9, 0.999, 1e-8), false);
        assertTrue(djlEpsilon > 100, "Adam with epsilon 1e-8: " + djlEpsilon + " of the tolerance");
        double noNesterov = worst(byName.get("sgd_nesterov"), new SGD(0.1, 0.9, false), false);
        assertTrue(noNesterov > 100, "momentum without Nesterov: " + noNesterov + " of the tolerance");
        double noDecay = worst(byName.get("adamw_custom"), new Adam(0.01, 0.8, 0.99, 1e-6), false);
        assertTrue(noDecay > 100, "AdamW without its weight decay: " + noDecay + " of the tolerance");
        double noClip = worst(byName.get("sgd_clipnorm"), new SGD(0.5), false);
        assertTrue(noClip > 100, "SGD without clipnorm: " + noClip + " of the tolerance");
        double noSchedule = worst(byName.get("sgd_exponential"), new SGD(0.5), false);
        assertTrue(noSchedule > 100, "a constant rate for ExponentialDecay: " + noSchedule + " of the tolerance");
        // Nadam is not Adam: its momentum schedule changes every update
        double adamForNadam = worst(byName.get("nadam_custom"), new Adam(0.01, 0.8, 0.99, 1e-6), false);
        assertTrue(adamForNadam > 100, "Adam on Nadam's case: " + adamForNadam + " of the tolerance");
    }

    /** Every case's optimizer writes the config Keras wrote for it (numbers to float32, as Keras stores them). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void configRoundTripsWithKeras(Case c) {
        Map<String, Object> mine = Optimizers.config(optimizer(c));
        for (Map.Entry<String, Object> e : c.args().entrySet()) {
            if (e.getKey().equals("name")) {
                continue; // Keras numbers its instances: sgd, sgd_1, ...
            }
            Object want = e.getValue();
            Object got = mine.get(e.getKey());
            assertTrue(mine.containsKey(e.getKey()), c + ": no " + e.getKey());
            assertEquals(normalize(want), normalize(got), c + ": " + e.getKey());
        }
    }

    /** Numbers as float32 (Keras' config holds float32 values widened), maps and lists element by element. */
    private static Object normalize(Object v) {
        if (v instanceof Number n) {
            return (float) n.doubleValue();
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new java.util.TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!"name".equals(e.getKey())) {
                    out.put(e.getKey(), normalize(e.getValue()));
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            return l.stream().map(OptimizerRulesTest::normalize).toList();
        }
        return v;
    }
}
