package io.github.kerasdjl.activations;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {

    private static final float[] XS = {-3f, -1.5f, -0.2f, 0f, 0.3f, 1f, 2.5f};

    /** Each activation on the engine agrees with its formula written in double precision. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "SOFTMAX", mode = EnumSource.Mode.EXCLUDE)
    void engineMatchesFormula(Activation a) {
        try (NDManager m = NDManager.newBaseManager()) {
            float[] got = a.apply(m.create(XS)).toFloatArray();
            for (int i = 0; i < XS.length; i++) {
                assertEquals(a.apply((double) XS[i]), got[i], 2e-6, a + " at " + XS[i]);
            }
        }
    }

    @Test
    void formulasAtKnownPoints() {
        assertEquals(0.5, Activation.SIGMOID.apply(0.0), 0);
        assertEquals(0.7310585786300049, Activation.SIGMOID.apply(1.0), 1e-15);
        assertEquals(-0.4, Activation.LEAKY_RELU.apply(-2.0), 1e-15); // Keras' negative_slope 0.2
        assertEquals(Math.exp(-1) - 1, Activation.ELU.apply(-1.0), 1e-15);
        assertEquals(Math.log(2), Activation.SOFTPLUS.apply(0.0), 1e-15);
        assertEquals(0.7310585786300049, Activation.SWISH.apply(1.0), 1e-15);
        // gelu(1) = 0.5 * (1 + erf(1/sqrt 2)) = 0.8413447460685429 (Phi(1), the normal CDF at 1).
        assertEquals(0.8413447460685429, Activation.GELU.apply(1.0), 1e-13);
        assertEquals(0.8427007929497149, Erf.erf(1.0), 1e-14);
        assertEquals(0.9999779095030014, Erf.erf(3.0), 1e-14);
        assertEquals(-0.5204998778130465, Erf.erf(-0.5), 1e-14);
    }

    @Test
    void softmaxIsPerRowAndSumsToOne() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 0, 0, 0}, new Shape(2, 3));
            float[] p = Activation.SOFTMAX.apply(x).toFloatArray();
            double z = Math.exp(1) + Math.exp(2) + Math.exp(3);
            assertEquals(Math.exp(1) / z, p[0], 1e-6);
            assertEquals(Math.exp(3) / z, p[2], 1e-6);
            assertEquals(1.0 / 3, p[4], 1e-6);
        }
    }

    /**
     * The derivative each activation gives from its output equals the central difference of its formula at the
     * input, in double precision: {@code (f(x + h) - f(x - h)) / 2h}, h = 1e-4 (away from relu's kink).
     */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"LINEAR", "RELU", "SIGMOID", "TANH", "LEAKY_RELU"})
    void derivativeFromOutputMatchesFiniteDifferences(Activation a) {
        float[] xs = {-2.5f, -1.1f, -0.3f, 0.4f, 1.2f, 2.2f};
        try (NDManager m = NDManager.newBaseManager();
                io.github.kerasdjl.backend.Constants k = new io.github.kerasdjl.backend.Constants(m)) {
            assertTrue(a.hasDerivativeFromOutput());
            NDArray x = m.create(xs);
            NDArray ones = m.ones(x.getShape());
            float[] got = a.derivativeFromOutput(k).timesDerivative(ones, a.apply(x)).toFloatArray();
            double h = 1e-4;
            for (int i = 0; i < xs.length; i++) {
                double expected = (a.apply(xs[i] + h) - a.apply(xs[i] - h)) / (2 * h);
                assertEquals(expected, got[i], 1e-5, a + "' at " + xs[i]);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SOFTMAX", "ELU", "SOFTPLUS", "SWISH", "GELU"})
    void activationsWhoseOutputDoesNotGiveTheDerivative(Activation a) {
        try (NDManager m = NDManager.newBaseManager();
                io.github.kerasdjl.backend.Constants k = new io.github.kerasdjl.backend.Constants(m)) {
            assertFalse(a.hasDerivativeFromOutput());
            assertNull(a.derivativeFromOutput(k));
        }
    }

    /** Each activation's DJL block computes the activation, and is recognised as it again. */
    @ParameterizedTest
    @EnumSource(value = Activation.class, names = "LINEAR", mode = EnumSource.Mode.EXCLUDE)
    void blockComputesTheActivationAndIsRecognised(Activation a) {
        Block block = a.toBlock();
        assertNotNull(block);
        assertEquals(a, Activation.fromBlock(block));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(XS, new Shape(1, XS.length));
            float[] viaBlock = block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow()
                    .toFloatArray();
            assertArrayEquals(a.apply(x).toFloatArray(), viaBlock);
        }
    }

    @Test
    void linearHasNoBlockAndOtherBlocksAreNotActivations() {
        assertNull(Activation.LINEAR.toBlock());
        assertNull(Activation.fromBlock(ai.djl.nn.core.Linear.builder().setUnits(2).build()));
        assertNull(Activation.fromBlock(ai.djl.nn.Activation.leakyReluBlock(0.01f)), "not Keras' slope 0.2");
        assertNull(Activation.fromBlock(ai.djl.nn.Activation.mishBlock()));
        assertEquals(Activation.RELU, Activation.fromBlock(ai.djl.nn.Activation.reluBlock()));
    }
}
