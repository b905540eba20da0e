package io.github.kerasdjl.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
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
}
