package io.github.kerasdjl.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every metric's update against real Keras 3: the fixture (src/test/resources/fixtures/metrics.txt, made by
 * tools/keras/metric_fixtures.py with Keras 3.15.1 on JAX, float32) holds Keras' {@code result()} after each of three
 * batches (5, 5 and 3 rows) fed to {@code update_state}, without and with sample weights (one weight 0), for
 * sparse/top-k accuracy, Precision and Recall (thresholds, top_k, class_id), AUC (ROC and PR, 200 and 10 evenly
 * spaced thresholds, given thresholds, minoring, majoring, from_logits), F1Score (every average, with and without a
 * threshold), RootMeanSquaredError, R2Score (every aggregation, adjusted) and the older accuracy and error metrics.
 * Each metric is built from the config Keras wrote for it (as a {@code .keras} file holds it), so the config form
 * is checked too. Tolerance: 5e-5 relative (1e-6 absolute near 0): Keras computes in float32, the library in double.
 */
class MetricsKerasTest {

    record Case(String id, boolean weighted, String set, String config, List<float[]> expected) {
        @Override
        public String toString() {
            return id + (weighted ? " weighted" : "");
        }
    }

    static int[] batches;
    static final Map<String, float[]> TRUE = new HashMap<>();
    static final Map<String, float[]> PRED = new HashMap<>();
    static final Map<String, Integer> TRUE_COLS = new HashMap<>();
    static final Map<String, Integer> PRED_COLS = new HashMap<>();
    static float[] weights;
    static double maxRelative;
    static String worst = "";

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        Case current = null;
        for (String line : KerasFixtures.lines("metrics.txt")) {
            String[] t = line.split(" ");
            switch (t[0]) {
                case "batches" -> batches = Arrays.stream(t).skip(1).mapToInt(Integer::parseInt).toArray();
                case "data" -> {
                    (t[2].equals("ytrue") ? TRUE : PRED).put(t[1], KerasFixtures.floats(t, 4));
                    (t[2].equals("ytrue") ? TRUE_COLS : PRED_COLS).put(t[1], Integer.parseInt(t[3]));
                }
                case "weights" -> weights = KerasFixtures.floats(t, 1);
                case "case" -> {
                    String[] c = line.split(" ", 5);
                    current = new Case(c[1], c[2].equals("1"), c[3], c[4], new ArrayList<>());
                    cases.add(current);
                }
                case "expect" -> current.expected().add(KerasFixtures.floats(t, 2));
                default -> throw new IllegalStateException("unknown fixture line: " + line);
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesKerasAfterEachBatch(Case c) {
        Metric m = Metrics.fromKeras(c.config());
        assertEquals(c.id(), m.name());
        int tc = TRUE_COLS.get(c.set());
        int pc = PRED_COLS.get(c.set());
        float[] yt = TRUE.get(c.set());
        float[] yp = PRED.get(c.set());
        int start = 0;
        for (int b = 0; b < batches.length; b++) {
            int end = start + batches[b];
            m.update(Arrays.copyOfRange(yt, start * tc, end * tc), tc, Arrays.copyOfRange(yp, start * pc, end * pc),
                    pc, end - start, c.weighted() ? Arrays.copyOfRange(weights, start, end) : null);
            double[] got = m.results();
            float[] want = c.expected().get(b);
            assertEquals(want.length, got.length, c + " batch " + (b + 1) + ": result length");
            for (int i = 0; i < want.length; i++) {
                double rel = KerasFixtures.relative(got[i], want[i]);
                synchronized (MetricsKerasTest.class) {
                    if (rel > maxRelative) {
                        maxRelative = rel;
                        worst = c + " batch " + (b + 1) + " [" + i + "]";
                    }
                }
                assertTrue(rel <= KerasFixtures.REL, c + " batch " + (b + 1) + " [" + i + "]: library " + got[i]
                        + ", Keras " + want[i]);
            }
            if (want.length == 1) {
                assertEquals(got[0], m.result(), 0.0);
            }
            start = end;
        }
        // A reset forgets the epoch: the first batch again gives the first result.
        m.reset();
        m.update(Arrays.copyOfRange(yt, 0, batches[0] * tc), tc, Arrays.copyOfRange(yp, 0, batches[0] * pc), pc,
                batches[0], c.weighted() ? Arrays.copyOfRange(weights, 0, batches[0]) : null);
        assertTrue(KerasFixtures.relative(m.results()[0], c.expected().get(0)[0]) <= KerasFixtures.REL, c
                + " after reset");
    }

    @Test
    void everyCaseIsInTheFixtureTwice() throws IOException {
        List<Case> cases = cases();
        assertTrue(cases.size() >= 80, "cases: " + cases.size());
        assertEquals(cases.stream().filter(Case::weighted).count(), cases.stream().filter(c -> !c.weighted())
                .count());
    }

    @AfterAll
    static void report() {
        System.out.printf("MetricsKerasTest: max relative difference to Keras %.3g (%s)%n", maxRelative, worst);
    }
}
