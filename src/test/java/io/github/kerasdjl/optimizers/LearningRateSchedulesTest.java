package io.github.kerasdjl.optimizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.training.tracker.CosineTracker;
import ai.djl.training.tracker.Tracker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The learning-rate schedules against real Keras 3: each schedule line of src/test/resources/fixtures/optimizers.txt
 * (tools/keras/optimizer_fixtures.py, Keras 3.15.1 on JAX) holds Keras' config of a schedule and its rate at steps
 * 0..13; the library's schedule built from that config must give each within 1e-6 relative (float32 rounding).
 * Training with a schedule, where the step count matters, is in OptimizerRulesTest and OptimizerTrainingTest.
 */
class LearningRateSchedulesTest {

    record Line(String name, String className, Map<String, Object> config, double[] rates) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                LearningRateSchedulesTest.class.getResourceAsStream("/fixtures/optimizers.txt")),
                StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] t = line.split(" ");
                if (t[0].equals("schedule")) {
                    double[] rates = new double[t.length - 4];
                    for (int i = 4; i < t.length; i++) {
                        rates[i - 4] = Double.parseDouble(t[i]);
                    }
                    lines.add(new Line(t[1], t[2], OptimizerRulesTest.json(t[3]), rates));
                }
            }
        }
        return lines;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void ratesMatchKerasAtEveryStep(Line line) {
        LearningRateSchedule s = LearningRateSchedules.fromConfig(line.className(), line.config());
        for (int step = 0; step < line.rates().length; step++) {
            double want = line.rates()[step];
            assertEquals(want, s.at(step), 1e-6 * Math.abs(want) + 1e-12, line + " at step " + step);
            assertEquals((float) want, s.getNewValue(step), 1e-6 * Math.abs(want) + 1e-12, "as a DJL Tracker");
        }
    }

    @Test
    void theFixtureHoldsEverySchedule() throws IOException {
        List<String> classes = lines().stream().map(Line::className).distinct().sorted().toList();
        assertEquals(LearningRateSchedules.NAMES.stream().sorted().toList(), classes);
    }

    /**
     * Why DJL's trackers are not reused: DJL's CosineTracker with Keras' numbers (base 0.1, final 0.1 * alpha, 10
     * steps) agrees with Keras' CosineDecay only while no warm-up target is given; it has no warm-up-to-a-target
     * mode, so CosineDecay keeps its own formula.
     */
    @Test
    void djlsCosineTrackerAgreesOnlyWithoutAWarmUp() {
        double alpha = 0.2;
        LearningRateSchedule keras = new LearningRateSchedules.CosineDecay(0.1, 10, alpha);
        Tracker djl = CosineTracker.builder().setBaseValue(0.1f).optFinalValue((float) (0.1 * alpha))
                .setMaxUpdates(10).build();
        for (int step = 0; step <= 12; step++) {
            assertEquals(keras.at(step), djl.getNewValue(step), 1e-6, "step " + step);
        }
        LearningRateSchedule warm = new LearningRateSchedules.CosineDecay(0.0, 8, 0.1, 0.3, 4);
        assertTrue(Math.abs(warm.at(2) - 0.15) < 1e-6, "warm-up halfway: " + warm.at(2));
    }

    @Test
    void badArgumentsAreNamed() {
        assertMessage(() -> new LearningRateSchedules.ExponentialDecay(-0.1, 10, 0.9), "initial_learning_rate",
                "-0.1");
        assertMessage(() -> new LearningRateSchedules.ExponentialDecay(Double.NaN, 10, 0.9), "initial_learning_rate",
                "NaN");
        assertMessage(() -> new LearningRateSchedules.ExponentialDecay(0.1, 0, 0.9), "decay_steps", "0");
        assertMessage(() -> new LearningRateSchedules.ExponentialDecay(0.1, 10, -0.5), "decay_rate", "-0.5");
        assertMessage(() -> new LearningRateSchedules.InverseTimeDecay(0.1, 10, Double.NaN), "decay_rate", "NaN");
        assertMessage(() -> new LearningRateSchedules.PiecewiseConstantDecay(new long[] {5, 2},
                new double[] {1, 0.5, 0.1}), "boundaries", "strictly increasing");
        assertMessage(() -> new LearningRateSchedules.PiecewiseConstantDecay(new long[] {5},
                new double[] {1, 0.5, 0.1}), "values", "one value more");
        assertMessage(() -> new LearningRateSchedules.PolynomialDecay(0.1, -3), "decay_steps", "-3");
        assertMessage(() -> new LearningRateSchedules.CosineDecay(0.1, 10, 1.5), "alpha", "1.5");
        assertMessage(() -> new LearningRateSchedules.CosineDecay(0.1, 10, 0, 0.5, -1), "warmup_steps", "-1");
        assertMessage(() -> LearningRateSchedules.fromConfig("CosineDecayRestarts", Map.of()), "CosineDecayRestarts",
                "ExponentialDecay");
        assertMessage(() -> LearningRateSchedules.fromConfig("ExponentialDecay", Map.of("initial_learning_rate", 0.1,
                "decay_steps", 2.5, "decay_rate", 0.9)), "decay_steps", "2.5", "whole number");
        assertMessage(() -> LearningRateSchedules.fromConfig("PiecewiseConstantDecay", Map.of("values",
                List.of(1.0))), "boundaries", "null", "list");
        // a schedule of one's own that gives a bad rate stops the step before any variable changes
        SGD bad = new SGD(LearningRateSchedule.of("mine", step -> step == 0 ? 0.1 : Double.NaN));
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.ndarray.NDArray w = m.create(new float[] {1, 2});
            bad.build(List.of(w), m);
            bad.apply(List.of(w), List.of(m.create(new float[] {1, 1})));
            assertMessage(() -> bad.apply(List.of(w), List.of(m.create(new float[] {1, 1}))), "learning_rate",
                    "NaN", "mine", "step 1");
            assertEquals(0.9f, w.toFloatArray()[0], 1e-6, "unchanged by the refused step");
            assertEquals(1, bad.iterations());
        }
    }

    /** A schedule is not settable from a callback, as in Keras; its optimizer's rate is the schedule's. */
    @Test
    void anOptimizerWithAScheduleFollowsItAndRefusesAFixedRate() {
        SGD sgd = new SGD(new LearningRateSchedules.ExponentialDecay(0.5, 2, 0.5));
        assertEquals(0.5, sgd.learningRate(), 1e-7);
        sgd.setIterations(4);
        assertEquals(0.125, sgd.learningRate(), 1e-7);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> sgd.setLearningRate(0.1));
        assertTrue(e.getMessage().contains("ExponentialDecay"), e.getMessage());
        assertTrue(Double.isNaN(new SGD(0.1).clipnorm(1).plainStepRate()), "a clipped SGD is not plain");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), "'" + p + "' not in: " + e.getMessage());
        }
    }
}
