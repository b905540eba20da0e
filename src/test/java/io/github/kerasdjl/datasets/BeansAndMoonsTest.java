package io.github.kerasdjl.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BeansAndMoonsTest {

    @Test
    void humpIsTheSeedsGetBeans() {
        Dataset d = Beans.hump(400, 1);
        assertEquals(400, d.size());
        assertEquals(d, Beans.get("get_beans", 400, 1), "002's name");
        assertEquals(d, Beans.get("get_beans4", 400, 1), "000's name");
        assertEquals(d, Beans.hump(400, 1), "seeded");
        assertNotEquals(d, Beans.hump(400, 2));
        float previous = -1;
        for (int i = 0; i < d.size(); i++) {
            float x = d.x()[i][0];
            float y = d.y()[i][0];
            assertTrue(x >= previous && x < 2, "sorted sizes in [0, 2)");
            previous = x;
            // 0.7 x + 0.5 + noise within 0.01 lies in (0.8, 1.4) for x in (0.443, 1.271) away from the edges.
            if (x < 0.41 || x > 1.30) {
                assertEquals(0, y, "size " + x);
            } else if (x > 0.45 && x < 1.27) {
                assertEquals(1, y, "size " + x);
            }
        }
    }

    @Test
    void theOtherLessonsBeans() {
        for (int i = 0; i < 200; i++) {
            Dataset linear = Beans.linear(200, 3);
            double x = linear.x()[i][0];
            double y = linear.y()[i][0];
            assertTrue(y >= 1.2 * x - 1e-6 && y <= 1.2 * x + 0.1 + 1e-6);
        }
        Dataset threshold = Beans.threshold(300, 3);
        for (int i = 0; i < 300; i++) {
            float x = threshold.x()[i][0];
            if (x < 0.41 || x > 0.45) {
                assertEquals(x > 0.43 ? 1 : 0, threshold.y()[i][0], "size " + x);
            }
        }
        Dataset disc = Beans.disc(300, 3);
        Dataset plane = Beans.plane(300, 3);
        for (int i = 0; i < 300; i++) {
            float[] p = disc.x()[i];
            assertEquals((p[0] - 1) * (p[0] - 1) + (p[1] - 0.3) * (p[1] - 0.3) < 0.5 ? 1 : 0, disc.y()[i][0], 0);
            float[] q = plane.x()[i];
            assertEquals(q[0] - 0.5 * q[1] - 0.1 > 0 ? 1 : 0, plane.y()[i][0], 0);
        }
        assertEquals(2, disc.x()[0].length);
        Dataset two = Beans.twoHumps(500, 4);
        boolean secondBand = false;
        for (int i = 0; i < 500; i++) {
            float x = two.x()[i][0];
            secondBand |= x > 1.6 && x < 1.7 && two.y()[i][0] == 1;
        }
        assertTrue(secondBand, "toxic again for sizes around 1.65");
    }

    @Test
    void badBeans() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Beans.hump(0, 1));
        assertTrue(e.getMessage().contains("`counts`: 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Beans.get("get_bean", 10, 1));
        assertTrue(e.getMessage().contains("Did you mean 'get_beans'?"), e.getMessage());
    }

    @Test
    void moonsAreMakeMoons() {
        Dataset d = Moons.generate(101, 0, 5);
        int lower = 0;
        for (int i = 0; i < d.size(); i++) {
            float[] p = d.x()[i];
            if (d.y()[i][0] == 1) {
                lower++;
                assertEquals(1, Math.hypot(p[0] - 1, p[1] - 0.5), 1e-6, "lower moon: circle around (1, 0.5)");
                assertTrue(p[1] <= 0.5 + 1e-6);
            } else {
                assertEquals(1, Math.hypot(p[0], p[1]), 1e-6, "upper moon: unit circle");
                assertTrue(p[1] >= -1e-6);
            }
        }
        assertEquals(51, lower, "make_moons gives the second moon the odd point");
        assertEquals(Moons.generate(100, 0.1, 5), Moons.generate(100, 0.1, 5));
        assertNotEquals(Moons.generate(100, 0.1, 5), Moons.generate(100, 0.1, 6));
        assertNotEquals(Moons.generate(100, 0, 5), Moons.generate(100, 0.1, 5));
        assertThrows(IllegalArgumentException.class, () -> Moons.generate(1, 0, 5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Moons.generate(10, -1, 5));
        assertTrue(e.getMessage().contains("`noise`: -1.0"), e.getMessage());
    }

    @Test
    void shuffledKeepsTheSamples() {
        Dataset d = Playground.xor(50, 0, 1);
        Dataset s = d.shuffled(9);
        assertEquals(d.size(), s.size());
        assertNotEquals(d, s);
        assertEquals(s, d.shuffled(9));
        double sumD = 0;
        double sumS = 0;
        for (int i = 0; i < d.size(); i++) {
            sumD += d.x()[i][0] * 3 + d.y()[i][0];
            sumS += s.x()[i][0] * 3 + s.y()[i][0];
        }
        assertEquals(sumD, sumS, 1e-4);
    }
}
