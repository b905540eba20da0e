package io.github.kerasdjl.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keras' formulas (keras/src/initializers: VarianceScaling with scale, mode and distribution; RandomNormal and
 * RandomUniform with Keras' defaults 0.05): for fan_in 30 and fan_out 20, the limits and standard deviations below.
 */
class InitializerTest {

    private static final int FAN_IN = 30;
    private static final int FAN_OUT = 20;
    private static final int COUNT = 40_000;

    private static float[] sample(Initializer i) {
        return i.sample(COUNT, FAN_IN, FAN_OUT, new Random(11));
    }

    /** Uniform initializers fill [-limit, limit]: limit = sqrt(3 scale / n), n = fan_in or (fan_in + fan_out)/2. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"glorot_uniform, 0.34641016", "he_uniform, 0.44721360", "lecun_uniform, 0.31622777",
            "random_uniform, 0.05"})
    void uniformLimits(String name, double limit) {
        float[] v = sample(Initializer.get(name));
        double max = 0;
        double sum = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x));
            sum += x;
        }
        assertTrue(max <= limit, name + ": max " + max);
        assertTrue(max > 0.999 * limit, name + ": the sample reaches the limit, max " + max);
        assertEquals(0, sum / COUNT, limit * 0.02, name + ": mean");
    }

    /**
     * Normal initializers: stddev sqrt(scale / n) for the truncated ones (drawn as a unit normal cut at 2 and divided
     * by 0.8796..., so the sample's stddev is the target and no value exceeds 2 / 0.8796 of it); 0.05 untruncated.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"glorot_normal, 0.2, true", "he_normal, 0.25819889, true", "lecun_normal, 0.18257419, true",
            "random_normal, 0.05, false"})
    void normalStddevs(String name, double stddev, boolean truncated) {
        float[] v = sample(Initializer.get(name));
        double sum = 0;
        double squares = 0;
        double max = 0;
        for (float x : v) {
            sum += x;
            squares += (double) x * x;
            max = Math.max(max, Math.abs(x));
        }
        double mean = sum / COUNT;
        double sd = Math.sqrt(squares / COUNT - mean * mean);
        assertEquals(stddev, sd, 0.02 * stddev, name + ": stddev");
        assertEquals(0, mean, 0.03 * stddev, name + ": mean");
        if (truncated) {
            assertTrue(max <= 2 * stddev / Initializer.TRUNCATED_STDDEV + 1e-6, name + ": max " + max);
        } else {
            assertTrue(max > 3 * stddev, name + ": an untruncated normal has tails, max " + max);
        }
    }

    @Test
    void zerosOnesAndSeeds() {
        assertArrayEquals(new float[5], Initializer.ZEROS.sample(5, 5, 1, new Random(1)));
        assertArrayEquals(new float[] {1, 1, 1}, Initializer.ONES.sample(3, 3, 1, new Random(1)));
        assertArrayEquals(Initializer.HE_NORMAL.sample(20, 4, 5, new Random(3)),
                Initializer.HE_NORMAL.sample(20, 4, 5, new Random(3)));
        assertFalse(java.util.Arrays.equals(Initializer.HE_NORMAL.sample(20, 4, 5, new Random(3)),
                Initializer.HE_NORMAL.sample(20, 4, 5, new Random(4))));
    }

    @Test
    void namesAndAliases() {
        assertEquals(Initializer.GLOROT_UNIFORM, Initializer.get("xavier_uniform"));
        assertEquals(Initializer.GLOROT_NORMAL, Initializer.get("Glorot_Normal"));
        assertEquals(Initializer.ZEROS, Initializer.get("zero"));
        assertEquals("he_normal", Initializer.HE_NORMAL.kerasName());
        Throwable e = assertThrows(IllegalArgumentException.class, () -> Initializer.get("glorot_unifrom"));
        assertTrue(e.getMessage().contains("`initializer`"), e.getMessage());
        assertTrue(e.getMessage().contains("Did you mean 'glorot_uniform'?"), e.getMessage());
    }
}
