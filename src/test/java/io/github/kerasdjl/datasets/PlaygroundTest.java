package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlaygroundTest {

    /** Without noise each spiral point is exactly Playground's formula. */
    @Test
    void spiralFollowsPlaygroundFormula() {
        Dataset d = Playground.spiral(500, 0, 1);
        assertEquals(500, d.size());
        int n = 250;
        for (int i : new int[] {0, 1, 100, 249}) {
            double r = (double) i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI;
            assertEquals(r * Math.sin(t), d.x()[i][0], 1e-5);
            assertEquals(r * Math.cos(t), d.x()[i][1], 1e-5);
            assertEquals(1f, d.y()[i][0]);
            // The other arm: the same with t + pi, label 0.
            assertEquals(r * Math.sin(t + Math.PI), d.x()[n + i][0], 1e-5);
            assertEquals(0f, d.y()[n + i][0]);
        }
    }

    @Test
    void noiseMovesPointsByAtMostNoiseAndIsSeeded() {
        Dataset clean = Playground.spiral(100, 0, 1);
        Dataset noisy = Playground.spiral(100, 0.3, 1);
        double maxShift = 0;
        for (int i = 0; i < 100; i++) {
            maxShift = Math.max(maxShift, Math.abs(noisy.x()[i][0] - clean.x()[i][0]));
        }
        assertTrue(maxShift <= 0.3 + 1e-6 && maxShift > 0.1, "shift " + maxShift);
        assertEquals(noisy, Playground.spiral(100, 0.3, 1));
        assertNotEquals(noisy, Playground.spiral(100, 0.3, 2));
    }

    @Test
    void circleLabelsFollowTheRadiusWithoutNoise() {
        Dataset d = Playground.circle(400, 0, 3);
        for (int i = 0; i < d.size(); i++) {
            double r = Math.hypot(d.x()[i][0], d.x()[i][1]);
            assertEquals(r < 2.5 ? 1f : 0f, d.y()[i][0]);
            assertTrue(r <= 2.5 || (r >= 3.5 - 1e-5 && r <= 5 + 1e-5), "r " + r);
        }
    }

    @Test
    void xorLabelsAndPadding() {
        Dataset d = Playground.xor(400, 0, 3);
        for (int i = 0; i < d.size(); i++) {
            float x = d.x()[i][0];
            float y = d.x()[i][1];
            assertTrue(Math.abs(x) >= 0.3f - 1e-6 && Math.abs(y) >= 0.3f - 1e-6);
            assertEquals(x * y >= 0 ? 1f : 0f, d.y()[i][0]);
        }
    }

    @Test
    void gaussCentresAndVarianceGrowWithNoise() {
        Dataset d = Playground.gauss(4000, 0, 3);
        double mean = 0;
        double var = 0;
        for (int i = 0; i < 2000; i++) {
            mean += d.x()[i][0] / 2000.0;
        }
        for (int i = 0; i < 2000; i++) {
            var += Math.pow(d.x()[i][0] - mean, 2) / 2000.0;
        }
        assertEquals(2, mean, 0.07);
        assertEquals(0.5, var, 0.06); // variance 0.5 at noise 0
        Dataset wide = Playground.gauss(4000, 0.5, 3);
        double varWide = 0;
        for (int i = 0; i < 2000; i++) {
            varWide += Math.pow(wide.x()[i][0] - 2, 2) / 2000.0;
        }
        assertEquals(4, varWide, 0.4); // variance 4 at noise 0.5
    }

    @ParameterizedTest
    @EnumSource(Playground.Kind.class)
    void everyKindIsBalancedAndNamed(Playground.Kind kind) {
        Dataset d = kind.generate(200, 0.1, 7);
        assertEquals(200, d.size());
        int ones = 0;
        for (float[] y : d.y()) {
            ones += (int) y[0];
        }
        if (!kind.isRegression()) {
            assertTrue(ones > 60 && ones < 140, kind + " has " + ones + " of 200 labelled 1");
        }
        assertEquals(kind, Playground.Kind.get(kind.label()));
    }

    @Test
    void oddCountsGiveExactlyThatManyPoints() {
        for (Playground.Kind kind : Playground.Kind.values()) {
            assertEquals(25, kind.generate(25, 0, 1).size(), kind.toString());
        }
    }

    @Test
    void badArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Playground.spiral(10, 2, 1));
        assertTrue(e.getMessage().contains("`noise`") && e.getMessage().contains("[0, 0.5]"));
        assertThrows(IllegalArgumentException.class, () -> Playground.circle(1, 0, 1));
        e = assertThrows(IllegalArgumentException.class, () -> Playground.Kind.get("spirale"));
        assertTrue(e.getMessage().contains("Did you mean 'spiral'?"));
    }

    @Test
    void splitIsSeededDisjointAndComplete() {
        Dataset d = Playground.gauss(500, 0.2, 1); // continuous draws: no two points alike
        Dataset.Split s = d.split(0.8, 4);
        assertEquals(400, s.train().size());
        assertEquals(100, s.test().size());
        assertEquals(s.train(), d.split(0.8, 4).train());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Dataset part : new Dataset[] {s.train(), s.test()}) {
            for (float[] p : part.x()) {
                assertTrue(seen.add(java.util.Arrays.toString(p)), "a point is in both parts");
            }
        }
        assertEquals(500, seen.size());
        assertThrows(IllegalArgumentException.class, () -> d.split(1.0, 1));
    }
}
