package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FeaturesAndRegressionTest {

    @Test
    void featureCrossesArePlaygrounds() {
        Features f = Features.of("x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)");
        assertEquals(7, f.size());
        float[] row = f.apply(new float[][] {{2, -3}})[0];
        float[] expected = {2, -3, 4, 9, -6, (float) Math.sin(2), (float) Math.sin(-3)};
        for (int i = 0; i < 7; i++) {
            assertEquals(expected[i], row[i], 1e-6, f.list().get(i).label());
        }
        assertEquals("x1^2, x1*x2", Features.of("x1sq", "x1x2").toString());
        Dataset d = Features.of("x1*x2").apply(Playground.xor(10, 0, 1));
        assertEquals(1, d.x()[0].length);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Features.of("x3"));
        assertTrue(e.getMessage().contains("'x3'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Features.of("x1", "x1"));
        assertThrows(IllegalArgumentException.class, () -> Features.of(java.util.List.of()));
    }

    @Test
    void regressionPlaneIsTheSumOverTen() {
        Dataset d = Playground.plane(200, 0, 4);
        assertTrue(Playground.Kind.get("plane").isRegression());
        for (int i = 0; i < d.size(); i++) {
            float[] p = d.x()[i];
            assertTrue(Math.abs(p[0]) <= 6 && Math.abs(p[1]) <= 6);
            assertEquals((p[0] + p[1]) / 10, d.y()[i][0], 1e-6);
        }
        Dataset noisy = Playground.plane(200, 0.5, 4);
        double off = 0;
        for (int i = 0; i < noisy.size(); i++) {
            off = Math.max(off, Math.abs(noisy.y()[i][0] - (noisy.x()[i][0] + noisy.x()[i][1]) / 10));
        }
        assertTrue(off > 0.1, "noise moves the targets");
    }

    @Test
    void multiGaussianHasSixSignedBumps() {
        assertTrue(Playground.Kind.get("multi-gaussian").isRegression());
        assertTrue(!Playground.Kind.get("circle").isRegression());
        Dataset d = Playground.multiGaussian(2000, 0, 4);
        for (int i = 0; i < d.size(); i++) {
            float[] p = d.x()[i];
            float y = d.y()[i][0];
            assertTrue(Math.abs(y) <= 1);
            if (Math.hypot(p[0] - 4, p[1] - 2.5) < 0.5) {
                assertTrue(y > 0.7, "near the + bump at (4, 2.5): " + y);
            }
            if (Math.hypot(p[0], p[1] + 2.5) < 0.5) {
                assertTrue(y > 0.7, "near the + bump at (0, -2.5): " + y);
            }
            if (Math.hypot(p[0], p[1] - 2.5) < 0.5) {
                assertTrue(y < -0.7, "near the - bump at (0, 2.5): " + y);
            }
            if (Math.abs(p[1]) > 5 || Math.abs(p[0]) > 6.1) {
                assertEquals(0, y, 1e-6, "far from every bump");
            }
        }
    }
}
