package io.github.kerasdjl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.kerasdjl.Sequential;
import io.github.kerasdjl.layers.Dense;
import io.github.kerasdjl.optimizers.SGD;
import io.github.kerasdjl.reference.BeansNetwork;
import io.github.kerasdjl.reference.ReferenceMlp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GradientCheckTest {

    private static final String[] HIDDEN = {"linear", "relu", "sigmoid", "tanh", "leaky_relu", "softmax"};

    /**
     * Architectures drawn from a fixed seed: depth 1-4, widths 1-16, every hidden activation, each loss with a
     * fitting output (mse: any activation; binary_crossentropy: sigmoid; categorical_crossentropy: softmax, 2+
     * units), batch 1 and 10.
     */
    static Stream<Arguments> architectures() {
        Random r = new Random(2024);
        List<Arguments> cases = new ArrayList<>();
        String[] losses = {"mse", "binary_crossentropy", "categorical_crossentropy"};
        for (int c = 0; c < 36; c++) {
            int depth = 1 + c % 4;
            String loss = losses[c % 3];
            int batch = (c / 3) % 2 == 0 ? 1 : 10;
            int inputs = 1 + r.nextInt(4);
            List<Integer> widths = new ArrayList<>();
            List<String> activations = new ArrayList<>();
            for (int l = 0; l < depth - 1; l++) {
                widths.add(1 + r.nextInt(16));
                activations.add(HIDDEN[(c + l) % HIDDEN.length]);
            }
            int outputs = switch (loss) {
                case "categorical_crossentropy" -> 2 + r.nextInt(4);
                case "binary_crossentropy" -> 1 + r.nextInt(2);
                default -> 1 + r.nextInt(3);
            };
            String outAct = switch (loss) {
                case "categorical_crossentropy" -> "softmax";
                case "binary_crossentropy" -> "sigmoid";
                default -> HIDDEN[(c / 2) % 5];
            };
            widths.add(outputs);
            activations.add(outAct);
            cases.add(Arguments.of(c, inputs, widths, activations, loss, batch, 1000L + c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "[{0}] in={1} widths={2} act={3} loss={4} batch={5}")
    @MethodSource("architectures")
    void dslAndHandDerivedGradientsAgreeWithFiniteDifferences(int id, int inputs, List<Integer> widths,
            List<String> activations, String loss, int batch, long seed) {
        Random r = new Random(seed);
        float[][] x = new float[batch][inputs];
        float[][] y = new float[batch][widths.get(widths.size() - 1)];
        for (int s = 0; s < batch; s++) {
            for (int i = 0; i < inputs; i++) {
                x[s][i] = (float) (2 * r.nextGaussian());
            }
            if (loss.equals("categorical_crossentropy")) {
                y[s][r.nextInt(y[s].length)] = 1;
            } else {
                for (int j = 0; j < y[s].length; j++) {
                    y[s][j] = loss.equals("binary_crossentropy") ? r.nextInt(2) : (float) r.nextGaussian();
                }
            }
        }
        try (Sequential model = new Sequential().seed(seed)) {
            for (int l = 0; l < widths.size(); l++) {
                model.add(new Dense(widths.get(l), activations.get(l), l == 0 ? inputs : 0)
                        .biasInitializer("random_normal"));
            }
            model.compile(new SGD(0.1), loss);
            GradientCheck.Report report = GradientCheck.check(model, x, y);
            assertTrue(report.passed(), report.toString());
            // Both of the DSL's paths are checked whenever the model has the hand-written one.
            boolean hand = model.usesFastPath();
            if (hand) {
                HAND_WRITTEN_CHECKED.add(id);
            }
            // With margin: the worst relative error is at least 10x inside the tolerance.
            for (GradientCheck.Entry e : report.entries()) {
                double bound = 0.1 * (GradientCheck.ABSOLUTE_TOLERANCE + GradientCheck.DEFAULT_TOLERANCE * e.scale());
                assertTrue(e.dslMaxAbs() <= bound, report.toString());
                assertEquals(hand, !Double.isNaN(e.handWrittenMaxAbs()), report.toString());
                assertTrue(!hand || e.handWrittenMaxAbs() <= bound, report.toString());
                assertTrue(e.referenceMaxRel() < 1e-5 || e.referenceMaxAbs() < 1e-8, report.toString());
            }
        }
    }

    private static final java.util.Set<Integer> HAND_WRITTEN_CHECKED =
            java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Most of the architectures (all but those with a softmax hidden layer) check the hand-written pass too. */
    @org.junit.jupiter.api.AfterAll
    static void handWrittenPassWasCheckedOnMostArchitectures() {
        assertTrue(HAND_WRITTEN_CHECKED.size() >= 24, "hand-written pass checked on " + HAND_WRITTEN_CHECKED);
    }

    private static final double[] BEANS_X = {0.15, 0.6, 0.95, 1.3, 1.8};
    private static final double[] BEANS_Y = {0, 1, 1, 0, 0};

    private static Sequential beansModel(BeansNetwork.Weights w) {
        Sequential model = new Sequential().add(new Dense(2, "sigmoid", 1)).add(new Dense(1, "sigmoid")).seed(1);
        model.compile(new SGD(0.03), "mse");
        model.build(1);
        model.setWeights(w.keras().stream().map(Precision::toFloat).toList());
        return model;
    }

    private static BeansNetwork.Weights someWeights() {
        BeansNetwork.Weights w = new BeansNetwork.Weights();
        w.w11_1 = 0.62;
        w.b1_1 = 0.18;
        w.w12_1 = 0.91;
        w.b2_1 = 0.35;
        w.w11_2 = 0.77;
        w.w21_2 = 0.24;
        w.b1_2 = 0.53;
        return w;
    }

    private static float[][] column(double[] v) {
        float[][] c = new float[v.length][1];
        for (int i = 0; i < v.length; i++) {
            c[i][0] = (float) v[i];
        }
        return c;
    }

    /** The beans model with {@link #someWeights()}, checked against one of the seeds' derivations. */
    private static GradientCheck.Report checkBeans(BeansNetwork derivation) {
        BeansNetwork.Weights w = someWeights();
        try (Sequential model = beansModel(w)) {
            return GradientCheck.check(model, column(BEANS_X), column(BEANS_Y), derivation.gradients(w),
                    GradientCheck.DEFAULT_TOLERANCE);
        }
    }

    /** 002's hand derivation, weight by weight, agrees with autograd and finite differences. */
    @Test
    void lesson002BeansDerivationPasses() {
        GradientCheck.Report report = checkBeans(BeansNetwork.LESSON_002);
        assertTrue(report.passed(), report.toString());
    }

    /**
     * 000's slip (dz1_2da1_1 in dedw12_1 and dedb2_1) is flagged at exactly those two parameters: w12_1 is element 1
     * of the hidden kernel [[w11_1, w12_1]], b2_1 element 1 of the hidden bias [b1_1, b2_1]. Nothing else fails.
     */
    @Test
    void lesson000SlipIsFlaggedAtExactlyW12And2B21() {
        GradientCheck.Report report = checkBeans(BeansNetwork.LESSON_000);
        assertFalse(report.passed());
        assertEquals(List.of("dense/kernel", "dense/bias"),
                report.failures().stream().map(GradientCheck.Entry::name).toList(), report.toString());
        assertEquals(List.of(1), report.failures().get(0).failing());
        assertEquals(List.of(1), report.failures().get(1).failing());
        // The DSL itself is right everywhere, both ways: only the reference is off.
        for (GradientCheck.Entry e : report.entries()) {
            assertTrue(e.dslMaxRel() < 1e-4, report.toString());
            assertTrue(e.handWrittenMaxRel() < 1e-4, report.toString());
        }
    }

    @Test
    void referenceCopiesTheModelAndComputesTheSameOutputsAndLoss() {
        try (Sequential model = new Sequential().add(new Dense(5, "tanh", 3)).add(new Dense(2, "softmax"))
                .seed(4)) {
            model.compile(new SGD(0.1), "categorical_crossentropy");
            model.build(3);
            ReferenceMlp ref = ReferenceModels.of(model);
            float[][] x = {{0.1f, -1, 2}, {1, 1, 1}};
            float[][] y = {{1, 0}, {0, 1}};
            float[][] p = model.predict(x);
            double[][] q = ref.predict(Precision.toDouble(x));
            for (int s = 0; s < 2; s++) {
                for (int j = 0; j < 2; j++) {
                    assertEquals(q[s][j], p[s][j], 1e-6);
                }
            }
            assertEquals(ref.loss(Precision.toDouble(x), Precision.toDouble(y)),
                    model.evaluate(x, y).get("loss"), 1e-6);
        }
    }
}
