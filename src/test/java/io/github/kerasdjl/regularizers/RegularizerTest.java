package io.github.kerasdjl.regularizers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.check.ReferenceModels;
import io.github.kerasdjl.datasets.Playground;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras' kernel regularizers: the penalty joins the loss, its gradient joins the kernel's gradient. */
class RegularizerTest {

    private static Sequential model(Regularizer r) {
        Sequential m = new Sequential().seed(8).add(new Dense(5, "tanh", 2).kernelRegularizer(r))
                .add(new Dense(1, "sigmoid").kernelRegularizer(r));
        m.compile(new SGD(0.1), "mse");
        m.build(2);
        return m;
    }

    @Test
    void gradientGainsTheDerivativeOfThePenalty() {
        float[][] x = Playground.xor(20, 0, 2).x();
        float[][] y = Playground.xor(20, 0, 2).y();
        for (Regularizer r : new Regularizer[] {Regularizer.l2(0.05), Regularizer.l1(0.03)}) {
            try (Sequential plain = model(null); Sequential regularized = model(r)) {
                List<float[]> w = plain.getWeights();
                List<float[]> g0 = plain.computeGradients(x, y);
                List<float[]> g1 = regularized.computeGradients(x, y);
                for (int i = 0; i < w.size(); i++) {
                    boolean kernel = i % 2 == 0;
                    for (int k = 0; k < w.get(i).length; k++) {
                        double v = w.get(i)[k];
                        double expected = !kernel ? 0 : 2 * r.l2() * v + r.l1() * Math.signum(v);
                        assertEquals(expected, g1.get(i)[k] - g0.get(i)[k], 1e-6, r + " weight " + i + "," + k);
                    }
                }
            }
        }
    }

    @Test
    void reportedLossIncludesThePenaltyAsKerasDoes() {
        float[][] x = Playground.circle(30, 0, 2).x();
        float[][] y = Playground.circle(30, 0, 2).y();
        Regularizer r = Regularizer.l2(0.01);
        try (Sequential plain = model(null); Sequential regularized = model(r)) {
            double penalty = 0;
            List<float[]> w = plain.getWeights();
            penalty += r.penalty(w.get(0)) + r.penalty(w.get(2));
            double base = plain.evaluate(x, y).get("loss");
            assertTrue(penalty > 1e-3);
            assertEquals(base + penalty, regularized.evaluate(x, y).get("loss"), 1e-6);
            // fit: the first epoch's loss (one batch, before the update) is the same sum.
            double first = regularized.fit(x, y, new io.github.kerasdjl.training.FitOptions().epochs(1).batchSize(30)
                    .verbose(0)).last("loss");
            assertEquals(base + penalty, first, 1e-5);
            assertFalse(regularized.usesFastPath(), "regularized kernels train through autograd");
        }
    }

    @Test
    void l2ShrinksWeights() {
        float[][] x = Playground.gauss(100, 0, 2).x();
        float[][] y = Playground.gauss(100, 0, 2).y();
        try (Sequential plain = model(null); Sequential regularized = model(Regularizer.l2(0.05))) {
            io.github.kerasdjl.training.FitOptions o = new io.github.kerasdjl.training.FitOptions().epochs(40).batchSize(10).verbose(0);
            plain.fit(x, y, o);
            regularized.fit(x, y, o);
            assertTrue(norm(regularized.getWeights()) < 0.8 * norm(plain.getWeights()));
        }
    }

    private static double norm(List<float[]> w) {
        double s = 0;
        for (int i = 0; i < w.size(); i += 2) {
            for (float v : w.get(i)) {
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    @Test
    void namesRatesAndErrors() {
        assertNull(Regularizer.get("none", 0.1));
        assertEquals(0.1, Regularizer.get("L2", 0.1).l2());
        assertEquals(0.1, Regularizer.get("l1_l2", 0.1).l1());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Regularizer.get("l3", 1));
        assertTrue(e.getMessage().contains("'l3'") && e.getMessage().contains("l2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Regularizer.l2(-1));
        assertTrue(e.getMessage().contains("`l2`: -1.0"), e.getMessage());
        assertEquals(0.01, new Dense(2).kernelRegularizer("l2").kernelRegularizer().l2());
        try (Sequential m = model(Regularizer.l1(0.1))) {
            assertThrows(IllegalArgumentException.class, () -> ReferenceModels.of(m));
        }
    }
}
